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
const PHONE = { width: 390, height: 844 };

if (!HAS_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
}

// Same rules as the roster suite: skipped without Chromium on a developer machine, required in CI.
describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('self-reports, cadence and notifications, in Chromium', () => {
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

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    pageErrors = [];
    context = await browser.newContext({ viewport, baseURL: server.url });
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

  /** Evaluated as a string: this file is also type-checked without the DOM library. */
  async function expectNoHorizontalOverflow(page: Page): Promise<void> {
    const [scrollWidth, innerWidth] = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as [number, number];
    expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  }

  /** The screenshot for the README lives in docs/; the test run's copy stays with the others. */
  async function screenshotForDocs(page: Page, name: string): Promise<void> {
    const path = join(SCREENSHOTS, name);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, name));
  }

  it('lets a rep file a due report beside the CRM’s figure and find it under past reports', async () => {
    const page = await openPage(LAPTOP);
    await signInAt(page, '/reports', 'rep@demo.test');
    await page.waitForURL('**/reports');
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    await page.getByRole('table', { name: 'Past reports' }).waitFor();

    const due = page.getByRole('region', { name: 'Due now' }).locator('section[data-window]').first();
    await due.waitFor();
    const title = (await due.getByRole('heading', { level: 3 }).textContent()) ?? '';
    const windowLabel = title.split(' · ').at(-1) ?? '';
    expect(windowLabel).toMatch(/^[A-Z][a-z]{2} \d{1,2}/);
    expect(await due.getByTestId('measured').first().textContent()).toMatch(/^(CRM shows \S+|no CRM data yet)$/);

    const values = due.getByTestId('reported-value');
    const count = await values.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index++) await values.nth(index).fill(String(index + 2));
    const comment = 'Three first meetings by phone; need help with the Acme gatekeeper';
    await due
      .getByRole('textbox', { name: /^Comment on / })
      .first()
      .fill(comment);
    await screenshotForDocs(page, 'my-reports.png');

    await due.getByRole('button', { name: `Submit the report for ${windowLabel}` }).click();
    await page.getByText(new RegExp(`^Report for ${windowLabel} sent`)).waitFor();
    const past = page.getByRole('table', { name: 'Past reports' });
    const row = past.getByRole('row').filter({ hasText: comment });
    await row.waitFor();
    expect(await row.textContent()).toContain(windowLabel);
    expect(await row.locator('[data-status]').first().getAttribute('data-status')).toMatch(/^(submitted|late)$/);
    expect(pageErrors).toEqual([]);
  });

  it('lets a leader resolve a discrepancy and shorten a struggling rep’s cadence', async () => {
    const page = await openPage(LAPTOP);
    await signInAt(page, '/reports', 'leader@demo.test');
    await page.waitForURL('**/reports');
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('table', { name: 'Self-reports by rep and window' }).waitFor();
    expect(await page.getByTestId('report-summary').textContent()).toMatch(/\d+ due.*on time/);

    await page.getByText('Discrepancies', { exact: true }).click();
    await page.waitForURL(/status=discrepancy/);
    await page.locator('[data-filter="discrepancy"][aria-busy="false"]').waitFor();
    const table = page.getByRole('table', { name: 'Self-reports by rep and window' });
    const resolveButtons = table.getByRole('button', { name: /^Resolve: / });
    await resolveButtons.first().waitFor();
    const before = await resolveButtons.count();
    expect(await table.textContent()).toMatch(/reported .+, CRM shows/);
    await screenshotForDocs(page, 'reports.png');

    const label = (await resolveButtons.first().getAttribute('aria-label')) ?? '';
    await resolveButtons.first().click();
    const dialog = page.getByRole('dialog', { name: 'Resolve a discrepancy' });
    await dialog.waitFor();
    await dialog.getByText('Noted', { exact: true }).click();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Talked it through in our 1:1');
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => resolveButtons.count(), { timeout: 10_000 }).toBe(before - 1);
    expect(await table.getByRole('button', { name: label }).count()).toBe(0);

    // Casey reports late: shorten the cadence from tomorrow, with a reason.
    await page.goto('/reps?q=casey');
    await page
      .getByRole('list', { name: 'Reps' })
      .getByRole('link', { name: /Casey Nguyen/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Casey Nguyen' }).waitFor();
    await page.getByRole('tab', { name: 'Reports' }).click();
    await page.waitForURL(/\?tab=reports$/);
    const card = page.getByRole('region', { name: 'Reporting cadence' });
    const current = (await card.getByTestId('current-cadence').textContent()) ?? '';
    const shorter = current === 'Weekly' || current === 'Monthly' ? 'Twice a week' : 'Daily';
    const advice = card.getByRole('button', { name: /^Shorten to / });
    if ((await advice.count()) > 0) await advice.click();
    else await card.getByRole('button', { name: 'Change cadence' }).click();
    const form = card.getByRole('form', { name: 'Change the reporting cadence' });
    await form.getByRole('combobox', { name: /^New cadence/ }).click();
    await page.getByRole('option', { name: shorter, exact: true }).click();
    const reason = form.getByRole('textbox', { name: /^Reason/ });
    await reason.fill('');
    await form.getByRole('button', { name: 'Save cadence' }).click();
    await form.getByText(/^Say why/).waitFor();
    await reason.fill('Late three weeks running: a short check-in twice a week until it turns');
    // A shorter cadence is reviewed: a date four weeks on is suggested.
    expect(await form.getByLabel(/^Review on/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByTestId('effective-from').textContent()).toMatch(/^Takes effect from tomorrow, /);
    await form.getByRole('button', { name: 'Save cadence' }).click();
    await card.getByText(new RegExp(`^From tomorrow, .+, Casey Nguyen reports ${shorter.toLowerCase()}\\.$`)).waitFor();
    const upcoming = card.getByTestId('upcoming-cadence');
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toContain(shorter.toLowerCase());
    expect(await card.getByRole('list', { name: 'History' }).textContent()).toContain(`${shorter} · Rep · from`);
    await page.screenshot({ path: join(SCREENSHOTS, 'rep-cadence.png'), fullPage: true, animations: 'disabled' });
    expect(pageErrors).toEqual([]);
  });

  it('opens the notification bell, the settings behind it, and fits a phone', async () => {
    const page = await openPage(PHONE);
    await signInAt(page, '/reports', 'leader@demo.test');
    // On a phone the table becomes a list of cards.
    await page.getByRole('list', { name: 'Self-reports by rep and window' }).waitFor();
    expect(await page.getByRole('table', { name: 'Self-reports by rep and window' }).isVisible()).toBe(false);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-phone.png'), animations: 'disabled' });

    await page.getByRole('button', { name: /^Notifications/ }).click();
    const bell = page.getByRole('dialog', { name: 'Notifications' });
    await bell.waitFor();
    await bell.getByRole('button', { name: 'Mark all read' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'notifications-phone.png'), animations: 'disabled' });
    await bell.getByRole('link', { name: 'Notification settings' }).click();
    await page.waitForURL('**/settings/notifications');
    const settings = page.getByRole('form', { name: 'Notification settings' });
    await settings.waitFor();
    expect(await settings.getByRole('switch', { name: /^E-mail/ }).count()).toBe(1);
    await expectNoHorizontalOverflow(page);

    // The rep's page on a phone.
    await context?.clearCookies();
    await signInAt(page, '/reports', 'rep@demo.test');
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    await page.getByRole('list', { name: 'Past reports' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-reports-phone.png'), fullPage: true, animations: 'disabled' });

    // The unsubscribe page works signed out, and says when a link is not valid.
    await context?.clearCookies();
    await page.goto('/unsubscribe?token=not-a-real-token');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('This link does not work').waitFor();
    expect(new URL(page.url()).pathname).toBe('/unsubscribe');
    expect(pageErrors).toEqual([]);
  });
});
