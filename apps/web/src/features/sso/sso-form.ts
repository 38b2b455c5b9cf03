import type { PutSsoSettingsBody, SsoSettingsView, UserRole } from '@rightly/core';

/** The SSO form as typed: the role mapping as lines, the secret empty unless being replaced. */
export interface SsoDraft {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMappingText: string;
  defaultRole: UserRole;
  allowedDomains: string[];
}

export function draftFrom(settings: SsoSettingsView): SsoDraft {
  return {
    enabled: settings.enabled,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: '',
    roleClaim: settings.roleClaim ?? '',
    roleMappingText: Object.entries(settings.roleMapping)
      .map(([value, role]) => `${value} = ${role}`)
      .join('\n'),
    defaultRole: settings.defaultRole,
    allowedDomains: settings.allowedDomains,
  };
}

/**
 * One `claim value = role` per line. Roles are passed through as typed: the server names a
 * wrong one (`roleMapping.<value>`), so there is one set of rules, not two.
 */
export function parseRoleMapping(text: string): Record<string, UserRole> {
  const mapping: Record<string, UserRole> = {};
  for (const line of text.split('\n')) {
    const eq = line.lastIndexOf('=');
    if (eq < 0) continue;
    const value = line.slice(0, eq).trim();
    const role = line
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    if (value) mapping[value] = role as UserRole;
  }
  return mapping;
}

export function bodyFrom(draft: SsoDraft): PutSsoSettingsBody {
  return {
    enabled: draft.enabled,
    issuer: draft.issuer.trim(),
    clientId: draft.clientId.trim(),
    // Empty means "keep the stored secret": the API never sends it back to fill the field.
    ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
    roleClaim: draft.roleClaim.trim() || null,
    roleMapping: parseRoleMapping(draft.roleMappingText),
    defaultRole: draft.defaultRole,
    allowedDomains: draft.allowedDomains,
  };
}
