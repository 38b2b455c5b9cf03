import { USER_ROLES, type UserRole } from '../domain/roles';

/**
 * The role a user signing in through SSO for the first time gets: the most privileged role any of
 * the claim's values maps to (a claim may be one value or a list, e.g. groups), else the default.
 */
export function roleFromClaim(params: {
  claimValue: unknown;
  mapping: Readonly<Record<string, UserRole>>;
  defaultRole: UserRole;
}): UserRole {
  const values = Array.isArray(params.claimValue) ? params.claimValue : [params.claimValue];
  const mapped = values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => (Object.hasOwn(params.mapping, v) ? params.mapping[v] : undefined))
    .filter((role): role is UserRole => role !== undefined);
  if (mapped.length === 0) return params.defaultRole;
  // USER_ROLES lists admin first: the lowest index is the most privileged.
  return USER_ROLES[Math.min(...mapped.map((role) => USER_ROLES.indexOf(role)))] ?? params.defaultRole;
}

/** The domain part of an e-mail, lower-cased; '' when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}
