/**
 * Team invitation, end to end in Chromium: an agency admin invites someone from Settings, the
 * invitation email (read from the test mailer) leads the invitee to set a name and password,
 * they land signed in, see only their own agency, sign out and sign in again with the password.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import { screenshot } from './support/browser.ts';
import { emailedLink as emailedLinkOf } from './support/mail.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const expectHeading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

const emailedLink = (to: string, page = 'accept-invite') => emailedLinkOf(suite.server, to, page);

describe('inviting a team member', () => {
  it('invites, accepts, signs in, and shows the invitee only their own agency', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Harbor County Sheriff' });
    const other = await givenAgency(db, { name: 'Inland Valley Jail', systems: ['JAILS'] });
    await givenUser(db, { agency: other, role: 'AGENCY_ADMIN' });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    const inviteeEmail = `rosa.ramirez.${agency.id}@harbor.example.gov`;

    // The admin invites Rosa from Settings › Team Members.
    const { page: adminPage, errors: adminErrors } = await suite.open(admin);
    await adminPage.goto(`/agency/${agency.id}/settings`);
    await expectHeading(adminPage, 'Settings');
    expect(await adminPage.getByRole('button', { name: 'Edit name' }).isVisible()).toBe(true);
    await screenshot(adminPage, 'settings-account');
    await adminPage.getByRole('tab', { name: 'Team Members' }).click();
    await adminPage.getByLabel('Name').fill('Rosa Ramirez');
    await adminPage.getByLabel('Email').fill('not-an-email');
    await adminPage.getByText('Please enter a valid email.').waitFor();
    expect(await adminPage.getByRole('button', { name: 'Invite' }).isDisabled()).toBe(true);
    await adminPage.getByLabel('Email').fill(inviteeEmail);
    await adminPage.getByRole('button', { name: 'Invite' }).click();
    await adminPage.getByText('User has been invited.').waitFor();
    const rosaRow = adminPage.getByRole('row').filter({ hasText: 'Rosa Ramirez' });
    await rosaRow.getByText('Invited').waitFor();
    await screenshot(adminPage, 'settings-team-invited');

    // Rosa opens the link from her email, chooses a password and lands in her agency.
    const { page, errors } = await suite.open();
    await page.goto(emailedLink(inviteeEmail));
    await expectHeading(page, 'Join Harbor County Sheriff');
    expect(await page.getByLabel('Email').inputValue()).toBe(inviteeEmail);
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Type the password again').fill('short');
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();
    await screenshot(page, 'accept-invite');
    await page.getByLabel('New password').fill('tide pool lantern');
    await page.getByLabel('Type the password again').fill('tide pool lantern');
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.waitForURL(`**/agency/${agency.id}`);
    await expectHeading(page, 'Welcome, Rosa');
    expect(await page.getByRole('banner').getByText('Harbor County Sheriff').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Switch agency/ }).count()).toBe(0);

    // Only her own agency: the other one is a 403 page and never named.
    await page.goto(`/agency/${other.id}`);
    await expectHeading(page, 'You do not have access');
    expect(await page.getByText('Inland Valley Jail').count()).toBe(0);

    // Signing out and in again with the new password.
    await page.goto(`/agency/${agency.id}`);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(inviteeEmail);
    await page.getByLabel('Password').fill('tide pool lantern');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/agency/${agency.id}`);
    await expectHeading(page, 'Welcome, Rosa');
    await screenshot(page, 'invitee-home');

    // The link worked once.
    const { page: again } = await suite.open();
    await again.goto(emailedLink(inviteeEmail));
    await again.getByText('This invitation link does not work').waitFor();
    expect(await again.getByText(/already been used/).isVisible()).toBe(true);

    // Back on the admin's page Rosa is a Contributor (the form's default), and the admin makes her Read only.
    await adminPage.reload();
    await rosaRow.getByText('Contributor', { exact: true }).waitFor();
    await rosaRow.getByRole('button', { name: 'Change Rosa Ramirez' }).click();
    await adminPage.getByRole('menuitem', { name: 'Read only' }).click();
    await adminPage.getByText('User’s status has been changed.').waitFor();
    await rosaRow.getByText('Read only', { exact: true }).waitFor();
    await screenshot(adminPage, 'settings-team-member');
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });

  it('resets a forgotten password from the emailed link', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Coastal Probation' });
    const user = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Pat Probation' });
    const { page, errors } = await suite.open();

    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectHeading(page, 'Reset your password');
    await page.getByLabel('Email').fill(user.email!);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('a link is on its way').waitFor();

    await page.goto(emailedLink(user.email!, 'reset-password'));
    await expectHeading(page, 'Choose a new password');
    await page.getByLabel('New password').fill('harbor light keeper');
    await page.getByLabel('Type the password again').fill('harbor light keeper');
    await screenshot(page, 'reset-password');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.waitForURL(`**/agency/${agency.id}`);
    await expectHeading(page, 'Welcome, Pat');
    expect(errors).toEqual([]);
  });
});
