import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOidcTestProvider, type OidcTestProvider } from '../../../test/support/oidc-test-provider';
import { describeInChromium, screenshot, signInAt, useBrowserSuite } from './harness';

/** The sticky app header would cover the top of a card scrolled into view for its screenshot. */
const HIDE_HEADER = 'header { visibility: hidden !important; }';

describeInChromium('SSO and API tokens in the browser', () => {
  const { openPage, pageErrors, server } = useBrowserSuite();
  let idp: OidcTestProvider | undefined;

  beforeAll(async () => {
    idp = await startOidcTestProvider({
      clients: [
        {
          client_id: 'rightly-e2e',
          client_secret: 'e2e-secret',
          redirect_uris: [new URL('/api/v1/auth/sso/callback', server().url).href],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
    });
  });
  afterAll(async () => {
    await idp?.close();
  });

  async function signInAsAdmin(page: Page): Promise<void> {
    await signInAt(page, '/settings', 'admin@demo.test');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  it('lets an admin create a token, shown once, use it, and revoke it', async () => {
    const page = await openPage();
    await signInAsAdmin(page);
    const card = page.getByRole('region', { name: 'API tokens' });
    await card.getByLabel('Token name').fill('Nightly CRM sync');
    await card.getByRole('button', { name: 'Create token' }).click();
    const shown = await card.getByTestId('new-api-token').textContent();
    expect(shown).toMatch(/^rly_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => card.getByRole('row', { name: /Nightly CRM sync/ }).count()).toBe(1);

    // The token works as a bearer token for the API…
    const me = await fetch(new URL('/api/v1/me', server().url), { headers: { authorization: `Bearer ${shown}` } });
    expect(me.status).toBe(200);
    await card.getByRole('button', { name: 'Done' }).click();
    await screenshot({ of: card, name: 'api-tokens.png', forDocs: true, style: HIDE_HEADER });
    // …and is never shown again.
    expect(await page.content()).not.toContain(shown!.slice(-43));

    await card.getByRole('button', { name: 'Revoke Nightly CRM sync' }).click();
    await expect.poll(() => card.getByRole('row', { name: /Nightly CRM sync/ }).count()).toBe(0);
    const after = await fetch(new URL('/api/v1/me', server().url), { headers: { authorization: `Bearer ${shown}` } });
    expect(after.status).toBe(401);
    expect(pageErrors()).toEqual([]);
  });

  it('lets an admin set up SSO, and a new person then signs in through the provider', async () => {
    const page = await openPage();
    await signInAsAdmin(page);
    const card = page.getByRole('region', { name: 'Single sign-on (OpenID Connect)' });
    await card.getByLabel('Allow sign-in with SSO').check();
    await card.getByLabel('Issuer URL').fill(idp!.issuer);
    await card.getByLabel('Client ID').fill('rightly-e2e');
    await card.getByLabel('Client secret').fill('e2e-secret');
    await card.getByLabel('Allowed e-mail domains').fill('sso.test');
    await card.getByLabel('Allowed e-mail domains').press('Enter');
    await card.getByLabel('Role claim').fill('rightly_role');
    await card.getByLabel('Claim values → roles').fill('sales-leads = leader');
    await card.getByRole('button', { name: 'Save SSO settings' }).click();
    await card.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(() => card.getByText('Set. Leave empty to keep it.').count()).toBe(1);
    await screenshot({ of: card, name: 'sso-settings.png', forDocs: true, style: HIDE_HEADER });
    await page.context().close();

    // A person the provider knows, new to Rightly, signs in from the sign-in page.
    idp!.setAccount('nova', {
      email: 'nova@sso.test',
      email_verified: true,
      name: 'Nova Park',
      rightly_role: 'sales-leads',
    });
    const guest = await openPage();
    await guest.goto('/sign-in');
    await guest.getByLabel('E-mail', { exact: true }).fill('nova@sso.test');
    await guest.getByRole('button', { name: 'Sign in with SSO' }).click();
    await guest.waitForURL(`${idp!.issuer}/**`);
    await guest.locator('input[name="login"]').fill('nova');
    await guest.locator('input[name="password"]').fill('anything');
    await guest.getByRole('button', { name: 'Sign-in' }).click();
    await guest.waitForURL(`${server().url}/**`);
    await guest.getByRole('button', { name: 'Account menu for Nova Park' }).waitFor();
    const me = (await (await guest.request.get('/api/v1/me')).json()) as {
      user: unknown;
      organization: { id: string };
    };
    expect(me.user).toMatchObject({ email: 'nova@sso.test', role: 'leader' });

    // An e-mail outside the allowed domains comes back to the sign-in page with the reason.
    await page.context().close();
    idp!.setAccount('out', { email: 'out@elsewhere.test' });
    const outsider = await openPage();
    await outsider.goto(`/api/v1/auth/sso/start?org=${me.organization.id}`);
    await outsider.locator('input[name="login"]').fill('out');
    await outsider.locator('input[name="password"]').fill('anything');
    await outsider.getByRole('button', { name: 'Sign-in' }).click();
    await outsider.getByText('Your e-mail domain is not allowed to sign in').waitFor();
    expect(outsider.url()).toContain('/sign-in?sso_error=domain_not_allowed');
    expect(pageErrors()).toEqual([]);
  });
});
