/**
 * Team invitation, end to end in Chromium: an agency admin invites someone from Settings, the
 * invitation email (read from the test mailer) leads the invitee to set a name and password,
 * they land signed in, see only their own agency, sign out and sign in again with the password.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import { launchBrowser, openPage, screenshot, type OpenedPage } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { signInBrowser } from './support/session.ts';

let server: TestServer;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(opened.map((o) => o.context.close()));
  await browser?.close();
  await server?.close();
});

async function open() {
  const result = await openPage(browser, server.url);
  opened.push(result);
  return result;
}

const expectHeading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

/** The last link to `page` emailed to `to`, read from the test mailer. */
function emailedLink(to: string, page = 'accept-invite'): string {
  const message = [...server.mailer.sent].reverse().find((m) => m.to === to);
  const link = message?.text.match(new RegExp(`https?://\\S+/${page}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no /${page} link was emailed to ${to}`);
  return link;
}

describe('inviting a team member', () => {
  it('invites, accepts, signs in, and shows the invitee only their own agency', async () => {
    const db = server.database.db;
    const agency = await givenAgency(db, { name: 'Harbor County Sheriff' });
    const other = await givenAgency(db, { name: 'Inland Valley Jail', systems: ['JAILS'] });
    await givenUser(db, { agency: other, role: 'AGENCY_ADMIN' });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    const inviteeEmail = `rosa.ramirez.${agency.id}@harbor.example.gov`;

    // The admin invites Rosa from Settings › Team Members.
    const { page: adminPage, context: adminContext, errors: adminErrors } = await open();
    await signInBrowser(adminContext, server, admin);
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
    const { page, errors } = await open();
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
    const { page: again } = await open();
    await again.goto(emailedLink(inviteeEmail));
    await again.getByText('This invitation link does not work').waitFor();
    expect(await again.getByText(/already been used/).isVisible()).toBe(true);

    // Back on the admin's page Rosa is now an Admin member, and the admin makes her a Contributor.
    await adminPage.reload();
    await rosaRow.getByText('Admin', { exact: true }).waitFor();
    await rosaRow.getByRole('button', { name: 'Change Rosa Ramirez' }).click();
    await adminPage.getByRole('menuitem', { name: 'Contributor' }).click();
    await adminPage.getByText('User’s status has been changed.').waitFor();
    await rosaRow.getByText('Contributor', { exact: true }).waitFor();
    await screenshot(adminPage, 'settings-team-member');
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });

  it('resets a forgotten password from the emailed link', async () => {
    const db = server.database.db;
    const agency = await givenAgency(db, { name: 'Coastal Probation' });
    const user = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Pat Probation' });
    const { page, errors } = await open();

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
