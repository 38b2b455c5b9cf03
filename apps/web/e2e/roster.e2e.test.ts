import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_REPS } from '@rightly/services';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchChromium, MISSING_CHROMIUM_MESSAGE } from './browser';
import { startRightlyServer, type RunningServer } from './rightly-server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

if (!HAS_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
}

// Without a browser the suite is skipped on a developer machine, but in CI (or with
// RIGHTLY_REQUIRE_BROWSER) it runs and fails in beforeAll, naming what to install.
describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED)('the web UI against the real server, in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  /** Uncaught errors in the page: any of them fails the test that caused it. */
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

  /** A fresh browser context (no cookies) at the given size, with the app's base URL. */
  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    pageErrors = [];
    context = await browser.newContext({ viewport, baseURL: server.url });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function signOut(page: Page, userName: string): Promise<void> {
    await page.getByRole('button', { name: `Account menu for ${userName}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
  }

  /**
   * Waits until every sparkline has drawn, so screenshots show them. (Polled from here: the app's
   * Content-Security-Policy forbids the string evaluation `page.waitForFunction` relies on.)
   */
  async function waitForSparklines(page: Page, count: number): Promise<void> {
    await expect
      .poll(() => page.locator('[role="img"] svg.recharts-surface').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(count);
  }

  /** Evaluated as a string: this file is also type-checked without the DOM library. */
  async function expectNoHorizontalOverflow(page: Page): Promise<void> {
    const [scrollWidth, innerWidth] = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as [number, number];
    expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  }

  function roster(page: Page) {
    return page.getByRole('table', { name: 'Team roster' });
  }

  it('signs a leader in through the form and shows every demo rep on the Team page', async () => {
    const page = await openPage(LAPTOP);
    await page.goto('/sign-in');
    await signIn(page, 'leader@demo.test');

    await page.waitForURL('**/team');
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    // The three rights come first; the roster is the Activity view.
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.waitForURL('**/team?view=activity');
    await page.getByText(`Showing ${DEMO_REPS.length} reps in`).waitFor();
    for (const rep of DEMO_REPS) {
      expect(await roster(page).getByRole('link', { name: rep.name, exact: true }).count(), rep.name).toBe(1);
    }
    expect(await roster(page).locator('a[href^="/reps/"]').count()).toBe(DEMO_REPS.length);
    expect(await page.getByRole('banner').getByText('Demo Co').isVisible()).toBe(true);

    await waitForSparklines(page, DEMO_REPS.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'team-leader.png'), fullPage: true, animations: 'disabled' });
    expect(pageErrors).toEqual([]);
  });

  it('fits a phone screen and opens the navigation from the burger', async () => {
    const page = await openPage(PHONE);
    await page.goto('/sign-in');
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-phone.png'), fullPage: true, animations: 'disabled' });
    await signIn(page, 'leader@demo.test');
    await page.waitForURL('**/team');
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByText(`Showing ${DEMO_REPS.length} reps in`).waitFor();
    await waitForSparklines(page, DEMO_REPS.length);

    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'team-phone.png'), fullPage: true, animations: 'disabled' });

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Reps' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await nav.getByRole('link', { name: 'Reps' }).waitFor({ state: 'visible' });
    for (const label of ['Team', 'Reps', 'Expectations', 'Imports', 'Settings']) {
      expect(await nav.getByRole('link', { name: label, exact: true }).isVisible(), label).toBe(true);
    }
    // The drawer slides in; shoot once it has arrived.
    await expect.poll(async () => (await nav.boundingBox())?.x ?? -1, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'nav-phone.png'), animations: 'disabled' });
    await nav.getByRole('link', { name: 'Reps' }).click();
    await page.waitForURL('**/reps');
    await page.getByRole('heading', { level: 1, name: 'Reps' }).waitFor();
    await nav.getByRole('link', { name: 'Reps' }).waitFor({ state: 'hidden' });
    await expectNoHorizontalOverflow(page);
    expect(pageErrors).toEqual([]);
  });

  it('shows a rep only their own row, refuses a wrong password, and returns a deep link after sign-in', async () => {
    const page = await openPage(LAPTOP);
    await page.goto('/sign-in');
    await signIn(page, 'leader@demo.test');
    await page.waitForURL('**/team');
    await signOut(page, 'Morgan Lee');

    await signIn(page, 'rep@demo.test', 'not-the-password');
    await page.getByText('The e-mail or the password is wrong').waitFor();
    expect(page.url()).toMatch(/\/sign-in$/);

    await signIn(page, 'rep@demo.test');
    await page.waitForURL('**/team');
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByText('Showing 1 rep ·').waitFor();
    const repLinks = roster(page).locator('a[href^="/reps/"]');
    expect(await repLinks.allInnerTexts()).toEqual(['Riley Carter']);
    await page.getByText('Your leader sees the whole team here').waitFor();
    await signOut(page, 'Riley Carter');

    await page.goto('/reps');
    await page.waitForURL('**/sign-in?returnTo=%2Freps');
    await signIn(page, 'rep@demo.test');
    await page.waitForURL('**/reps');
    await page.getByRole('heading', { level: 1, name: 'Reps' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('filters the Reps page by search and charts a rep week by week', async () => {
    const page = await openPage(LAPTOP);
    await page.goto('/reps');
    await signIn(page, 'leader@demo.test');
    await page.waitForURL('**/reps');

    const list = page.getByRole('list', { name: 'Reps' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(DEMO_REPS.length);

    const search = page.getByRole('searchbox', { name: 'Search reps' });
    const byTeam = DEMO_REPS.filter(
      (rep) => rep.team.toLowerCase().includes('emea') || rep.name.toLowerCase().includes('emea'),
    );
    await search.fill('emea');
    await page.getByText(`${byTeam.length} of ${DEMO_REPS.length} reps match`).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(byTeam.length);

    await search.fill('riley');
    await page.getByText(`1 of ${DEMO_REPS.length} reps match`).waitFor();
    await list.getByRole('link', { name: /Riley Carter/ }).click();

    await page.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Riley Carter' }).waitFor();
    await page.getByRole('tab', { name: 'Activity' }).click();
    const weekly = page.getByRole('region', { name: 'Weekly activity' });
    await weekly.locator('svg.recharts-surface').first().waitFor();
    expect(await weekly.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'rep-detail.png'), fullPage: true, animations: 'disabled' });

    await page.getByRole('link', { name: '← All reps' }).click();
    await page.waitForURL('**/reps');
    expect(pageErrors).toEqual([]);
  });
});
