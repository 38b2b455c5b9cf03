import { VisuallyHidden } from '@mantine/core';
import type { AssessmentStatus } from '@rightly/core';
import { statusDisplay } from './status';
import classes from './status.module.css';

interface StatusBadgeProps {
  status: AssessmentStatus;
  /** Words to show instead of the status (e.g. the right's name); the status is then read out after them. */
  label?: string;
}

/** A status as a pill: glyph and words on the status colour, so it reads without colour too. */
export function StatusBadge({ status, label }: StatusBadgeProps) {
  const display = statusDisplay(status);
  return (
    <span className={`${classes.status} ${classes.badge}`} data-status={status}>
      <span className={classes.icon} aria-hidden="true">
        {display.icon}
      </span>
      {label ?? display.label}
      {label ? <VisuallyHidden>: {display.label.toLowerCase()}</VisuallyHidden> : null}
    </span>
  );
}
