import { AppError, type PutSsoSettingsBody, type SsoSettingsView, type Viewer } from '@rightly/core';
import { appendAudit, findSsoSettings, saveSsoSettings } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import { sealSecret } from './secret-box';

/** Where the settings page says to register Rightly at the provider; the route knows the origin. */
export interface SsoUrls {
  redirectUri: string;
  startUrl: string;
}

export function ssoUrls(params: { origin: string; orgId: string }): SsoUrls {
  return {
    redirectUri: `${params.origin}/api/v1/auth/sso/callback`,
    startUrl: `${params.origin}/api/v1/auth/sso/start?org=${params.orgId}`,
  };
}

function requireAdmin(viewer: Viewer): void {
  if (viewer.role !== 'admin') {
    throw new AppError({ code: 'forbidden', message: 'Only an admin sees and changes the SSO settings.' });
  }
}

export async function getSsoSettings(
  deps: SessionDeps,
  input: { viewer: Viewer; origin: string },
): Promise<SsoSettingsView> {
  requireAdmin(input.viewer);
  const stored = await findSsoSettings(deps.db, { orgId: input.viewer.orgId });
  return {
    enabled: stored?.enabled ?? false,
    issuer: stored?.issuer ?? '',
    clientId: stored?.clientId ?? '',
    clientSecret: stored?.clientSecretEncrypted ? 'set' : 'not set',
    roleClaim: stored?.roleClaim ?? null,
    roleMapping: stored?.roleMapping ?? {},
    defaultRole: stored?.defaultRole ?? 'rep',
    allowedDomains: stored?.allowedDomains ?? [],
    ...ssoUrls({ origin: input.origin, orgId: input.viewer.orgId }),
  };
}

/** Admins set the org's identity provider. The client secret is kept encrypted and never shown. */
export async function updateSsoSettings(
  deps: SessionDeps,
  input: { viewer: Viewer; origin: string; settings: PutSsoSettingsBody },
): Promise<SsoSettingsView> {
  requireAdmin(input.viewer);
  const { viewer, settings } = input;
  const stored = await findSsoSettings(deps.db, { orgId: viewer.orgId });
  const clientSecretEncrypted =
    typeof settings.clientSecret === 'string'
      ? sealSecret({ plaintext: settings.clientSecret, sessionSecret: deps.sessionSecret })
      : (stored?.clientSecretEncrypted ?? null);
  if (settings.enabled && !clientSecretEncrypted) {
    throw new AppError({
      code: 'validation_failed',
      message: 'clientSecret: is required to enable SSO (the provider gives it with the client id)',
      issues: [{ field: 'clientSecret', message: 'is required to enable SSO' }],
    });
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await saveSsoSettings(tx, {
      orgId: viewer.orgId,
      enabled: settings.enabled,
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecretEncrypted,
      roleClaim: settings.roleClaim || null,
      roleMapping: settings.roleMapping,
      defaultRole: settings.defaultRole,
      allowedDomains: [...new Set(settings.allowedDomains)],
      updatedAt: now,
    });
    await appendAudit(tx, {
      orgId: viewer.orgId,
      at: now,
      actorId: viewer.userId,
      action: 'sso_settings_changed',
      subjectId: null,
      // What changed, never the secret itself: only whether it was replaced.
      details: {
        enabled: settings.enabled,
        issuer: settings.issuer,
        clientId: settings.clientId,
        clientSecretReplaced: typeof settings.clientSecret === 'string',
        roleClaim: settings.roleClaim || null,
        defaultRole: settings.defaultRole,
        allowedDomains: settings.allowedDomains,
      },
    });
  });
  return getSsoSettings(deps, { viewer, origin: input.origin });
}
