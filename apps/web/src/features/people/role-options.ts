import { USER_ROLES, type UserRole } from '@rightly/core';
import { roleLabel } from '../../lib/format/format';

export const ROLE_OPTIONS = USER_ROLES.map((role: UserRole) => ({ value: role, label: roleLabel(role) }));
