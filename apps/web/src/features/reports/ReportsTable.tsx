import { Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { formatValue, type SelfReportItem } from '@rightly/core';
import { RouterAnchor } from '../../components/RouterAnchor';
import { canResolve, cadenceTitle, RESOLUTION_LABELS, windowLabel } from './report-model';
import { ReportStatusBadge } from './ReportStatusBadge';

interface ReportsTableProps {
  items: readonly SelfReportItem[];
  /** The accessible name of the table. */
  label: string;
  currency: string;
  /** Show the rep column (the leader's view of several reps). */
  showRep?: boolean;
  /** Looking back, an overdue report reads "Missing". */
  context?: 'current' | 'past';
  /** When given, a flagged, unresolved report gets a "Resolve" button. */
  onResolve?: (item: SelfReportItem) => void;
  /** When given, a sent report gets an "Edit" button (the rep's own list). */
  onEdit?: (item: SelfReportItem) => void;
}

function EditButton({
  item,
  window,
  onEdit,
}: {
  item: SelfReportItem;
  window: string;
  onEdit: (item: SelfReportItem) => void;
}) {
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={() => onEdit(item)}
      aria-label={`Edit: ${item.expectationName}, ${window}`}
    >
      Edit
    </Button>
  );
}

function Value({
  value,
  unit,
  currency,
}: {
  value: number | null;
  unit: SelfReportItem['metric']['unit'];
  currency: string;
}) {
  if (value === null) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return <>{formatValue(value, unit, currency)}</>;
}

function Resolution({ item, currency }: { item: SelfReportItem; currency: string }) {
  if (!item.resolution) return null;
  const { kind, note, originalValue } = item.resolution;
  return (
    <Text size="xs" c="dimmed">
      Resolved: {RESOLUTION_LABELS[kind]}
      {kind === 'report_corrected' && originalValue !== null
        ? ` (was ${formatValue(originalValue, item.metric.unit, currency)})`
        : ''}
      {note ? ` · ${note}` : ''}
    </Text>
  );
}

function ResolveButton({
  item,
  window,
  onResolve,
}: {
  item: SelfReportItem;
  window: string;
  onResolve: (item: SelfReportItem) => void;
}) {
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="orange"
      onClick={() => onResolve(item)}
      aria-label={`Resolve: ${item.repName}, ${item.expectationName}, ${window}`}
    >
      Resolve
    </Button>
  );
}

function rowKey(item: SelfReportItem): string {
  return `${item.repId}|${item.expectationId}|${item.window.start}`;
}

/**
 * Self-reports by rep and window: status, what the rep reported against what the CRM shows, the
 * discrepancy and how it was resolved. A table from the `sm` breakpoint up, a list of cards on a
 * phone.
 */
export function ReportsTable(props: ReportsTableProps) {
  return (
    <>
      <Box visibleFrom="sm">
        <ReportsGrid {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <ReportCards {...props} />
      </Box>
    </>
  );
}

/** The phone layout: one card per report, the numbers side by side. */
function ReportCards({
  items,
  label,
  currency,
  showRep = false,
  context = 'current',
  onResolve,
  onEdit,
}: ReportsTableProps) {
  return (
    <Stack component="ul" aria-label={label} gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item, index) => {
        const window = windowLabel(item.window);
        return (
          <Paper
            component="li"
            key={rowKey(item)}
            data-status={item.status}
            p="sm"
            radius={0}
            style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <div style={{ minWidth: 0 }}>
                {showRep ? (
                  <RouterAnchor to={`/reps/${item.repId}?tab=reports`} size="sm" fw={600}>
                    {item.repName}
                  </RouterAnchor>
                ) : null}
                <Text size="sm" fw={showRep ? 400 : 600}>
                  {window}{' '}
                  <Text span size="xs" c="dimmed">
                    · {cadenceTitle(item.window.cadence)}
                  </Text>
                </Text>
              </div>
              <ReportStatusBadge status={item.status} context={context} />
            </Group>
            <Text size="sm" mt={4}>
              {item.expectationName}
            </Text>
            <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              Reported <Value value={item.reported} unit={item.metric.unit} currency={currency} /> · CRM{' '}
              <Value value={item.measured} unit={item.metric.unit} currency={currency} />
            </Text>
            {item.comment ? (
              <Text size="xs" c="dimmed" lineClamp={3}>
                “{item.comment}”
              </Text>
            ) : null}
            {item.discrepancy ? (
              <Text size="sm" c={item.resolution ? 'dimmed' : 'orange.8'} mt={4}>
                {item.discrepancy}
              </Text>
            ) : null}
            <Resolution item={item} currency={currency} />
            {onResolve && canResolve(item) ? (
              <Box mt={6}>
                <ResolveButton item={item} window={window} onResolve={onResolve} />
              </Box>
            ) : null}
            {onEdit && item.id !== null ? (
              <Box mt={4}>
                <EditButton item={item} window={window} onEdit={onEdit} />
              </Box>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}

function ReportsGrid({
  items,
  label,
  currency,
  showRep = false,
  context = 'current',
  onResolve,
  onEdit,
}: ReportsTableProps) {
  return (
    <Table.ScrollContainer minWidth={showRep ? 880 : 760}>
      <Table aria-label={label} verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {showRep ? <Table.Th>Rep</Table.Th> : null}
            <Table.Th>Window</Table.Th>
            <Table.Th>Expectation</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Reported</Table.Th>
            <Table.Th ta="right">CRM</Table.Th>
            <Table.Th>Discrepancy</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const window = windowLabel(item.window);
            return (
              <Table.Tr key={rowKey(item)} data-status={item.status}>
                {showRep ? (
                  <Table.Td>
                    <RouterAnchor
                      to={`/reps/${item.repId}?tab=reports`}
                      size="sm"
                      fw={500}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {item.repName}
                    </RouterAnchor>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {window}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {cadenceTitle(item.window.cadence)}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm">{item.expectationName}</Text>
                  {item.comment ? (
                    <Text size="xs" c="dimmed" lineClamp={2} title={item.comment}>
                      “{item.comment}”
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ReportStatusBadge status={item.status} context={context} />
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Value value={item.reported} unit={item.metric.unit} currency={currency} />
                  {onEdit && item.id !== null ? (
                    <Box mt={2}>
                      <EditButton item={item} window={window} onEdit={onEdit} />
                    </Box>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Value value={item.measured} unit={item.metric.unit} currency={currency} />
                </Table.Td>
                <Table.Td maw={300}>
                  <Stack gap={4} align="flex-start">
                    {item.discrepancy ? (
                      <Text size="sm" c={item.resolution ? 'dimmed' : 'orange.8'}>
                        {item.discrepancy}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                    <Resolution item={item} currency={currency} />
                    {onResolve && canResolve(item) ? (
                      <ResolveButton item={item} window={window} onResolve={onResolve} />
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
