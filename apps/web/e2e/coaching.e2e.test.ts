import { expect, it } from 'vitest';
import {
  describeInChromium,
  expectNoHorizontalOverflow,
  PHONE,
  screenshot,
  signInAt,
  useBrowserSuite,
} from './harness';

const COMMITMENT = 'Send the Friday report before noon, with one line on the Acme deal';
const PRIVATE_NOTE = 'Casey mentioned a family matter; check in gently next week';

describeInChromium('coaching plans, sessions and the ladder, in Chromium', () => {
  const { openPage, pageErrors } = useBrowserSuite();
  /** Casey's page, found by the leader in the first test. */
  let caseyPath = '';

  it('lets a leader start a plan from Who needs help, hold a session, and see a ladder step refused', async () => {
    const page = await openPage();
    await signInAt(page, '/team', 'henrik.vogel@demo.test');
    await page.waitForURL('**/team');
    const list = page.getByRole('list', { name: 'Who needs help' });
    await list.waitFor();
    const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
    if ((await showAll.count()) > 0) await showAll.click();
    await list.getByRole('button', { name: 'Start coaching plan for Casey Nguyen' }).click();

    await page.waitForURL(/\/reps\/[^/?]+\?tab=coaching$/);
    caseyPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Casey Nguyen' }).waitFor();
    const plan = page.getByRole('region', { name: 'Coaching plan' });
    await plan.getByRole('list', { name: 'Rights in focus' }).waitFor();
    expect(await plan.getByRole('list', { name: 'Rights in focus' }).textContent()).toMatch(
      /The right (thing|way|time)/,
    );
    await plan.getByRole('region', { name: 'Measured effect' }).waitFor();

    // A 1:1 with a private note and one commitment owned by Casey.
    await plan.getByRole('button', { name: 'Hold a session' }).click();
    const form = plan.getByRole('form', { name: 'Hold a session' });
    await form.getByRole('textbox', { name: /^Notes/ }).fill(PRIVATE_NOTE);
    await form.getByRole('switch', { name: /^Notes private to leaders/ }).check();
    await form.getByRole('button', { name: 'Add a commitment' }).click();
    await form.getByRole('textbox', { name: 'Commitment 1', exact: true }).fill(COMMITMENT);
    await form.getByRole('button', { name: 'Save session' }).click();
    await plan.getByText('Session of today saved with 1 commitment.').waitFor();
    const session = plan.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first();
    await session.getByTestId('private-note-badge').waitFor();
    expect(await session.getByTestId('session-notes').textContent()).toBe(PRIVATE_NOTE);
    expect((await session.textContent()) ?? '').toContain('Agenda');
    const commitment = plan
      .getByRole('list', { name: 'Commitments' })
      .getByRole('listitem')
      .filter({ hasText: COMMITMENT });
    expect(await commitment.textContent()).toContain('Casey Nguyen');

    // The next ladder step is refused: the plan is a day old with one session.
    const ladder = page.getByRole('region', { name: 'Consequence ladder' });
    expect(await ladder.getByTestId('ladder-current').textContent()).toContain('Coach and develop');
    expect(await ladder.getByTestId('ladder-requirements').locator('[data-met="false"]').count()).toBeGreaterThan(0);
    await ladder
      .getByRole('textbox', { name: /^Reason/ })
      .fill('Late with every report for a quarter despite reminders');
    await ladder.getByRole('button', { name: 'Take the next step: Role outside sales' }).click();
    const refusal = ladder.getByTestId('ladder-refusal');
    await refusal.waitFor();
    const refused = (await refusal.textContent()) ?? '';
    expect(refused).toMatch(/needs first/);
    expect(refused).toMatch(/coaching plan running at least \d+ days/);
    expect(refused).toMatch(/sessions held/);
    expect(await ladder.getByTestId('ladder-current').textContent()).toContain('Coach and develop');
    // The HR export is a real PDF.
    const pdfHref = (await plan.getByRole('link', { name: 'Export for HR (PDF)' }).getAttribute('href')) ?? '';
    expect(pdfHref).toMatch(/^\/api\/v1\/coaching-plans\/[^/]+\/export\.pdf$/);
    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A full-page picture from the top, so the sticky header sits where it belongs.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot({ of: page, name: 'coaching.png', forDocs: true });
    expect(pageErrors()).toEqual([]);
  });

  it('lets the rep check off her commitment, without the private note or the ladder', async () => {
    expect(caseyPath, 'the first test found Casey').toMatch(/^\/reps\//);
    const page = await openPage({ viewport: PHONE });
    await signInAt(page, `${caseyPath}?tab=coaching`, 'casey.nguyen@demo.test');
    await page.waitForURL(/\?tab=coaching$/);
    const plan = page.getByRole('region', { name: 'Coaching plan' });
    const box = plan.getByRole('checkbox', { name: `Done: ${COMMITMENT}` });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await plan
      .getByRole('list', { name: 'Commitments' })
      .getByRole('listitem')
      .filter({ hasText: COMMITMENT })
      .getByText(/^Done · was due/)
      .waitFor();
    expect(await box.isChecked()).toBe(true);

    expect(await plan.locator('[data-session]').count()).toBe(1);
    expect(await page.getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(await page.getByTestId('private-note-badge').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Consequence ladder' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hold a session' }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'coaching-rep-phone.png' });

    // After a reload the tick is still there: it was saved.
    await page.reload();
    await plan.getByRole('checkbox', { name: `Done: ${COMMITMENT}` }).waitFor();
    expect(await plan.getByRole('checkbox', { name: `Done: ${COMMITMENT}` }).isChecked()).toBe(true);
    expect(pageErrors()).toEqual([]);
  });

  it('shows leaders the coaching overview with the health panel and the trend, also on a phone', async () => {
    const page = await openPage();
    await signInAt(page, '/coaching', 'leader@demo.test');
    await page.waitForURL('**/coaching');
    await page.getByRole('heading', { level: 1, name: 'Coaching' }).waitFor();
    const table = page.getByRole('table', { name: 'Active coaching plans' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Casey Nguyen' });
    expect(await row.textContent()).toMatch(/Review [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    const health = page.getByRole('region', { name: 'Accountability health' });
    await health.locator('[data-figure="escalations"]').waitFor();
    expect(await health.textContent()).toContain('should stay rare');
    expect(await health.locator('[data-figure="plans"] dd').textContent()).toMatch(/^[1-9]\d*$/);
    await page
      .getByRole('region', { name: 'Team trend, last 13 periods' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    const csv = page.getByRole('link', { name: 'Download team matrix (CSV)' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/assessments/export.csv');
    const response = await page.request.get('/api/v1/assessments/export.csv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/text\/csv/);
    await screenshot({ of: page, name: 'coaching-overview.png', forDocs: true });

    await page.setViewportSize(PHONE);
    await page.getByRole('list', { name: 'Active coaching plans' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot({ of: page, name: 'coaching-overview-phone.png' });

    // A rep has no Coaching item in the menu.
    await page.context().clearCookies();
    await signInAt(page, '/team', 'rep@demo.test');
    await page.waitForURL('**/team');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coaching' }).count()).toBe(
      0,
    );
    expect(pageErrors()).toEqual([]);
  });
});
