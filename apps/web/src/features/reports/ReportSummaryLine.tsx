import { Group, Text } from '@mantine/core';
import { formatCount } from '../../lib/format/format';
import { formatShare, onTimeShare, type ReportSummary } from './report-model';

/** "12 due, 9 on time (75%), 2 late, 1 overdue, 1 open discrepancy", as separate readable parts. */
export function ReportSummaryLine({ summary }: { summary: ReportSummary }) {
  const share = onTimeShare(summary);
  const parts: { label: string; value: string; color?: string }[] = [
    { label: 'due', value: formatCount(summary.due) },
    { label: `on time${share === null ? '' : ` (${formatShare(share)})`}`, value: formatCount(summary.onTime) },
    { label: 'late', value: formatCount(summary.late), ...(summary.late > 0 ? { color: 'yellow.8' } : {}) },
    { label: 'overdue', value: formatCount(summary.overdue), ...(summary.overdue > 0 ? { color: 'red.7' } : {}) },
    {
      label: summary.discrepancies === 1 ? 'open discrepancy' : 'open discrepancies',
      value: formatCount(summary.discrepancies),
      ...(summary.discrepancies > 0 ? { color: 'orange.8' } : {}),
    },
  ];
  return (
    <Group
      gap={0}
      wrap="wrap"
      aria-label="Summary"
      role="group"
      data-testid="report-summary"
      style={{ columnGap: 'var(--mantine-spacing-lg)', rowGap: 2 }}
    >
      {parts.map((part) => (
        <Text key={part.label} size="sm" c={part.color}>
          <Text span fw={700}>
            {part.value}
          </Text>{' '}
          {part.label}
        </Text>
      ))}
    </Group>
  );
}
