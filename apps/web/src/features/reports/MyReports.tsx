import { Alert, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { SelfReportItem } from '@rightly/core';
import { useState, type ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatCount, pluralize } from '../../lib/format/format';
import { todayIn } from '../assessment/period-nav';
import { useSignedInUser } from '../auth/signed-in-user';
import { DueWindowCard } from './DueWindowCard';
import {
  dueNowWindows,
  formatShare,
  groupByWindow,
  onTimeShare,
  pastReportItems,
  rangeFor,
  windowLabel,
} from './report-model';
import { useSelfReports } from './reports-api';
import { ReportsTable } from './ReportsTable';

/** How far back the rep's own list reaches: the recent weeks, as the API does by default. */
const MY_WEEKS = 8;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Stat({ label, value, detail, color }: { label: string; value: string; detail?: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} lh={1.2}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

function sentMessage(sent: SelfReportItem[]): string {
  const first = sent[0];
  if (!first) return 'Report sent.';
  const late = sent.some((item) => item.status === 'late');
  return `Report for ${windowLabel(first.window)} sent${late ? ' — after the due date, so it counts as late' : ' on time'}. Thank you.`;
}

/**
 * A rep's own reports: what is due now (with the CRM's figure beside each field), what was sent
 * and how it compared with the CRM, and how reliably they report on time.
 */
export function MyReports() {
  const me = useSignedInUser();
  const today = todayIn(me.organization.timeZone);
  const range = rangeFor(MY_WEEKS, today);
  const reports = useSelfReports({ from: range.from, to: range.to });
  const [sentNote, setSentNote] = useState<string | null>(null);
  const [editing, setEditing] = useState<SelfReportItem | null>(null);
  const currency = me.organization.currency;

  const header = (
    <PageHeader
      title="My reports"
      description="What you delivered, in your words, by the due date. The CRM’s figure is shown beside each field."
    />
  );

  if (reports.isPending) {
    return (
      <>
        {header}
        <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading your reports">
          <Skeleton height={180} />
          <Skeleton height={240} />
        </Stack>
      </>
    );
  }
  if (reports.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="Your reports could not be loaded"
          error={reports.error}
          onRetry={() => void reports.refetch()}
          retrying={reports.isFetching}
        />
      </>
    );
  }

  const { items, summary } = reports.data;
  const due = dueNowWindows(items, today);
  const past = pastReportItems(items);
  const share = onTimeShare(summary);

  return (
    <>
      {header}
      <Stack gap="xl">
        <Section id="due-now" title="Due now">
          {sentNote ? (
            <Alert color="teal" variant="light" title="Sent" withCloseButton onClose={() => setSentNote(null)}>
              {sentNote}
            </Alert>
          ) : null}
          {due.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <Text fw={600}>Nothing is due right now</Text>
              <Text size="sm" c="dimmed">
                {items.length === 0
                  ? 'None of your expectations asks for a self-report yet. Your leader turns it on per expectation.'
                  : 'Every report that has fallen due is in. The next window opens on its first day.'}
              </Text>
            </Paper>
          ) : (
            due.map((group) => (
              <DueWindowCard
                key={group.key}
                group={group}
                timeZone={me.organization.timeZone}
                currency={currency}
                onSent={(sent) => setSentNote(sentMessage(sent))}
              />
            ))
          )}
        </Section>

        <Section id="past-reports" title="Past reports">
          {past.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <Text size="sm" c="dimmed">
                No report has fallen due in the last {MY_WEEKS} weeks.
              </Text>
            </Paper>
          ) : (
            <Paper withBorder radius="md" p={0}>
              <ReportsTable items={past} label="Past reports" currency={currency} context="past" onEdit={setEditing} />
            </Paper>
          )}
        </Section>

        <Section id="standing" title="Standing">
          <Text size="sm" c="dimmed" mt={-6}>
            The last {MY_WEEKS} weeks. Reports in by their due date count for the right time.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Stat
              label="On time"
              value={formatShare(share)}
              detail={
                summary.due === 0
                  ? 'nothing fell due yet'
                  : `${formatCount(summary.onTime)} of ${pluralize(summary.due, 'report')} due`
              }
              {...(share !== null && share < 0.8 ? { color: 'orange.8' } : {})}
            />
            <Stat label="Late" value={formatCount(summary.late)} detail="sent after the due date" />
            <Stat
              label="Missing"
              value={formatCount(summary.overdue)}
              detail="overdue, not sent yet"
              {...(summary.overdue > 0 ? { color: 'red.7' } : {})}
            />
            <Stat
              label="Discrepancies"
              value={formatCount(summary.discrepancies)}
              detail="open: your figure and the CRM disagree"
            />
          </SimpleGrid>
        </Section>
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Correct your report" size="lg">
        {editing
          ? groupByWindow([editing]).map((group) => (
              <DueWindowCard
                key={`${group.key}|${editing.expectationId}`}
                group={group}
                timeZone={me.organization.timeZone}
                currency={currency}
                variant="edit"
                onCancel={() => setEditing(null)}
                onSent={() => {
                  setEditing(null);
                  setSentNote(`Your report for ${windowLabel(group.window)} is corrected.`);
                }}
              />
            ))
          : null}
      </Modal>
    </>
  );
}
