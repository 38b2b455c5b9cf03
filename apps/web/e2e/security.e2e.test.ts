import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@rightly/services';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchChromium, MISSING_CHROMIUM_MESSAGE } from './browser';
import { startRightlyServer, type RunningServer } from './rightly-server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS_SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const LAPTOP = { width: 1280, height: 900 };
const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

if (!HAS_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
}

// Same rules as the other suites: skipped without Chromium on a developer machine, required in CI.
describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('sessions and password reset, in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let smtp: SMTPServer | undefined;
  const mails: ParsedMail[] = [];
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(MISSING_CHROMIUM_MESSAGE);
    if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
      execFileSync('npm', ['run', 'build', '--workspace', '@rightly/web'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A local mail server catches the reset e-mail, as a real one would deliver it.
    const receiver = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            mails.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    smtp = receiver;
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([
      startRightlyServer({ timeoutMs: 150_000, env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Rightly <rightly@demo.test>' } }),
      launchChromium(),
    ]);
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  });

  async function openPage(options: { userAgent?: string } = {}): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    const context = await browser.newContext({ viewport: LAPTOP, baseURL: server.url, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, params: { path: string; email: string; password?: string }): Promise<void> {
    await page.goto(params.path);
    await page.getByLabel('E-mail', { exact: true }).fill(params.email);
    await page.getByLabel('Password', { exact: true }).fill(params.password ?? DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** The section alone: a full-page shot of the settings page would be mostly other settings. */
  async function screenshotForDocs(section: Locator, name: string): Promise<void> {
    const path = join(SCREENSHOTS, name);
    await section.screenshot({ path, animations: 'disabled' });
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, name));
  }

  it('lets a rep see where they are signed in and end the session on another device', async () => {
    pageErrors = [];
    const laptop = await openPage();
    const phone = await openPage({ userAgent: IPHONE_UA });
    await signIn(phone, { path: '/team', email: 'rep@demo.test' });
    await phone.waitForURL('**/team');
    await signIn(laptop, { path: '/settings', email: 'rep@demo.test' });
    await laptop.waitForURL('**/settings');

    const security = laptop.getByRole('region', { name: 'Security' });
    const sessions = security.getByRole('table', { name: 'Your sessions' });
    await sessions.waitFor();
    await expect.poll(() => sessions.getByTestId('session-row').count()).toBe(2);
    expect(await sessions.getByTestId('session-row').filter({ hasText: 'This browser' }).textContent()).toContain(
      'Chrome on Linux',
    );
    await screenshotForDocs(security, 'security.png');

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
    expect(pageErrors).toEqual([]);
  });

  it('resets a forgotten password through the e-mailed link, once', async () => {
    pageErrors = [];
    const email = 'avery.chen@demo.test';
    const page = await openPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your e-mail').waitFor();

    await expect.poll(() => mails.length, { timeout: 20_000 }).toBe(1);
    const mail = mails[0];
    expect(mail?.subject).toBe('Reset your Rightly password');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toContain(email);
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
    await signIn(page, { path: '/sign-in', email, password: DEMO_PASSWORD });
    await page.getByText('Sign-in failed').waitFor();
    await signIn(page, { path: '/sign-in', email, password: newPassword });
    await page.waitForURL('**/team');
    expect(pageErrors).toEqual([]);
  });
});
