import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 and a random port, for end-to-end SSO
 * tests. Its development login page takes any login name as the account id; the claims each
 * account releases are set by the test. Consent is granted automatically, like a company IdP.
 */
export interface TestAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** A custom claim a test maps to a Rightly role. */
  rightly_role?: string | string[];
}

export interface OidcTestProvider {
  issuer: string;
  /** Sets what an account id (the login typed on the provider's page) releases. */
  setAccount(accountId: string, claims: TestAccountClaims): void;
  close(): Promise<void>;
}

export async function startOidcTestProvider(params: { clients: ClientMetadata[] }): Promise<OidcTestProvider> {
  const accounts = new Map<string, TestAccountClaims>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: params.clients,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'rightly_role'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['rightly-test-provider-cookie-key'] },
    // Explicit lifetimes (seconds), which also keeps the provider from printing a notice per token.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    // Skip the consent screen: the org's own provider trusts its own application.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'rightly_role']);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    setAccount: (accountId, claims) => void accounts.set(accountId, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
