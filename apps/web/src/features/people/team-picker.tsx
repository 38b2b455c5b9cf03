import type { SelectProps } from '@mantine/core';
import { teamOptions, type TeamItem } from '../teams/teams-api';

/** Select data for the team tree, sub-teams indented under their parent (as TeamSelect shows them). */
export function teamPickerProps(
  teams: readonly TeamItem[],
  exceptId?: string,
): Pick<SelectProps, 'data' | 'renderOption'> {
  const options = teamOptions(teams).filter((o) => o.value !== exceptId);
  const depthOf = new Map(options.map((o) => [o.value, o.depth]));
  return {
    data: options.map((o) => ({ value: o.value, label: o.label })),
    renderOption: ({ option }) => (
      <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 12 }}>{option.label}</span>
    ),
  };
}
