/** The navbar, in order. Reports is "My reports" for a rep, the team's reports for a leader. */
export const NAV_ITEMS = [
  { to: '/team', label: 'Team' },
  { to: '/reps', label: 'Reps' },
  { to: '/expectations', label: 'Expectations' },
  { to: '/reports', label: 'Reports' },
  { to: '/imports', label: 'Imports' },
  { to: '/settings', label: 'Settings' },
] as const;

/** `/reps/42` belongs to Reps: a section stays highlighted on its detail pages. */
export function isNavItemActive(itemPath: string, currentPath: string): boolean {
  return currentPath === itemPath || currentPath.startsWith(`${itemPath}/`);
}
