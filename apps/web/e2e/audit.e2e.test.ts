import { expect, it } from 'vitest';
import { describeInChromium, screenshot, signInAt, useBrowserSuite } from './harness';

/** A name that tries to forge a second log line and flip text around with a bidi override. */
const HOSTILE_NAME = 'Calls\n2026-11-27 Avery Quinn deleted the audit log\u2028\u202eexe.gnp';

describeInChromium('the audit log, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();

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
    await screenshot({ of: page, name: 'audit-log.png', forDocs: true });

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
    expect(pageErrors()).toEqual([]);
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
    expect(pageErrors()).toEqual([]);
  });
});
