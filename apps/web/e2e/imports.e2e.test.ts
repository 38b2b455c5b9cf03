import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, REPO_ROOT, screenshot, signInAt, useBrowserSuite } from './harness';

const FIXTURES = join(REPO_ROOT, 'packages/importers/test/fixtures');

describeInChromium('the Imports page against the real server, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();

  async function signedIn(email: string): Promise<Page> {
    const page = await openPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signInAt(page, '/imports', email);
    await page.waitForURL('**/imports');
    return page;
  }

  /** Picks a file the way a user does: the file chooser the button opens. */
  async function chooseFile(page: Page, path: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('Export file').click()]);
    await chooser.setFiles(path);
  }

  const result = (page: Page) => page.getByRole('region', { name: /^(Import|Check) of / });

  it('uploads a HubSpot export: detected, previewed, imported, and idempotent the second time', async () => {
    const page = await signedIn('admin@demo.test');
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await chooseFile(page, join(FIXTURES, 'hubspot/calls.csv'));
    await page.getByText('Read as').waitFor();
    expect(await page.getByText('HubSpot calls, meetings or e-mails export').isVisible()).toBe(true);
    const preview = page.getByRole('table', { name: 'Preview of the first rows' });
    await preview.waitFor();
    expect(await preview.getByRole('row').count()).toBe(5);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await result(page).getByText('4 new, 0 updated, 0 unchanged, 0 rejected').waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await result(page).getByText('0 new, 0 updated, 4 unchanged, 0 rejected').waitFor({ timeout: 60_000 });
    const history = page.getByRole('table', { name: 'Import history' });
    await history.getByText('0 new, 0 updated, 4 unchanged, 0 rejected').waitFor();
    expect(pageErrors()).toEqual([]);
  });

  it('maps the columns of an unknown CSV, previews it, and imports it', async () => {
    const page = await signedIn('admin@demo.test');
    await chooseFile(page, join(FIXTURES, 'generic/activities.csv'));
    await page.getByText('The columns match no export Rightly reads on its own').waitFor();
    await page.getByRole('button', { name: 'Map the columns' }).click();
    const mapping = page.getByRole('region', { name: 'Map the columns' });
    await mapping.waitFor();
    // The guess found the date ("When"); the rest is the admin's to say.
    expect(await mapping.getByRole('combobox', { name: 'Date', exact: true }).inputValue()).toBe('When');
    await page.getByText('Choose a column for: Owner, Type.').waitFor();
    for (const [field, column] of [
      ['Owner', 'Who'],
      ['Type', 'What'],
      ['Outcome', 'Result'],
      ['Account', 'Company'],
      ['Subject', 'Notes'],
      ['Duration', 'Minutes'],
    ] as const) {
      await mapping.getByRole('combobox', { name: field, exact: true }).click();
      await page.getByRole('option', { name: column, exact: true }).click();
    }
    await mapping.getByRole('combobox', { name: 'Durations are in' }).click();
    await page.getByRole('option', { name: 'minutes', exact: true }).click();

    const preview = page.getByRole('table', { name: 'Preview of the first rows' });
    await preview.getByText('Generic Fixture AG').first().waitFor();
    expect(await preview.getByText('call', { exact: true }).count()).toBe(2);
    expect(await preview.getByText('held', { exact: true }).count()).toBe(1);
    await screenshot({ of: page, name: 'imports-mapping.png' });

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await result(page).getByText('4 new, 0 updated, 0 unchanged, 0 rejected').waitFor({ timeout: 60_000 });
    expect(pageErrors()).toEqual([]);
  });

  it('reports bad rows with the error report, and settles an unknown owner', async () => {
    const page = await signedIn('admin@demo.test');
    await chooseFile(page, join(FIXTURES, 'messy/bad-rows.csv'));
    await page.getByRole('table', { name: 'Preview of the first rows' }).waitFor();
    const owners = page.getByRole('region', { name: 'Owners Rightly does not know' });
    await owners.getByText('Pat Nobody', { exact: true }).waitFor();
    await page.getByText('Import the good rows').click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = result(page);
    await done.getByText('2 new, 0 updated, 0 unchanged, 4 rejected').waitFor({ timeout: 60_000 });
    await done.getByText('Unknown owner').waitFor();
    const problems = done.getByRole('table', { name: 'First problems' });
    await problems.getByText('"forever" is not a duration.').waitFor();
    await screenshot({ of: page, name: 'imports-error-report.png' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      done.getByRole('link', { name: /Download the error report/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bad-rows-errors.csv');
    const csv = await page.request.get(
      (await done.getByRole('link', { name: /Download the error report/ }).getAttribute('href')) ?? '',
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('line,column,value,reason,fix');
    expect(lines).toContain(
      '"6","Call duration","forever","""forever"" is not a duration.","Write a number of milliseconds or a time like 0:04:30."',
    );

    // The admin says who Pat Nobody is: a new rep, and their row comes in.
    await owners.getByRole('combobox', { name: 'What to do with Pat Nobody' }).click();
    await page.getByRole('option', { name: 'Create a new rep' }).click();
    await owners.getByRole('textbox', { name: 'Their e-mail' }).fill('pat.nobody@demo.test');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await result(page).getByText('1 new, 0 updated, 2 unchanged, 3 rejected').waitFor({ timeout: 60_000 });
    await result(page).getByText('Created the rep Pat Nobody (pat.nobody@demo.test).').waitFor();
    expect(pageErrors()).toEqual([]);
  });

  it('tells a leader that imports are for admins', async () => {
    const page = await signedIn('leader@demo.test');
    await page.getByText('Imports are for admins').waitFor();
    expect(await page.getByLabel('Export file').count()).toBe(0);
    expect(pageErrors()).toEqual([]);
  });
});
