import { Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRoster } from '../roster/roster-api';
import type { OwnerChoice } from './import-model';

interface OwnerChoicesProps {
  owners: string[];
  choices: Record<string, OwnerChoice>;
  onChange: (choices: Record<string, OwnerChoice>) => void;
}

const EMAIL = /[^\s<>()]+@[^\s<>()]+\.[^\s<>()]+/;

/**
 * Owners the file names that match no user. Their rows are left out (and listed in the report)
 * unless the admin says who they are, or asks for a new rep to be created.
 */
export function OwnerChoices({ owners, choices, onChange }: OwnerChoicesProps) {
  const roster = useRoster();
  const reps = (roster.data?.reps ?? []).map((r) => ({ value: r.rep.email, label: `${r.rep.name} (${r.rep.email})` }));
  const set = (owner: string, choice: OwnerChoice) => onChange({ ...choices, [owner]: choice });

  return (
    <Stack gap="xs" component="section" aria-labelledby="owners-title">
      <Title order={3} fz="md" id="owners-title">
        Owners Rightly does not know
      </Title>
      <Text size="sm" c="dimmed">
        Rows of these owners are not imported until you say who they are.
      </Text>
      {owners.map((owner) => {
        const choice = choices[owner] ?? { action: 'leave' };
        return (
          <Group key={owner} align="flex-end" gap="sm" wrap="wrap">
            <Text size="sm" fw={600} w={200} style={{ overflowWrap: 'anywhere' }}>
              {owner}
            </Text>
            <Select
              label={`What to do with ${owner}`}
              w={260}
              data={[
                { value: 'leave', label: 'Leave their rows out' },
                { value: 'existing', label: 'Same person as a rep' },
                { value: 'create', label: 'Create a new rep' },
              ]}
              value={choice.action}
              onChange={(value) => {
                if (value === 'existing') set(owner, { action: 'existing', email: '' });
                else if (value === 'create') set(owner, { action: 'create', email: EMAIL.exec(owner)?.[0] ?? '' });
                else set(owner, { action: 'leave' });
              }}
              allowDeselect={false}
            />
            {choice.action === 'existing' ? (
              <Select
                label="Rep"
                w={300}
                data={reps}
                value={choice.email || null}
                onChange={(email) => set(owner, { action: 'existing', email: email ?? '' })}
                searchable
                placeholder="Choose a rep"
              />
            ) : null}
            {choice.action === 'create' ? (
              <TextInput
                label="Their e-mail"
                w={300}
                value={choice.email}
                onChange={(event) => set(owner, { action: 'create', email: event.currentTarget.value })}
                placeholder="name@company.com"
              />
            ) : null}
          </Group>
        );
      })}
    </Stack>
  );
}
