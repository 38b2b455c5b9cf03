import { Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import type { SelfReportItem } from '@rightly/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { todayIn } from '../assessment/period-nav';
import { useSignedInUser } from '../auth/signed-in-user';
import { TeamSelect } from '../teams/TeamSelect';
import { isRangeWeeks, RANGE_PRESETS, rangeFor, sortByRepAndWindow, type RangeWeeks } from './report-model';
import { useSelfReports, type SelfReportsParams } from './reports-api';
import { ReportsTable } from './ReportsTable';
import { ReportSummaryLine } from './ReportSummaryLine';
import { ResolveDiscrepancyModal } from './ResolveDiscrepancyModal';

const STATUS_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'late', label: 'Late' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'discrepancy', label: 'Discrepancies' },
] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

function isStatusFilter(value: string | null): value is StatusFilter {
  return STATUS_FILTERS.some((filter) => filter.value === value);
}

const DEFAULT_WEEKS: RangeWeeks = 8;

const EMPTY_TEXT: Record<StatusFilter, string> = {
  all: 'No self-report fell due in this range. Turn on “asks for a self-report” on an expectation to start.',
  late: 'No late report in this range.',
  overdue: 'Nothing overdue: every report that fell due is in.',
  discrepancy: 'No open discrepancy: every report agrees with the CRM, or was resolved.',
};

/**
 * The leader's (and admin's) view of self-reports: by rep and window, late and missing reports,
 * and the discrepancies to resolve. Filters live in the URL so a view can be linked.
 */
export function TeamReports() {
  const me = useSignedInUser();
  const today = todayIn(me.organization.timeZone);
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status: StatusFilter = isStatusFilter(statusParam) ? statusParam : 'all';
  const weeksParam = Number(searchParams.get('weeks'));
  const weeks: RangeWeeks = isRangeWeeks(weeksParam) ? weeksParam : DEFAULT_WEEKS;
  const team = searchParams.get('team');
  const range = rangeFor(weeks, today);
  const params: SelfReportsParams = {
    team,
    from: range.from,
    to: range.to,
    status: status === 'all' ? null : status,
  };
  const reports = useSelfReports(params);
  const [resolving, setResolving] = useState<SelfReportItem | null>(null);
  const currency = me.organization.currency;

  function setParam(name: string, value: string | null) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const filters = (
    <Group gap="md" align="flex-end" wrap="wrap" mb="md">
      {me.user.role === 'admin' || me.leads.length > 0 ? (
        <TeamSelect
          value={team}
          onChange={(next) => setParam('team', next)}
          allLabel={me.user.role === 'admin' ? 'All teams' : 'All my teams'}
          w={{ base: '100%', xs: 240 }}
        />
      ) : null}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="report-status-filter">
          Show
        </Text>
        <SegmentedControl
          aria-labelledby="report-status-filter"
          value={status}
          onChange={(value) => setParam('status', value === 'all' ? null : value)}
          data={STATUS_FILTERS.map((filter) => ({ value: filter.value, label: filter.label }))}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="report-range-filter">
          Range
        </Text>
        <SegmentedControl
          aria-labelledby="report-range-filter"
          value={String(weeks)}
          onChange={(value) => setParam('weeks', Number(value) === DEFAULT_WEEKS ? null : value)}
          data={RANGE_PRESETS.map((preset) => ({ value: String(preset), label: `${preset} weeks` }))}
        />
      </Stack>
    </Group>
  );

  const header = (
    <PageHeader
      title="Reports"
      description="Self-reports by rep and window: late and missing reports, and where a rep’s figure and the CRM disagree."
    />
  );

  if (reports.isPending) {
    return (
      <>
        {header}
        {filters}
        <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading the reports">
          <Skeleton height={20} w={420} maw="100%" />
          <Skeleton height={320} />
        </Stack>
      </>
    );
  }
  if (reports.isError) {
    return (
      <>
        {header}
        {filters}
        <QueryErrorAlert
          title="The reports could not be loaded"
          error={reports.error}
          onRetry={() => void reports.refetch()}
          retrying={reports.isFetching}
        />
      </>
    );
  }

  const items = sortByRepAndWindow(reports.data.items);
  // While the next filter loads, the previous answer stays up, marked busy.
  const busy = reports.isPlaceholderData;

  return (
    <>
      {header}
      {filters}
      <Stack gap="md" aria-busy={busy} data-filter={status} data-weeks={weeks} style={{ opacity: busy ? 0.6 : 1 }}>
        <ReportSummaryLine summary={reports.data.summary} />
        {items.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Text size="sm" c="dimmed">
              {EMPTY_TEXT[status]}
            </Text>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p={0}>
            <ReportsTable
              items={items}
              label="Self-reports by rep and window"
              currency={currency}
              showRep
              onResolve={setResolving}
            />
          </Paper>
        )}
      </Stack>
      <ResolveDiscrepancyModal item={resolving} currency={currency} onClose={() => setResolving(null)} />
    </>
  );
}
