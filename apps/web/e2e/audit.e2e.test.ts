import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@rightly/services';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchChromium, MISSING_CHROMIUM_MESSAGE } from './browser';
import { startRightlyServer, type RunningServer } from './rightly-server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS_SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const LAPTOP = { width: 1280, height: 800 };
/** A name that tries to forge a second log line and flip text around with a bidi override. */
const HOSTILE_NAME = 'Calls\n2026-11-27 Avery Quinn deleted the audit log\u2028\u202eexe.gnp';

if (!HAS_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
}

// Same rules as the other browser suites: skipped without Chromium on a developer machine, required in CI.
describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('the audit log, in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(MISSING_CHROMIUM_MESSAGE);
    if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
      execFileSync('npm', ['run', 'build', '--workspace', '@rightly/web'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([startRightlyServer({ timeoutMs: 150_000 }), launchChromium()]);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    pageErrors = [];
    context = await browser.newContext({ viewport: LAPTOP, baseURL: server.url });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signInAt(page: Page, path: string, email: string): Promise<void> {
    await page.goto(path);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('shows an admin what was just done, one line per entry, filterable, with more on request', async () => {
    const page = await openPage();
    await signInAt(page, '/settings', 'admin@demo.test');
    await page.waitForURL('**/settings');

    // Something auditable through the UI: the reporting settings.
    const settings = page.getByRole('form', { name: 'Self-reporting settings' });
    await settings.getByRole('textbox', { name: 'Reports due at' }).fill('10:30');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // And through the API, with a hostile name (the session cookie of this browser context).
    const teams = (await (await page.request.get('/api/v1/teams')).json()) as { teams: { id: string; name: string }[] };
    const team = teams.teams.find((t) => t.name === 'EMEA Mid-Market');
    // Cookie-authenticated writes carry the CSRF cookie's value, as the web app's own requests do.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'rightly_csrf')?.value ?? '';
    const created = await page.request.post('/api/v1/expectations', {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: HOSTILE_NAME,
        scope: { kind: 'team', teamId: team?.id },
        metric: 'calls_made',
        target: 40,
        period: 'week',
        startsOn: '2026-11-02',
      },
    });
    expect(created.status()).toBe(201);

    await page.getByRole('link', { name: 'Open the audit log' }).click();
    await page.waitForURL('**/settings/audit');
    const table = page.getByRole('table', { name: 'Audit entries' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // Newest first: the expectation, then the settings change.
    const first = rows.nth(1);
    expect(await first.getByRole('cell').nth(2).textContent()).toBe('Expectation created');
    const summary = (await first.getByRole('cell').nth(4).textContent()) ?? '';
    expect(summary).toContain('Calls 2026-11-27 Avery Quinn deleted the audit log exe.gnp');
    expect(summary).not.toMatch(/[\n\u2028\u202e]/);
    expect(await rows.nth(2).getByRole('cell').nth(2).textContent()).toBe('Reporting settings changed');
    expect(await rows.nth(2).getByRole('cell').nth(4).textContent()).toContain('dueTime');

    // The details are data: escaped, still one block, never a second row.
    await first.getByRole('button', { name: 'Details' }).click();
    const details = (await first.getByLabel('Details of the entry').textContent()) ?? '';
    expect(details).toContain('\\u2028\\u202eexe.gnp');
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-log.png'), fullPage: true, animations: 'disabled' });
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(join(SCREENSHOTS, 'audit-log.png'), join(DOCS_SCREENSHOTS, 'audit-log.png'));

    // Filters: by action, then by the person who acted.
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Reporting settings changed' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await table.getByRole('button', { name: 'Show only entries by Avery Quinn' }).first().click();
    await page.getByText('By Avery Quinn').waitFor();
    await page.getByRole('button', { name: 'Clear “By Avery Quinn”' }).click();
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Expectation created' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('keeps a rep out: no way in from Settings, the page refuses, the API answers 403', async () => {
    const page = await openPage();
    await signInAt(page, '/settings', 'rep@demo.test');
    await page.waitForURL('**/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open the audit log' }).count()).toBe(0);
    await page.goto('/settings/audit');
    await page.getByText('The audit log is kept for your organization’s admins.').waitFor();
    expect(await page.getByRole('table', { name: 'Audit entries' }).count()).toBe(0);
    expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
    expect((await page.request.get('/api/v1/audit/export.csv')).status()).toBe(403);
    expect(pageErrors).toEqual([]);
  });
});
