import { Badge } from '@mantine/core';
import type { ReportStatus } from '@rightly/core';
import { reportStatusDisplay } from './report-model';

interface ReportStatusBadgeProps {
  status: ReportStatus;
  /** Looking back, an overdue report reads "Missing". */
  context?: 'current' | 'past';
}

/** A report's status as a pill: glyph and words, so it reads without colour too. */
export function ReportStatusBadge({ status, context = 'current' }: ReportStatusBadgeProps) {
  const display = reportStatusDisplay(status, context);
  return (
    <Badge
      color={display.color}
      variant="light"
      size="sm"
      radius="sm"
      data-status={status}
      leftSection={<span aria-hidden="true">{display.icon}</span>}
      style={{ flexShrink: 0 }}
      // Never cut to "ON TI…" in a narrow column: the words are the point.
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {display.label}
    </Badge>
  );
}
