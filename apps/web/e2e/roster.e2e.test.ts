import { DEMO_REPS } from '@rightly/services';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeInChromium,
  expectNoHorizontalOverflow,
  PHONE,
  screenshot,
  submitSignIn,
  useBrowserSuite,
} from './harness';

describeInChromium('the web UI against the real server, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();

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

  function roster(page: Page) {
    return page.getByRole('table', { name: 'Team roster' });
  }

  it('signs a leader in through the form and shows every demo rep on the Team page', async () => {
    const page = await openPage();
    await page.goto('/sign-in');
    await submitSignIn(page, 'leader@demo.test');

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
    await screenshot({ of: page, name: 'team-leader.png' });
    expect(pageErrors()).toEqual([]);
  });

  it('fits a phone screen and opens the navigation from the burger', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/sign-in');
    await screenshot({ of: page, name: 'sign-in-phone.png' });
    await submitSignIn(page, 'leader@demo.test');
    await page.waitForURL('**/team');
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByText(`Showing ${DEMO_REPS.length} reps in`).waitFor();
    await waitForSparklines(page, DEMO_REPS.length);

    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'team-phone.png' });

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Reps' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await nav.getByRole('link', { name: 'Reps' }).waitFor({ state: 'visible' });
    for (const label of ['Team', 'Reps', 'Expectations', 'Imports', 'Settings']) {
      expect(await nav.getByRole('link', { name: label, exact: true }).isVisible(), label).toBe(true);
    }
    // The drawer slides in; shoot once it has arrived.
    await expect.poll(async () => (await nav.boundingBox())?.x ?? -1, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    await screenshot({ of: page, name: 'nav-phone.png', fullPage: false });
    await nav.getByRole('link', { name: 'Reps' }).click();
    await page.waitForURL('**/reps');
    await page.getByRole('heading', { level: 1, name: 'Reps' }).waitFor();
    await nav.getByRole('link', { name: 'Reps' }).waitFor({ state: 'hidden' });
    await expectNoHorizontalOverflow(page);
    expect(pageErrors()).toEqual([]);
  });

  it('shows a rep only their own row, refuses a wrong password, and returns a deep link after sign-in', async () => {
    const page = await openPage();
    await page.goto('/sign-in');
    await submitSignIn(page, 'leader@demo.test');
    await page.waitForURL('**/team');
    await signOut(page, 'Morgan Lee');

    await submitSignIn(page, 'rep@demo.test', 'not-the-password');
    await page.getByText('The e-mail or the password is wrong').waitFor();
    expect(page.url()).toMatch(/\/sign-in$/);

    await submitSignIn(page, 'rep@demo.test');
    await page.waitForURL('**/team');
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByText('Showing 1 rep ·').waitFor();
    const repLinks = roster(page).locator('a[href^="/reps/"]');
    expect(await repLinks.allInnerTexts()).toEqual(['Riley Carter']);
    await page.getByText('Your leader sees the whole team here').waitFor();
    await signOut(page, 'Riley Carter');

    await page.goto('/reps');
    await page.waitForURL('**/sign-in?returnTo=%2Freps');
    await submitSignIn(page, 'rep@demo.test');
    await page.waitForURL('**/reps');
    await page.getByRole('heading', { level: 1, name: 'Reps' }).waitFor();
    expect(pageErrors()).toEqual([]);
  });

  it('filters the Reps page by search and charts a rep week by week', async () => {
    const page = await openPage();
    await page.goto('/reps');
    await submitSignIn(page, 'leader@demo.test');
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
    await screenshot({ of: page, name: 'rep-detail.png' });

    await page.getByRole('link', { name: '← All reps' }).click();
    await page.waitForURL('**/reps');
    expect(pageErrors()).toEqual([]);
  });
});
