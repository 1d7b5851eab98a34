/**
 * Two-factor sign-in in Chromium: a Justice Counts staff member (who must have it) sets it up at
 * sign-in from the QR code's key, saves the recovery codes, signs in with a code from the app and
 * with a recovery code (wrong codes keep them on the step with a sentence), and reads those
 * events in the Admin Panel. Members turn it on and off in Settings; an agency admin requires it
 * and sees the agency's events. Codes are made here from the key the page shows, as an
 * authenticator app would.
 */
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenUser, type UserRow } from '../server/test/support/given.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, setChecked, viewports } from './support/browser.ts';
import { emailedLink } from './support/mail.ts';
import { givenPassword } from '../server/test/support/given-auth.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const PASSWORD = 'quiet harbor lantern';
const STEP_MS = 30_000;

const expectHeading = (page: Page, text: string) =>
  page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

/** The code the app shows once the server's clock has moved to the next step (each code works once). */
function nextCode(secret: string): string {
  suite.server.clock.advance(STEP_MS);
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: suite.server.clock.now().getTime() });
}

/** Six digits the app does not show now, nor a step either side. */
function wrongCode(secret: string): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  const now = suite.server.clock.now().getTime();
  const near = [-1, 0, 1].map((step) => totp.generate({ timestamp: now + step * STEP_MS }));
  let code = 0;
  while (near.includes(String(code).padStart(6, '0'))) code += 1;
  return String(code).padStart(6, '0');
}

async function enterPassword(page: Page, user: UserRow) {
  await page.goto('/sign-in');
  await expectHeading(page, 'Sign in to Publisher');
  await page.getByLabel('Email').fill(user.email!);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}

/** The key the set-up screen shows, without the spaces that group it. */
async function shownSecret(page: Page): Promise<string> {
  return (await page.getByLabel('Key for your authenticator app').textContent())!.replace(/\s/g, '');
}

const twoFactorCard = (page: Page) => page.getByRole('region', { name: 'Two-factor sign-in', exact: true });

/** The field error under the code box, once the server has answered. */
const codeError = (page: Page) => page.locator('.field__error');

describe('two-factor sign-in', () => {
  it('leads a staff member through setting it up, then signs in with a code and with a recovery code', async () => {
    const staff = await givenUser(suite.server.database.db, { isPlatformAdmin: true, name: 'Jo Staff' });
    await givenPassword(suite.server.database.db, staff, PASSWORD);
    const { page, errors } = await suite.open();

    // Staff must use it: after the password comes the set-up, not the app.
    await enterPassword(page, staff);
    await expectHeading(page, 'Set up two-factor sign-in');
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = await shownSecret(page);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'two-factor-enrol');
    await expectNoSeriousA11yViolations(page, 'two-factor set-up');
    await page.setViewportSize(viewports.mobile);
    await screenshot(page, 'two-factor-enrol-mobile');
    await page.setViewportSize(viewports.desktop);

    // A blank box is caught here; a wrong code by the server. Either way the person stays on the step.
    await page.getByRole('button', { name: 'Turn on and sign in' }).click();
    await page.getByText('Enter the six-digit code your app shows.').waitFor();
    await page.getByLabel('Code from your app').fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Turn on and sign in' }).click();
    await codeError(page).getByText('does not match').waitFor();
    await expectHeading(page, 'Set up two-factor sign-in');

    await page.getByLabel('Code from your app').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Turn on and sign in' }).click();
    await expectHeading(page, 'Save your recovery codes');
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await screenshot(page, 'two-factor-recovery-codes');
    await page.setViewportSize(viewports.mobile);
    await screenshot(page, 'two-factor-recovery-codes-mobile');
    await page.setViewportSize(viewports.desktop);
    await page.getByRole('button', { name: 'I have saved my codes: continue' }).click();
    await expectHeading(page, 'Admin Panel');
    await signOut(page);

    // Next time: the code from the app, after one wrong try.
    await enterPassword(page, staff);
    await expectHeading(page, 'Enter your code');
    await screenshot(page, 'two-factor-code');
    await page.getByLabel('Code from your app').fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await codeError(page).getByText('That code is not right.').waitFor();
    await expectHeading(page, 'Enter your code');
    await page.setViewportSize(viewports.mobile);
    await screenshot(page, 'two-factor-code-mobile');
    await page.setViewportSize(viewports.desktop);
    await page.getByLabel('Code from your app').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, 'Admin Panel');
    await signOut(page);

    // Without the phone: a recovery code, which works once.
    await enterPassword(page, staff);
    await expectHeading(page, 'Enter your code');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!.toLowerCase());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, 'Admin Panel');
    await signOut(page);

    await enterPassword(page, staff);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await codeError(page).getByText('That code is not right.').waitFor();
    await expectHeading(page, 'Enter your code');
    await page.getByRole('button', { name: 'Use the code from your app instead' }).click();
    await page.getByLabel('Code from your app').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, 'Admin Panel');

    await seesTheirSecurityEvents(page, staff);
    // The refused codes' 400 and 401 answers are logged by the browser; nothing else may be.
    expect(errors.filter((error) => !error.includes('the server responded with a status of 4'))).toEqual([]);
  });
});

/** Staff read the trail of the sign-ins above in the Admin Panel, filter it, and download it. */
async function seesTheirSecurityEvents(page: Page, staff: UserRow) {
  await page.getByRole('tab', { name: 'Security Events' }).click();
  const events = page.getByRole('region', { name: 'Security events' });
  const rows = events.getByRole('row');
  await rows.filter({ hasText: 'Two-factor turned on' }).first().waitFor();
  for (const text of [
    'Signed in',
    'With a password and a code from the app',
    'With a password and a recovery code',
    'Sign-in refused: wrong two-factor code',
    'Recovery code used',
    'Signed out',
  ]) {
    expect(await rows.filter({ hasText: text }).count(), text).toBeGreaterThan(0);
  }
  await screenshot(page, 'security-events-admin');
  await expectNoSeriousA11yViolations(page, 'security events');
  await page.setViewportSize(viewports.mobile);
  await screenshot(page, 'security-events-admin-mobile');
  await expectNoSeriousA11yViolations(page, 'security events on a phone');
  await page.setViewportSize(viewports.desktop);

  await events.getByLabel('Email contains').fill(staff.email!);
  await events.getByLabel('Event', { exact: true }).selectOption({ label: 'Recovery code used' });
  await events.getByRole('button', { name: 'Show events' }).click();
  await events.getByText('1–1 of 1').waitFor();
  expect(await rows.filter({ hasText: 'Recovery code used' }).count()).toBe(1);

  const csvPath = await events.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await page.request.get(csvPath!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('two_factor_recovery_code_used');

  // A first day after the last is caught before asking.
  await events.getByLabel('From').fill('2026-03-02');
  await events.getByLabel('To').fill('2026-03-01');
  await events.getByRole('button', { name: 'Show events' }).click();
  await events.getByText('The first day must not be after the last day.').waitFor();
}

describe('two-factor sign-in in Settings', () => {
  it('lets a member turn it on, make new recovery codes and turn it off, each with a current code', async () => {
    const { page, errors, agency, user } = await suite.openAsMember({
      agency: { name: 'Lakeside Police Department' },
      role: 'CONTRIBUTOR',
      name: 'Lee Member',
    });
    await givenPassword(suite.server.database.db, user, PASSWORD);
    await page.goto(`/agency/${agency.id}/settings`);
    await expectHeading(page, 'Settings');
    const card = twoFactorCard(page);
    await card.getByText('Off', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn on two-factor sign-in' });
    await dialog.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = await shownSecret(page);
    await dialog.getByLabel('Code from your app').fill(nextCode(secret));
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    const saved = page.getByRole('dialog', { name: 'Save your recovery codes' });
    await saved.getByRole('list', { name: 'Recovery codes' }).waitFor();
    await saved.getByRole('button', { name: 'Done' }).click();
    await card.getByText('On', { exact: true }).waitFor();
    await card.getByText('10 left').waitFor();
    await screenshot(page, 'settings-two-factor');

    // New recovery codes need a current code; a wrong one is refused where it was typed.
    await card.getByRole('button', { name: 'Make new recovery codes' }).click();
    const renew = page.getByRole('dialog', { name: 'Make new recovery codes' });
    await renew.getByLabel('Code from your app').fill(wrongCode(secret));
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    await renew.getByText('That code is not right.').waitFor();
    await renew.getByLabel('Code from your app').fill(nextCode(secret));
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    const renewed = page.getByRole('dialog', { name: 'Save your new recovery codes' });
    await renewed.getByRole('list', { name: 'Recovery codes' }).waitFor();
    expect(await renewed.getByRole('listitem').count()).toBe(10);
    await renewed.getByRole('button', { name: 'Done' }).click();

    await card.getByRole('button', { name: 'Turn off' }).click();
    const turnOff = page.getByRole('dialog', { name: 'Turn off two-factor sign-in' });
    await turnOff.getByLabel('Code from your app').fill(nextCode(secret));
    await turnOff.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('Two-factor sign-in is off.').waitFor();
    await card.getByText('Off', { exact: true }).waitFor();
    // The trail is for the agency's admins; a contributor has no Security Events tab.
    expect(await page.getByRole('tab', { name: 'Security Events' }).count()).toBe(0);
    expect(errors.filter((error) => !error.includes('the server responded with a status of 4'))).toEqual([]);
  });

  it('lets an agency admin require it, and a member who resets their password then sets it up', async () => {
    const {
      page: adminPage,
      errors: adminErrors,
      agency,
      user: admin,
    } = await suite.openAsMember({ agency: { name: 'Riverbend County Jail', systems: ['JAILS'] }, name: 'Ada Admin' });
    const member = await givenUser(suite.server.database.db, { agency, role: 'CONTRIBUTOR', name: 'Pat Member' });
    await givenPassword(suite.server.database.db, admin, PASSWORD);

    await adminPage.goto(`/agency/${agency.id}/settings`);
    await expectHeading(adminPage, 'Settings');
    const requirement = adminPage.getByLabel('Require two-factor sign-in for every member of Riverbend County Jail');
    expect(await requirement.isChecked()).toBe(false);
    await setChecked(requirement, true);
    await adminPage.getByText('Two-factor sign-in is now required.').waitFor();
    await twoFactorCard(adminPage).getByText('An agency you belong to requires two-factor sign-in').waitFor();
    await screenshot(adminPage, 'settings-two-factor-required');
    await adminPage.getByRole('tab', { name: 'Security Events' }).click();
    await adminPage.getByRole('row').filter({ hasText: 'Two-factor required for members' }).waitFor();
    await screenshot(adminPage, 'security-events-agency');

    // The member forgot their password; after the reset link comes the set-up the agency requires.
    const { page, errors } = await suite.open();
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(member.email!);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('a link is on its way').waitFor();
    await page.goto(emailedLink(suite.server, member.email!, 'reset-password'));
    await page.getByLabel('New password').fill('harbor light keeper');
    await page.getByLabel('Type the password again').fill('harbor light keeper');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await expectHeading(page, 'Set up two-factor sign-in');
    await page.getByLabel('Code from your app').fill(nextCode(await shownSecret(page)));
    await page.getByRole('button', { name: 'Turn on and sign in' }).click();
    await expectHeading(page, 'Save your recovery codes');
    await page.getByRole('button', { name: 'I have saved my codes: continue' }).click();
    await expectHeading(page, 'Welcome, Pat');
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
