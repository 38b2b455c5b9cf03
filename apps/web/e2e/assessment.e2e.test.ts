import { DEMO_REPS } from '@rightly/services';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeInChromium,
  expectNoHorizontalOverflow,
  PHONE,
  screenshot,
  signInAt,
  useBrowserSuite,
} from './harness';

describeInChromium('three rights, forecast and expectations, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();

  /**
   * The matrix once the answer for the period in the URL is on screen: the URL changes before React
   * renders, and the previous period's matrix stays up (marked busy) until the new one arrives.
   */
  async function matrixFor(page: Page, periodPattern: RegExp): Promise<Locator> {
    await page.waitForURL(periodPattern);
    const period = new URL(page.url()).searchParams.get('period') ?? '';
    await page.locator(`[role="group"][aria-label="Period"][data-period="${period}"]`).waitFor();
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    const matrix = page.getByRole('table', { name: 'Three rights by rep' });
    await matrix.waitFor();
    return matrix;
  }

  /** Names in "Who needs help", after opening the whole list. */
  async function needsHelpNames(page: Page): Promise<string[]> {
    const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
    if (await showAll.isVisible()) await showAll.click();
    const list = page.getByRole('list', { name: 'Who needs help' });
    return list
      .locator(':scope > li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }

  async function expectEveryDemoRep(matrix: Locator): Promise<void> {
    for (const rep of DEMO_REPS) {
      expect(await matrix.getByRole('button', { name: `${rep.name}: show the evidence` }).count(), rep.name).toBe(1);
    }
  }

  it('shows a leader the three-rights matrix and who needs help, for this quarter and a past month', async () => {
    const page = await openPage();
    await signInAt(page, '/team', 'leader@demo.test');
    await page.waitForURL('**/team');
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await page.getByRole('table', { name: 'Three rights by rep' }).waitFor();

    await page.getByRole('button', { name: 'This quarter' }).click();
    let matrix = await matrixFor(page, /period=\d{4}-Q[1-4]$/);
    expect(await page.getByRole('button', { name: 'This quarter' }).getAttribute('aria-pressed')).toBe('true');
    await expectEveryDemoRep(matrix);
    // Taylor prospects by e-mail (the right way); Sam sells only the non-strategic offering (the right thing).
    expect(
      await matrix.getByRole('button', { name: 'Taylor Brooks, the right way: Off track. Show the evidence' }).count(),
    ).toBe(1);
    expect(
      await matrix.getByRole('button', { name: 'Sam Patel, the right thing: Off track. Show the evidence' }).count(),
    ).toBe(1);
    await screenshot({ of: page, name: 'team.png', forDocs: true });
    let names = await needsHelpNames(page);
    expect(
      names.some((name) => name.endsWith('. Taylor Brooks')),
      names.join(', '),
    ).toBe(true);
    expect(
      names.some((name) => name.endsWith('. Sam Patel')),
      names.join(', '),
    ).toBe(true);

    // A month that is over: its record stands.
    await page.getByRole('button', { name: 'This month' }).click();
    await matrixFor(page, /period=\d{4}-\d{2}$/);
    const thisMonth = new URL(page.url()).searchParams.get('period');
    await page.getByRole('button', { name: 'Previous period' }).click();
    await page.waitForURL((url) => url.searchParams.get('period') !== thisMonth);
    matrix = await matrixFor(page, /period=\d{4}-\d{2}$/);
    await page.getByText('period closed').waitFor();
    await expectEveryDemoRep(matrix);
    names = await needsHelpNames(page);
    expect(
      names.some((name) => name.endsWith('. Taylor Brooks')),
      names.join(', '),
    ).toBe(true);
    expect(
      names.some((name) => name.endsWith('. Sam Patel')),
      names.join(', '),
    ).toBe(true);
    const taylor = page.getByRole('listitem', { name: /^\d+\. Taylor Brooks$/ });
    expect(await taylor.textContent()).toMatch(/Next step: /);
    expect(await taylor.getByRole('link', { name: 'Taylor Brooks' }).getAttribute('href')).toMatch(/^\/reps\//);

    // The evidence behind a cell.
    await matrix.getByRole('button', { name: 'Taylor Brooks, the right way: Off track. Show the evidence' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: /The right way/, selected: true }).waitFor();
    await drawer
      .getByText(/phone share of prospecting \d+% against a standard of at least \d+%/)
      .first()
      .waitFor();
    await drawer
      .getByText(/^Recorded \d{1,2} [A-Z][a-z]{2}/)
      .first()
      .waitFor();
    await screenshot({ of: page, name: 'team-evidence.png', fullPage: false });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(pageErrors()).toEqual([]);
  });

  it('shows a rep’s forecast with the gap sentence', async () => {
    const page = await openPage();
    await signInAt(page, '/reps?q=jamie', 'leader@demo.test');
    await page
      .getByRole('list', { name: 'Reps' })
      .getByRole('link', { name: /Jamie Ortiz/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Jamie Ortiz' }).waitFor();
    // Evidence is the first tab.
    await page.getByRole('region', { name: 'The right thing' }).waitFor();

    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.waitForURL(/\?tab=forecast$/);
    const chart = page.getByRole('img', { name: /Bookings forecast for Jamie Ortiz/ });
    await chart.locator('svg.recharts-surface').waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const gap = page.getByTestId('gap-sentence');
    await gap.waitFor();
    expect(await gap.textContent()).toMatch(/\$[\d,]+/);
    await screenshot({ of: page, name: 'rep-forecast.png', forDocs: true });

    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.getByRole('table', { name: 'Status per right and period' }).waitFor();
    expect(await page.getByRole('img', { name: /^The right way, / }).count()).toBe(13);
    expect(pageErrors()).toEqual([]);
  });

  it('adopts the Strategic mix template for a team, edits it with live advice, and lists it', async () => {
    const page = await openPage();
    await signInAt(page, '/expectations', 'leader@demo.test');
    await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();

    await page.getByRole('button', { name: 'Adopt Strategic mix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adopt “Strategic mix”' });
    expect(await dialog.getByRole('combobox', { name: 'Role' }).inputValue()).toBe('All reps');
    await dialog.getByText('A team', { exact: true }).click();
    await dialog.getByRole('combobox', { name: /^Team/ }).click();
    await page.getByRole('option', { name: 'NA Enterprise', exact: true }).click();
    await dialog.getByRole('button', { name: 'Adopt and edit' }).click();

    await page.waitForURL(/\/expectations\/[0-9a-f-]{36}\?adopted=1$/);
    await page.getByText('Adopted from the playbook').waitFor();
    const target = page.getByLabel(/^Target/);
    await target.fill('30');
    // The editor asks the server for advice a moment after the change.
    const linted = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/expectations/lint') &&
        (response.request().postData() ?? '').includes('"metric":"calls_made"'),
    );
    await page.getByRole('combobox', { name: /^Metric/ }).click();
    await page.getByRole('option', { name: /^Calls made/ }).click();
    expect(await page.getByRole('combobox', { name: /^Metric/ }).inputValue()).toBe('Calls made');
    await linted;
    const advice = page.getByRole('region', { name: 'Advice on this expectation' });
    await advice
      .getByText(/counting calls instead of first meetings/)
      .waitFor({ timeout: 5_000 })
      .finally(() => screenshot({ of: page, name: 'expectation-editor.png' }));

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/expectations$/);
    const card = page
      .getByRole('article')
      .filter({ hasText: 'Team NA Enterprise, with its sub-teams' })
      .filter({ hasText: 'Calls made' });
    await card.waitFor();
    expect(await card.textContent()).toContain('30 per quarter');
    expect(pageErrors()).toEqual([]);
  });

  it('shows a rep their own page and the expectations without edit controls', async () => {
    const page = await openPage();
    await signInAt(page, '/reps', 'rep@demo.test');
    await page
      .getByRole('list', { name: 'Reps' })
      .getByRole('link', { name: /Riley Carter/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Riley Carter' }).waitFor();
    for (const tab of ['Evidence', 'Trends', 'Forecast', 'Activity']) {
      expect(await page.getByRole('tab', { name: tab }).count(), tab).toBe(1);
    }
    await page.getByRole('region', { name: 'The right way' }).waitFor();

    await page.goto('/expectations');
    await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('link', { name: 'New expectation' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Edit / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Adopt / }).count()).toBe(0);
    expect(pageErrors()).toEqual([]);
  });

  it('fits the matrix, the forecast and the editor on a phone', async () => {
    const page = await openPage({ viewport: PHONE });
    await signInAt(page, '/team', 'leader@demo.test');
    await page.getByRole('table', { name: 'Three rights by rep' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'team-matrix-phone.png' });

    await page.getByRole('listitem', { name: /^1\. / }).getByRole('link').click();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.locator('svg.recharts-surface').first().waitFor();
    await expectNoHorizontalOverflow(page);

    await page.goto('/expectations/new');
    await page.getByRole('heading', { level: 1, name: 'New expectation' }).waitFor();
    await expectNoHorizontalOverflow(page);
    expect(pageErrors()).toEqual([]);
  });
});
