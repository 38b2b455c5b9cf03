import { List, Text } from '@mantine/core';
import { addDays } from '@rightly/core';
import { useId } from 'react';
import { formatDate } from '../../lib/format/format';
import { useSignedInUser } from '../auth/signed-in-user';
import { cadenceTitle, LEVEL_LABELS } from './report-model';
import { type CadenceEntry } from './reports-api';

/** `from Nov 3, 2026 until Nov 20, 2026`; the end is exclusive in the API. */
function historySpan(entry: CadenceEntry): string {
  if (entry.effectiveTo === null) return `from ${formatDate(entry.effectiveFrom)}`;
  if (entry.effectiveTo <= entry.effectiveFrom) return `replaced before ${formatDate(entry.effectiveFrom)}`;
  return `from ${formatDate(entry.effectiveFrom)} until ${formatDate(addDays(entry.effectiveTo, -1))}`;
}

/** ` · by you`, ` · by Morgan Lee`; nothing when nobody is recorded. */
export function setByText(entry: Pick<CadenceEntry, 'setBy' | 'setByName'>, myId: string): string {
  if (!entry.setBy) return '';
  if (entry.setBy === myId) return ' · by you';
  return entry.setByName ? ` · by ${entry.setByName}` : '';
}

/** Every cadence the rep has had, newest first, with who set it and why. */
export function CadenceHistory({ history }: { history: CadenceEntry[] }) {
  const listId = useId();
  const myId = useSignedInUser().user.id;
  if (history.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No change on record: the cadence has always come from the default.
      </Text>
    );
  }
  const sorted = [...history].sort(
    (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div>
      <Text size="sm" fw={600} id={listId} mb={4}>
        History
      </Text>
      <List size="sm" spacing={6} aria-labelledby={listId} listStyleType="none" ml={0} pl={0}>
        {sorted.map((entry) => (
          <List.Item key={entry.id}>
            <Text size="sm" span fw={500}>
              {cadenceTitle(entry.cadence)}
            </Text>{' '}
            <Text size="sm" span c="dimmed">
              · {LEVEL_LABELS[entry.level]} · {historySpan(entry)}
              {setByText(entry, myId)}
            </Text>
            {entry.reason ? (
              <Text size="xs" c="dimmed">
                {entry.reason}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
