/**
 * The app's frame in Chromium: sign-in for visitors, then the header, navigation, agency switcher,
 * profile menu, footer and phone menu for a signed-in member, plus the 403, 404 and no-agency pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency, givenMembership, givenUser } from '../server/test/support/given.ts';
import { appVersion } from '../server/src/version.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';
import { givenPassword } from '../server/test/support/given-auth.ts';

const suite = browserSuite();

/** Ada: admin of a police department and read-only member of a jail, so the switcher has a choice. */
async function givenMemberOfTwoAgencies() {
  const db = suite.server.database.db;
  const police = await givenAgency(db, { name: 'Springfield Police Department' });
  const jail = await givenAgency(db, { name: 'Springfield Regional Jail', systems: ['JAILS'] });
  const user = await givenUser(db, { agency: police, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
  await givenMembership(db, user, jail, 'READ_ONLY');
  return { police, jail, user };
}

/** Waits for the page's h1 to read `text` (pages render a moment after the URL changes). */
const expectHeading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('the app frame', () => {
  it('sends a signed-out visitor to the sign-in page, and back where they were going after signing in', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Shelbyville Public Defender' });
    const user = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Grace Hopper' });
    await givenPassword(suite.server.database.db, user, 'correct horse battery');
    const { page } = await suite.open();

    await page.goto(`/agency/${agency.id}/data`);
    await page.waitForURL(/\/sign-in\?next=/);
    await expectHeading(page, 'Sign in to Publisher');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByText('Enter your email address.').isVisible()).toBe(true);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(user.email!);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/password/i);

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/agency/${agency.id}/data`);
    await expectHeading(page, 'Explore Data');
  });

  it('shows the header, navigation, agency switcher, profile menu and footer at desktop width', async () => {
    const { police, jail, user } = await givenMemberOfTwoAgencies();
    const { page, errors } = await suite.open(user);

    await page.goto('/');
    await page.waitForURL(`**/agency/${police.id}`);
    await expectHeading(page, 'Welcome, Ada');
    expect(await page.getByRole('banner').getByText('Springfield Police Department').isVisible()).toBe(true);
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual([
      'Home',
      'Set Up Metrics',
      'Enter Data',
      'Explore Data',
    ]);
    expect(await mainNav(page).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Contact support' }).isVisible()).toBe(true);
    // Partner logos come from web/public/partners/partners.json, each image loaded.
    const partners = page.getByRole('list', { name: 'Partners' }).getByRole('img');
    await partners.first().waitFor();
    expect(await partners.evaluateAll((images) => images.map((img) => (img as HTMLImageElement).alt))).toEqual([
      'The Council of State Governments Justice Center',
      'Bureau of Justice Assistance, U.S. Department of Justice',
    ]);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.footer__partners img')].every((img) => img.naturalWidth > 0),
    );
    // Which release is running, for a support request.
    await page.getByRole('contentinfo').getByText(`Version ${appVersion}`).waitFor();
    await screenshot(page, 'shell-desktop');

    await page.getByRole('button', { name: 'Account menu' }).click();
    const menu = page.getByRole('menu', { name: 'Account menu' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Settings',
      'Uploaded Files',
      'Help Center',
      'Sign out',
    ]);
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
    expect(await focusedText(page)).toBe('Settings');
    await screenshot(page, 'shell-profile-menu');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await focusedText(page)).toBe('Account menu');

    await mainNav(page).getByRole('link', { name: 'Explore Data' }).click();
    await page.waitForURL(`**/agency/${police.id}/data`);
    await expectHeading(page, 'Explore Data');
    // Focus moves to the new page's heading, where a screen reader starts reading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focusedText(page)).toBe('Explore Data');

    await page.getByRole('button', { name: /Switch agency/ }).click();
    await page.getByPlaceholder('Search for agency').fill('jail');
    await screenshot(page, 'shell-agency-switcher');
    await page.getByRole('link', { name: 'Springfield Regional Jail' }).click();
    await page.waitForURL(`**/agency/${jail.id}/data`);
    expect(await page.getByRole('banner').getByText('Read Only').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('moves the navigation behind a menu button on a phone', async () => {
    const { police, user } = await givenMemberOfTwoAgencies();
    const { page, errors } = await suite.open(user, viewports.mobile);

    await page.goto(`/agency/${police.id}`);
    await expectHeading(page, 'Welcome, Ada');
    expect(await mainNav(page).count()).toBe(0);
    await screenshot(page, 'shell-mobile');

    const toggle = page.getByRole('button', { name: 'Main menu' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual([
      'Home',
      'Set Up Metrics',
      'Enter Data',
      'Explore Data',
    ]);
    await screenshot(page, 'shell-mobile-menu');

    await mainNav(page).getByRole('link', { name: 'Enter Data' }).click();
    await page.waitForURL(`**/agency/${police.id}/data-entry`);
    await expectHeading(page, 'Enter Data');
    expect(await mainNav(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('signs out from the profile menu, and the old session no longer opens agency pages', async () => {
    const { police, user } = await givenMemberOfTwoAgencies();
    const { page, errors } = await suite.open(user);

    await page.goto(`/agency/${police.id}/settings`);
    await expectHeading(page, 'Settings');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await expectHeading(page, 'Sign in to Publisher');

    await page.goto(`/agency/${police.id}/settings`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(errors).toEqual([]);
  });

  it('explains an agency the person is not in, an unknown page, and an account with no agency', async () => {
    const db = suite.server.database.db;
    const { user } = await givenMemberOfTwoAgencies();
    const stranger = await givenAgency(db, { name: 'Capital City Prison' });
    const { page } = await suite.open(user);

    await page.goto(`/agency/${stranger.id}/records`);
    await expectHeading(page, 'You do not have access');
    expect(await page.getByText('Capital City Prison').count()).toBe(0);

    await page.goto('/no/such/page');
    await expectHeading(page, 'Page not found');
    await screenshot(page, 'not-found');

    const loner = await givenUser(db, { name: 'Lin Loner' });
    const { page: lonerPage } = await suite.open(loner);
    await lonerPage.goto('/');
    await expectHeading(lonerPage, 'No agency connected');
    expect(await lonerPage.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });
});
