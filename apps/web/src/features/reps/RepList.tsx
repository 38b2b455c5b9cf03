import { Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount } from '../../lib/format/format';
import type { RosterEntry } from '../roster/roster-model';
import classes from './RepList.module.css';

/** One row per rep; the whole row is the link, so it is an easy target on a phone. */
export function RepList({ entries }: { entries: RosterEntry[] }) {
  return (
    <Paper withBorder radius="md" component="ul" aria-label="Reps" className={classes.list}>
      {entries.map((entry) => (
        <li key={entry.rep.id} className={classes.item}>
          <UnstyledButton component={Link} to={`/reps/${entry.rep.id}`} className={classes.row}>
            <div className={classes.who}>
              <Text fw={600} size="sm" className={classes.name}>
                {entry.rep.name}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.team?.name ?? 'No team'}
                {entry.leader ? ` · Leader: ${entry.leader.name}` : ''}
              </Text>
            </div>
            <div className={classes.figures}>
              <span className={classes.figure}>
                <Text span fw={600} size="sm">
                  {formatCount(entry.activitiesLast4Weeks)}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  activities
                </Text>
              </span>
              <span className={classes.figure}>
                <Text span fw={600} size="sm">
                  {formatCount(entry.meetingsHeldLast4Weeks)}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  meetings held
                </Text>
              </span>
              <Text span size="xs" c="dimmed" className={classes.period}>
                last 4 weeks
              </Text>
            </div>
          </UnstyledButton>
        </li>
      ))}
    </Paper>
  );
}
