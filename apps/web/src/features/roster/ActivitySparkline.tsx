import { Sparkline } from '@mantine/charts';
import { formatShortDate } from '../../lib/format/format';
import { completedWeeks, type RosterEntry } from './roster-model';

interface ActivitySparklineProps {
  entry: RosterEntry;
  asOf: string;
  w: number | string;
  h: number;
}

/** Activities per completed week. The label carries the numbers for screen readers and tooltips. */
export function ActivitySparkline({ entry, asOf, w, h }: ActivitySparklineProps) {
  const weeks = completedWeeks(entry, asOf);
  const first = weeks[0];
  const last = weeks.at(-1);
  const description =
    first && last
      ? `Activities per week for ${entry.rep.name}, ${formatShortDate(first.weekStart)} to ${formatShortDate(last.weekStart)}: ${weeks.map((week) => week.activities).join(', ')}`
      : `No completed weeks of activity for ${entry.rep.name} yet`;
  return (
    <Sparkline
      role="img"
      aria-label={description}
      title={description}
      w={w}
      h={h}
      data={weeks.map((week) => week.activities)}
      curveType="monotone"
      color="teal.6"
      fillOpacity={0.25}
      strokeWidth={1.75}
    />
  );
}
