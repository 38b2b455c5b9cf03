import type { UserRole } from '@rightly/core';
import type { ImportedUser, RowError } from '../records';
import { parseBoolean } from '../values/booleans';
import { clip } from '../values/text';
import { lookup, USER_ROLE_WORDS } from '../values/vocabulary';
import type { MapResult, Row, RowContext } from './row';

const EMAIL = /^[^\s@<>(),;"]+@[^\s@<>(),;"]+\.[^\s@<>(),;"]+$/;

/** One roster row → one user, with the team they are on and the team they lead. */
export function mapUser(row: Row, ctx: RowContext): MapResult<ImportedUser> {
  const errors: RowError[] = [];
  const emailText = row.text('email');
  let email: string | null = null;
  if (emailText === null) {
    errors.push(row.error('email', null, 'The e-mail is empty.', 'Every user needs an e-mail; it identifies them.'));
  } else if (!EMAIL.test(emailText)) {
    errors.push(
      row.error('email', emailText, `"${emailText}" is not an e-mail address.`, 'Write it like jane.doe@company.com.'),
    );
  } else {
    email = emailText.toLowerCase();
  }
  const first = row.text('firstName');
  const last = row.text('lastName');
  const name = row.text('name') ?? ([first, last].filter(Boolean).join(' ') || null);
  if (name === null)
    errors.push(
      row.error(row.has('name') ? 'name' : 'firstName', null, 'The name is empty.', "Write the user's full name."),
    );

  let role: UserRole = ctx.mapping.defaults.role ?? 'rep';
  const roleText = row.text('role');
  if (roleText !== null) {
    const found = lookup(roleText, ctx.mapping.values.role, USER_ROLE_WORDS) as UserRole | undefined;
    if (found) role = found;
    else
      ctx.warnings.add(
        `Role "${clip(roleText, 60)}" is not admin, leader or rep; imported as ${role}. Add it to values.role in a mapping.`,
        row.line,
      );
  }
  let active = true;
  const activeText = row.text('active');
  if (activeText !== null) {
    const parsed = parseBoolean(activeText);
    if (parsed === null)
      errors.push(
        row.error('active', activeText, `"${activeText}" is not yes or no.`, 'Write yes or no (true/false, 1/0).'),
      );
    else active = parsed;
  }
  if (errors.length > 0 || email === null || name === null) return { status: 'rejected', errors };
  return {
    status: 'ok',
    record: {
      kind: 'user',
      line: row.line,
      email,
      name: clip(name, 200) ?? name,
      role,
      team: clip(row.text('team'), 200),
      parentTeam: clip(row.text('parentTeam'), 200),
      leadsTeam: clip(row.text('leadsTeam'), 200),
      active,
    },
  };
}
