import { Input, SegmentedControl, Select, Stack } from '@mantine/core';
import type { UserRole } from '@rightly/core';
import { useRoster } from '../roster/roster-api';
import { TeamSelect } from '../teams/TeamSelect';

export interface ScopeValue {
  scopeKind: 'role' | 'team' | 'rep';
  repId: string | null;
  teamId: string | null;
  role: UserRole;
}

interface ScopeFieldProps {
  value: ScopeValue;
  onChange: (next: ScopeValue) => void;
  errors?: { scope?: string | undefined; repId?: string | undefined; teamId?: string | undefined };
}

const ROLE_OPTIONS = [
  { value: 'rep', label: 'All reps' },
  { value: 'leader', label: 'All leaders' },
  { value: 'admin', label: 'All admins' },
];

/** Who an expectation is for: everyone with a role (all reps by default), a team with its sub-teams, or one rep. */
export function ScopeField({ value, onChange, errors = {} }: ScopeFieldProps) {
  const roster = useRoster();
  const reps = [...(roster.data?.reps ?? [])]
    .sort((a, b) => a.rep.name.localeCompare(b.rep.name))
    .map((entry) => ({
      value: entry.rep.id,
      label: entry.team ? `${entry.rep.name} (${entry.team.name})` : entry.rep.name,
    }));

  return (
    <Input.Wrapper label="Applies to" error={errors.scope} labelElement="div">
      <Stack gap="xs" mt={4}>
        <SegmentedControl
          aria-label="Applies to"
          value={value.scopeKind}
          onChange={(kind) => onChange({ ...value, scopeKind: kind as ScopeValue['scopeKind'] })}
          data={[
            { value: 'role', label: 'All in a role' },
            { value: 'team', label: 'A team' },
            { value: 'rep', label: 'One rep' },
          ]}
          fullWidth
        />
        {value.scopeKind === 'role' ? (
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={value.role}
            allowDeselect={false}
            onChange={(role) => role && onChange({ ...value, role: role as UserRole })}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {value.scopeKind === 'team' ? (
          <TeamSelect
            label="Team"
            value={value.teamId}
            onChange={(teamId) => onChange({ ...value, teamId })}
            error={errors.teamId}
            required
          />
        ) : null}
        {value.scopeKind === 'rep' ? (
          <Select
            label="Rep"
            data={reps}
            value={value.repId}
            onChange={(repId) => onChange({ ...value, repId })}
            searchable
            required
            placeholder={roster.isPending ? 'Loading reps…' : 'Choose a rep'}
            disabled={roster.isPending}
            error={
              errors.repId ??
              (roster.isError ? 'The reps could not be loaded; reload the page to try again.' : undefined)
            }
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}

/** The API scope for a picked value; null while the team or rep is still missing. */
export function scopeOfValue(value: ScopeValue) {
  if (value.scopeKind === 'team') return value.teamId ? { kind: 'team' as const, teamId: value.teamId } : null;
  if (value.scopeKind === 'rep') return value.repId ? { kind: 'rep' as const, repId: value.repId } : null;
  return { kind: 'role' as const, role: value.role };
}
