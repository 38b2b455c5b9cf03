import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { SelfReportItem } from '@rightly/core';
import { useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { CadenceCard } from './CadenceCard';
import { rangeFor, type CadenceDraft } from './report-model';
import { useSelfReports } from './reports-api';
import { ReportsTable } from './ReportsTable';
import { ReportSummaryLine } from './ReportSummaryLine';
import { ResolveDiscrepancyModal } from './ResolveDiscrepancyModal';

/** A rep page reaches back a quarter: enough to see whether a shorter cadence is working. */
const REP_WEEKS = 13;

interface RepReportsTabProps {
  repId: string;
  repName: string;
  today: string;
  currency: string;
  /** Leaders and admins: the cadence controls and resolving discrepancies. */
  canLead: boolean;
  cadencePrefill?: CadenceDraft | null;
}

/** One rep's self-reports on their page, with the cadence card for their leader. */
export function RepReportsTab({ repId, repName, today, currency, canLead, cadencePrefill = null }: RepReportsTabProps) {
  const range = rangeFor(REP_WEEKS, today);
  const reports = useSelfReports({ rep: repId, from: range.from, to: range.to });
  const [resolving, setResolving] = useState<SelfReportItem | null>(null);

  let list;
  if (reports.isPending) {
    list = <Skeleton height={240} role="status" aria-busy="true" aria-label="Loading the reports" />;
  } else if (reports.isError) {
    list = (
      <QueryErrorAlert
        title="The reports could not be loaded"
        error={reports.error}
        onRetry={() => void reports.refetch()}
        retrying={reports.isFetching}
      />
    );
  } else {
    const items = [...reports.data.items].sort(
      (a, b) => b.window.start.localeCompare(a.window.start) || a.expectationName.localeCompare(b.expectationName),
    );
    list = (
      <Stack gap="sm">
        <ReportSummaryLine summary={reports.data.summary} />
        {items.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Text size="sm" c="dimmed">
              No self-report in the last {REP_WEEKS} weeks: none of {repName}’s expectations asks for one.
            </Text>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p={0}>
            <ReportsTable
              items={items}
              label={`Self-reports of ${repName}`}
              currency={currency}
              {...(canLead ? { onResolve: setResolving } : {})}
            />
          </Paper>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {canLead ? <CadenceCard repId={repId} repName={repName} today={today} prefill={cadencePrefill} /> : null}
      <Stack gap="sm" component="section" aria-labelledby="rep-reports-title">
        <Title order={2} fz="lg" id="rep-reports-title">
          Self-reports, last {REP_WEEKS} weeks
        </Title>
        {list}
      </Stack>
      <ResolveDiscrepancyModal item={resolving} currency={currency} onClose={() => setResolving(null)} />
    </Stack>
  );
}
