import { Select, type SelectProps } from '@mantine/core';
import { teamOptions, useTeams } from './teams-api';

interface TeamSelectProps {
  value: string | null;
  onChange: (teamId: string | null) => void;
  label?: string;
  /** What "no team chosen" means here, e.g. "All my teams". */
  allLabel?: string;
  error?: string | undefined;
  required?: boolean;
  w?: SelectProps['w'];
}

/** A team picker over the teams the user can see, sub-teams indented under their parent. */
export function TeamSelect({ value, onChange, label = 'Team', allLabel, error, required, w }: TeamSelectProps) {
  const teams = useTeams();
  const options = teamOptions(teams.data?.teams ?? []);
  const data = [
    ...(allLabel ? [{ value: '', label: allLabel }] : []),
    ...options.map((option) => ({ value: option.value, label: option.label })),
  ];
  const depthOf = new Map(options.map((option) => [option.value, option.depth]));
  return (
    <Select
      label={label}
      data={data}
      value={value ?? (allLabel ? '' : null)}
      onChange={(next) => onChange(next ? next : null)}
      allowDeselect={false}
      disabled={teams.isPending}
      placeholder={teams.isPending ? 'Loading teams…' : teams.isError ? 'Teams could not be loaded' : 'Choose a team'}
      error={error ?? (teams.isError ? 'The teams could not be loaded; reload the page to try again.' : undefined)}
      required={required}
      w={w}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 12 }}>{option.label}</span>
      )}
    />
  );
}
