import { DEMO_PASSWORD } from '@rightly/services';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot, signInAt, useBrowserSuite } from './harness';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describeInChromium('sessions and password reset, in Chromium', () => {
  const { openPage, pageErrors, mails } = useBrowserSuite({ catchMail: true });

  it('lets a rep see where they are signed in and end the session on another device', async () => {
    const laptop = await openPage();
    const phone = await openPage({ userAgent: IPHONE_UA });
    await signInAt(phone, '/team', 'rep@demo.test');
    await phone.waitForURL('**/team');
    await signInAt(laptop, '/settings', 'rep@demo.test');
    await laptop.waitForURL('**/settings');

    const security = laptop.getByRole('region', { name: 'Security' });
    const sessions = security.getByRole('table', { name: 'Your sessions' });
    await sessions.waitFor();
    await expect.poll(() => sessions.getByTestId('session-row').count()).toBe(2);
    expect(await sessions.getByTestId('session-row').filter({ hasText: 'This browser' }).textContent()).toContain(
      'Chrome on Linux',
    );
    await screenshot({ of: security, name: 'security.png', forDocs: true });

    // A write from the UI: it carries the CSRF token like every other one.
    await security.getByRole('button', { name: 'End session on Safari on iOS' }).click();
    await expect.poll(() => sessions.getByTestId('session-row').count()).toBe(1);

    await phone.reload();
    await phone.waitForURL('**/sign-in**');
    await phone.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Sign out everywhere ends this browser's session too.
    await security.getByRole('button', { name: 'Sign out everywhere' }).click();
    await laptop.waitForURL('**/sign-in**');
    await laptop.goto('/settings');
    await laptop.waitForURL('**/sign-in**');
    expect(pageErrors()).toEqual([]);
  });

  it('resets a forgotten password through the e-mailed link, once', async () => {
    const email = 'avery.chen@demo.test';
    const page = await openPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your e-mail').waitFor();

    await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
    const mail = mails()[0];
    expect(mail?.subject).toBe('Reset your Rightly password');
    expect(mail?.to).toBe(email);
    const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();

    await page.goto(link ?? '');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('New password must be at least 12 characters').waitFor();

    const newPassword = 'correct horse battery staple';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Every session of yours has ended').waitFor();

    // The link works once.
    const again = await openPage();
    await again.goto(link ?? '');
    await again.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await again.getByLabel('New password again', { exact: true }).fill('another long passphrase');
    await again.getByRole('button', { name: 'Set the new password' }).click();
    await again.getByText('This link does not work').waitFor();

    await page.getByRole('link', { name: 'Sign in' }).click();
    await signInAt(page, '/sign-in', email, DEMO_PASSWORD);
    await page.getByText('Sign-in failed').waitFor();
    await signInAt(page, '/sign-in', email, newPassword);
    await page.waitForURL('**/team');
    expect(pageErrors()).toEqual([]);
  });
});
