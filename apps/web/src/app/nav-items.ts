type Role = 'admin' | 'leader' | 'rep';

interface NavItem {
  to: string;
  label: string;
  /** Only these roles see the item; everyone when absent. */
  roles?: readonly Role[];
}

/**
 * The navbar, in order. Reports is "My reports" for a rep, the team's reports for a leader.
 * Coaching is the leaders' overview; a rep finds their own plan on their page.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/team', label: 'Team' },
  { to: '/reps', label: 'Reps' },
  { to: '/expectations', label: 'Expectations' },
  { to: '/reports', label: 'Reports' },
  { to: '/coaching', label: 'Coaching', roles: ['admin', 'leader'] },
  { to: '/imports', label: 'Imports' },
  { to: '/settings', label: 'Settings' },
];

/** The items a user with this role sees. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

/** `/reps/42` belongs to Reps: a section stays highlighted on its detail pages. */
export function isNavItemActive(itemPath: string, currentPath: string): boolean {
  return currentPath === itemPath || currentPath.startsWith(`${itemPath}/`);
}
