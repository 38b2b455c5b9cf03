import { expect, it } from 'vitest';
import {
  describeInChromium,
  expectNoHorizontalOverflow,
  PHONE,
  screenshot,
  signInAt,
  useBrowserSuite,
} from './harness';

describeInChromium('self-reports, cadence and notifications, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();

  it('lets a rep file a due report beside the CRM’s figure and find it under past reports', async () => {
    const page = await openPage();
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
    await screenshot({ of: page, name: 'my-reports.png', forDocs: true });

    await due.getByRole('button', { name: `Submit the report for ${windowLabel}` }).click();
    await page.getByText(new RegExp(`^Report for ${windowLabel} sent`)).waitFor();
    const past = page.getByRole('table', { name: 'Past reports' });
    const row = past.getByRole('row').filter({ hasText: comment });
    await row.waitFor();
    expect(await row.textContent()).toContain(windowLabel);
    expect(await row.locator('[data-status]').first().getAttribute('data-status')).toMatch(/^(submitted|late)$/);
    expect(pageErrors()).toEqual([]);
  });

  it('lets a leader resolve a discrepancy and shorten a struggling rep’s cadence', async () => {
    const page = await openPage();
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
    await screenshot({ of: page, name: 'reports.png', forDocs: true });

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
    await screenshot({ of: page, name: 'rep-cadence.png' });
    expect(pageErrors()).toEqual([]);
  });

  it('opens the notification bell, the settings behind it, and fits a phone', async () => {
    const page = await openPage({ viewport: PHONE });
    await signInAt(page, '/reports', 'leader@demo.test');
    // On a phone the table becomes a list of cards.
    await page.getByRole('list', { name: 'Self-reports by rep and window' }).waitFor();
    expect(await page.getByRole('table', { name: 'Self-reports by rep and window' }).isVisible()).toBe(false);
    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'reports-phone.png', fullPage: false });

    await page.getByRole('button', { name: /^Notifications/ }).click();
    const bell = page.getByRole('dialog', { name: 'Notifications' });
    await bell.waitFor();
    await bell.getByRole('button', { name: 'Mark all read' }).waitFor();
    await screenshot({ of: page, name: 'notifications-phone.png', fullPage: false });
    await bell.getByRole('link', { name: 'Notification settings' }).click();
    await page.waitForURL('**/settings/notifications');
    const settings = page.getByRole('form', { name: 'Notification settings' });
    await settings.waitFor();
    expect(await settings.getByRole('switch', { name: /^E-mail/ }).count()).toBe(1);
    await expectNoHorizontalOverflow(page);

    // The rep's page on a phone.
    await page.context().clearCookies();
    await signInAt(page, '/reports', 'rep@demo.test');
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    await page.getByRole('list', { name: 'Past reports' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'my-reports-phone.png' });

    // The unsubscribe page works signed out, and says when a link is not valid.
    await page.context().clearCookies();
    await page.goto('/unsubscribe?token=not-a-real-token');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('This link does not work').waitFor();
    expect(new URL(page.url()).pathname).toBe('/unsubscribe');
    expect(pageErrors()).toEqual([]);
  });
});
