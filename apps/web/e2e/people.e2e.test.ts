import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot, signInAt, useBrowserSuite } from './harness';

describeInChromium('users, teams and invitations, in Chromium', () => {
  const { openPage, pageErrors, mails } = useBrowserSuite({ catchMail: true });

  async function pick(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  function userRow(page: Page, email: string) {
    return page.getByRole('table', { name: 'Users' }).locator(`tr[data-user="${email}"]`);
  }

  it('lets the admin invite by e-mail; the invitee accepts from the mail and is signed in', async () => {
    const page = await openPage();
    await signInAt(page, '/sign-in', 'admin@demo.test');
    await page.waitForURL('**/team');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Users and teams' }).waitFor();
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL('**/settings/users');
    await userRow(page, 'rep@demo.test').waitFor();

    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('E-mail', { exact: true }).fill('nora.new@demo.test');
    await dialog.getByLabel('Name', { exact: true }).fill('Nora New');
    await pick(page, 'Team', 'NA Mid-Market');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('table', { name: 'Open invitations' }).getByText('nora.new@demo.test').waitFor();

    await expect.poll(() => mails().length, { timeout: 15_000 }).toBe(1);
    const mail = mails()[0];
    expect(mail?.to).toBe('nora.new@demo.test');
    expect(mail?.subject).toBe('Avery Quinn invited you to Demo Co on Rightly');
    const link = /(http:\/\/\S+\/accept-invitation\?token=\S+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();
    await screenshot({ of: page, name: 'settings-users.png', forDocs: true });
    expect(pageErrors()).toEqual([]);

    const invitee = await openPage();
    await invitee.goto(link as string);
    await invitee.getByText('Join Demo Co as rep').waitFor();
    await invitee.getByLabel('Choose a password').fill('too short');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByText('must be at least 12 characters').waitFor();
    await invitee.getByLabel('Choose a password').fill('nora picks a long passphrase');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.waitForURL('**/team');
    await invitee.getByRole('button', { name: 'Account menu for Nora New' }).waitFor();
    expect(pageErrors()).toEqual([]);

    // The link worked once.
    await invitee.goto(link as string);
    await invitee.getByText('This invitation cannot be used').waitFor();
  });

  it('lets the admin change a role and deactivate a user, who then cannot sign in', async () => {
    const page = await openPage();
    await signInAt(page, '/sign-in', 'admin@demo.test');
    await page.waitForURL('**/team');
    await page.goto('/settings/users');
    const row = userRow(page, 'nora.new@demo.test');
    await row.waitFor();
    await pick(page, 'Role of Nora New', 'Leader');
    await expect
      .poll(() => row.getByRole('combobox', { name: 'Role of Nora New' }).inputValue(), { timeout: 10_000 })
      .toBe('Leader');

    await row.getByRole('button', { name: 'Deactivate Nora New' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Nora New?' });
    await confirm.getByText('signed out everywhere').waitFor();
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await row.getByText('Deactivated').waitFor();
    expect(pageErrors()).toEqual([]);

    const nora = await openPage();
    await signInAt(nora, '/sign-in', 'nora.new@demo.test', 'nora picks a long passphrase');
    await nora.getByText('the account is deactivated').waitFor();
    expect(nora.url()).toContain('/sign-in');
  });

  it('lets the admin create a team under another and shows the tree', async () => {
    const page = await openPage();
    await signInAt(page, '/sign-in', 'admin@demo.test');
    await page.waitForURL('**/team');
    await page.goto('/settings/teams');
    await page.getByRole('treeitem', { name: 'NA Mid-Market' }).waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Name', { exact: true }).fill('APAC');
    await pick(page, 'Parent team', 'Sales');
    await pick(page, 'Leader', 'Lars Eriksen');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    const apac = page.getByRole('treeitem', { name: 'APAC' });
    await apac.getByText('Led by Lars Eriksen').waitFor();
    expect(await apac.getAttribute('aria-level')).toBe('2');

    // Moving a team under its own sub-team is refused, saying why.
    await page.getByRole('button', { name: 'Edit North America' }).click();
    await pick(page, 'Parent team', 'NA Enterprise');
    await page.getByRole('dialog', { name: 'Edit North America' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('NA Enterprise is inside North America').waitFor();
    await page.keyboard.press('Escape');
    await screenshot({ of: page, name: 'settings-teams.png', forDocs: true });
    expect(pageErrors()).toEqual([]);
  });

  it('shows a leader and a rep no admin sections', async () => {
    for (const email of ['leader@demo.test', 'rep@demo.test']) {
      const page = await openPage();
      await signInAt(page, '/sign-in', email);
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.goto('/settings');
      await page.getByRole('heading', { name: 'Your profile' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Users and teams' }).count(), email).toBe(0);
      await page.goto('/settings/users');
      await page.getByText('For admins only').waitFor();
      expect(await page.getByRole('table', { name: 'Users' }).count(), email).toBe(0);
      await page.goto('/settings/teams');
      await page.getByText('For admins only').waitFor();
      expect(pageErrors(), email).toEqual([]);
    }
  });
});
