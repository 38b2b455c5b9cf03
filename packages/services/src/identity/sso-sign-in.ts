import { randomBytes, randomUUID } from 'node:crypto';
import { emailDomain, roleFromClaim, type SsoErrorCode, type UserRole } from '@rightly/core';
import {
  appendAudit,
  findOrgUserByEmail,
  findSsoOrgsForEmail,
  findSsoSettings,
  insertSsoLoginState,
  insertSsoUser,
  takeSsoLoginState,
  withOrgScope,
  type StoredSsoSettings,
} from '@rightly/db';
import { sameSecret } from '../auth/keyed-digest';
import type { SessionDeps } from '../auth/session-deps';
import { startSession } from '../auth/start-session';
import { formatSessionCookie, newSessionToken, parseSessionCookie, sessionId } from '../auth/session-token';
import { classifyProviderError, discoverProvider, oidc } from './oidc-client';
import { ssoUrls } from './sso-settings';

/** A sign-in must come back from the provider within this time. */
export const SSO_STATE_TTL_MS = 10 * 60_000;

export type SsoOutcome<T> = ({ ok: true } & T) | { ok: false; code: SsoErrorCode };

export interface SsoStarted {
  /** The provider's authorization URL to send the browser to. */
  redirectTo: string;
  /** `<org id>.<state>` for the short-lived HttpOnly cookie that binds the callback to this browser. */
  stateCookie: string;
  expiresAt: Date;
}

/**
 * Begins an SSO sign-in for the org found by e-mail (the one cross-org lookup) or named by id:
 * authorization code with PKCE, state and nonce; the verifier and nonce stay in the database.
 */
export async function startSsoSignIn(
  deps: SessionDeps,
  input: { email?: string | undefined; orgId?: string | undefined; returnTo?: string | undefined; origin: string },
): Promise<SsoOutcome<SsoStarted>> {
  const orgId = await ssoOrgFor(deps, input);
  if (!orgId) return { ok: false, code: 'not_configured' };
  // Public: from here on everything runs in the org found (row-level security).
  return withOrgScope({ orgId }, () => startInOrg(deps, { ...input, orgId }));
}

async function startInOrg(
  deps: SessionDeps,
  input: { email?: string | undefined; orgId: string; returnTo?: string | undefined; origin: string },
): Promise<SsoOutcome<SsoStarted>> {
  const settings = await enabledSettings(deps, input.orgId);
  if (!settings) return { ok: false, code: 'not_configured' };
  let config: oidc.Configuration | null;
  try {
    config = await discoverProvider({ settings, sessionSecret: deps.sessionSecret });
  } catch {
    return fail(deps, { orgId: settings.orgId, code: 'provider_unavailable', email: input.email });
  }
  if (!config) return fail(deps, { orgId: settings.orgId, code: 'not_configured', email: input.email });

  const state = newSessionToken(settings.orgId);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const nonce = randomBytes(32).toString('base64url');
  const { redirectUri } = ssoUrls({ origin: input.origin, orgId: settings.orgId });
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SSO_STATE_TTL_MS);
  await insertSsoLoginState(deps.db, {
    orgId: settings.orgId,
    id: sessionId({ token: state.token, secret: deps.sessionSecret }),
    codeVerifier,
    nonce,
    redirectUri,
    returnTo: safeReturnTo(input.returnTo),
    expiresAt,
    now,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: state.token,
    nonce,
    ...(input.email ? { login_hint: input.email } : {}),
  });
  return { ok: true, redirectTo: url.href, stateCookie: formatSessionCookie(state), expiresAt };
}

export interface SsoSignedIn {
  cookieValue: string;
  expiresAt: Date;
  returnTo: string;
}

/**
 * Finishes an SSO sign-in: the state must match this browser's cookie and be unused; the
 * provider's answer is verified (code, PKCE, nonce, ID token); the user is found in the org by
 * e-mail or created with the role from the claim or the default; then a normal session starts.
 */
export async function completeSsoSignIn(
  deps: SessionDeps,
  input: {
    stateCookie: string | undefined;
    /** The callback's query string as received, without the leading `?`. */
    query: string;
    userAgent?: string | undefined;
    ipAddress?: string | undefined;
  },
): Promise<SsoOutcome<SsoSignedIn>> {
  const params = new URLSearchParams(input.query);
  const cookie = parseSessionCookie(input.stateCookie);
  const returnedState = params.get('state') ?? '';
  if (!cookie || !sameSecret(cookie.token, returnedState)) return { ok: false, code: 'bad_state' };
  // Public: the state cookie names the org, and everything below runs confined to it.
  return withOrgScope({ orgId: cookie.orgId }, () => completeInOrg(deps, { ...input, params, cookie }));
}

async function completeInOrg(
  deps: SessionDeps,
  input: {
    params: URLSearchParams;
    cookie: { orgId: string; token: string };
    query: string;
    userAgent?: string | undefined;
    ipAddress?: string | undefined;
  },
): Promise<SsoOutcome<SsoSignedIn>> {
  const { params, cookie } = input;
  const returnedState = params.get('state') ?? '';
  const orgId = cookie.orgId;
  // Taken (deleted) before anything else: a state works once, whatever happens next.
  const pending = await takeSsoLoginState(deps.db, {
    orgId,
    id: sessionId({ token: cookie.token, secret: deps.sessionSecret }),
  });
  if (!pending || pending.expiresAt <= deps.now()) return fail(deps, { orgId, code: 'bad_state' });
  if (params.has('error')) return fail(deps, { orgId, code: 'provider_refused' });

  const settings = await findSsoSettings(deps.db, { orgId });
  if (!settings?.enabled) return fail(deps, { orgId, code: 'not_configured' });
  let claims: Record<string, unknown>;
  try {
    const config = await discoverProvider({ settings, sessionSecret: deps.sessionSecret });
    if (!config) return fail(deps, { orgId, code: 'not_configured' });
    const callbackUrl = new URL(pending.redirectUri);
    callbackUrl.search = input.query;
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: returnedState,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return fail(deps, { orgId, code: 'provider_refused' });
    // The ID token of a code flow often carries only `sub`: e-mail, name and roles come from userinfo.
    const userInfo = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)
      : {};
    claims = { ...userInfo, ...idClaims };
  } catch (error) {
    return fail(deps, { orgId, code: classifyProviderError(error) });
  }
  return signInWithClaims(deps, { settings, claims, returnTo: pending.returnTo, ...input });
}

async function signInWithClaims(
  deps: SessionDeps,
  input: {
    settings: StoredSsoSettings;
    claims: Record<string, unknown>;
    returnTo: string;
    userAgent?: string | undefined;
    ipAddress?: string | undefined;
  },
): Promise<SsoOutcome<SsoSignedIn>> {
  const { settings, claims } = input;
  const orgId = settings.orgId;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email.includes('@')) return fail(deps, { orgId, code: 'email_missing' });
  if (claims.email_verified === false) return fail(deps, { orgId, code: 'email_unverified', email });
  if (!settings.allowedDomains.includes(emailDomain(email))) {
    return fail(deps, { orgId, code: 'domain_not_allowed', email });
  }
  const now = deps.now();
  let user = await findOrgUserByEmail(deps.db, { orgId, email });
  let created = false;
  if (!user) {
    const role: UserRole = roleFromClaim({
      claimValue: settings.roleClaim ? claims[settings.roleClaim] : undefined,
      mapping: settings.roleMapping,
      defaultRole: settings.defaultRole,
    });
    user = await insertSsoUser(deps.db, {
      orgId,
      id: randomUUID(),
      email,
      name: displayName(claims, email),
      role,
      createdAt: now,
    });
    if (!user) return fail(deps, { orgId, code: 'account_elsewhere', email });
    created = true;
  }
  if (!user.active) return fail(deps, { orgId, code: 'account_deactivated', email, userId: user.id });
  const viewer = { orgId, userId: user.id, role: user.role };
  const session = await startSession(deps, { viewer, userAgent: input.userAgent, ipAddress: input.ipAddress });
  await appendAudit(deps.db, {
    orgId,
    at: now,
    actorId: user.id,
    action: 'sso_sign_in',
    subjectId: null,
    details: { email, created, ...(created ? { role: user.role } : {}) },
  });
  return { ok: true, cookieValue: session.cookieValue, expiresAt: session.expiresAt, returnTo: input.returnTo };
}

/** The org whose SSO applies: found by e-mail (the one cross-org lookup) or named by id. */
async function ssoOrgFor(
  deps: SessionDeps,
  input: { email?: string | undefined; orgId?: string | undefined },
): Promise<string | null> {
  if (!input.email) return input.orgId ?? null;
  const orgs = await findSsoOrgsForEmail(deps.db, { email: input.email, domain: emailDomain(input.email) });
  // Two orgs claiming one domain: neither is guessed; their users start from the org's own link.
  return orgs.length === 1 ? (orgs[0] ?? null) : null;
}

async function enabledSettings(deps: SessionDeps, orgId: string): Promise<StoredSsoSettings | null> {
  const settings = await findSsoSettings(deps.db, { orgId });
  return settings?.enabled ? settings : null;
}

async function fail(
  deps: SessionDeps,
  input: { orgId: string; code: SsoErrorCode; email?: string | undefined; userId?: string },
): Promise<{ ok: false; code: SsoErrorCode }> {
  await appendAudit(deps.db, {
    orgId: input.orgId,
    at: deps.now(),
    actorId: input.userId ?? null,
    action: 'sso_sign_in_failed',
    subjectId: null,
    details: { reason: input.code, ...(input.email ? { email: input.email.slice(0, 320) } : {}) },
  });
  return { ok: false, code: input.code };
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
  const raw =
    typeof claims.name === 'string' && claims.name.trim() ? claims.name : given || email.split('@')[0] || email;
  // Names show up in lists and e-mails: no control characters, a sane length.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.trim().slice(0, 200) || email;
}

/** Only a path on this site, so the sign-in cannot be turned into an open redirect. */
function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value.slice(0, 2000);
}
