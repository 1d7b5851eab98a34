import { eq } from 'drizzle-orm';
/**
 * The Admin Panel, end to end in Chromium: Justice Counts staff create an agency, create a user
 * with access to it (the user is emailed an invitation), give them a role on the agency's team,
 * add a vendor and make it the reporting agency of a metric, add an "Other" sub-category, open
 * the agency in the Publisher without being a member, and delete a user after confirming.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, source, userAccount } from '../server/src/db/schema.ts';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import { screenshot, setChecked } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const dialog = (page: Page) => page.getByRole('dialog');

async function createAgency(page: Page) {
  await page.getByRole('tab', { name: 'Agency Provisioning' }).click();
  await page.getByRole('button', { name: 'Create Agency' }).click();
  const form = dialog(page);
  await form.getByRole('heading', { name: 'Create New Agency' }).waitFor();
  expect(await form.getByRole('button', { name: 'Create agency' }).isDisabled()).toBe(true);
  await form.getByLabel('Name', { exact: true }).fill('  Coastal   County Jail ');
  await form.getByLabel('State').selectOption('us_or');
  // The county list is the chosen state's; it is enabled once loaded.
  await form.getByLabel('County').selectOption({ label: 'Coos, Oregon' });
  await setChecked(form.getByLabel('Jails'), true);
  await setChecked(form.getByLabel('Parole'), true);
  expect(await form.getByLabel('Supervision', { exact: true }).isChecked()).toBe(true);
  await form.getByLabel('Agency URL').fill('not a web address');
  await form.getByText('Enter a web address such as https://www.example.gov.').waitFor();
  await form.getByLabel('Agency URL').fill('https://www.coastal.example.gov');
  await form.getByLabel('Agency description').fill('Runs the county jail.');
  await setChecked(form.getByLabel('Dashboard enabled'), true);
  await screenshot(page, 'admin-agency-create');
  await form.getByRole('button', { name: 'Create agency' }).click();
  await page.getByText(/Coastal County Jail has been created/).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Coastal County Jail' });
  await row.getByText('Live dashboard').waitFor();
  expect(await row.getByText('Oregon').isVisible()).toBe(true);
  const [stored] = await suite.server.database.db.select().from(source).where(eq(source.name, 'Coastal County Jail'));
  expect(stored?.fipsCountyCode).toBe('us_or_coos');
  await screenshot(page, 'admin-agencies');
}

async function createUser(page: Page, email: string) {
  await page.getByRole('tab', { name: 'User Provisioning' }).click();
  await page.getByRole('button', { name: 'Create User' }).click();
  const form = dialog(page);
  await form.getByRole('heading', { name: 'Create New User' }).waitFor();
  await form.getByLabel('Name').fill('Rosa Ramirez');
  await form.getByLabel('Email').fill('rosa@');
  await form.getByText('Please enter a valid email address.').waitFor();
  await form.getByLabel('Email').fill(email);
  await form.getByPlaceholder('Search by name or ID').fill('coastal');
  await setChecked(form.getByLabel(/Coastal County Jail/), true);
  await form.getByText('(1 chosen)').waitFor();
  await screenshot(page, 'admin-user-create');
  await form.getByRole('button', { name: 'Create user' }).click();
  await page.getByText(/User has been created and emailed an invitation/).waitFor();
  await page.getByRole('row').filter({ hasText: email }).waitFor();
}

async function setTeamRole(page: Page) {
  await page.getByRole('tab', { name: 'Agency Provisioning' }).click();
  await page.getByPlaceholder('Search by name, state or agency ID').fill('coastal');
  await page.getByRole('button', { name: 'Edit Coastal County Jail' }).click();
  const form = dialog(page);
  await form.getByRole('tab', { name: /Team Members & Roles \(1\)/ }).click();
  expect(await form.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
  await form.getByLabel('Role of Rosa Ramirez').selectOption('CONTRIBUTOR');
  await screenshot(page, 'admin-agency-team');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Coastal County Jail: changes saved.').waitFor();
}

async function vendorsAndReporting(page: Page) {
  await page.getByRole('button', { name: 'Manage Vendors' }).click();
  const vendors = dialog(page);
  await vendors.getByLabel('Vendor name').fill('County Data Services');
  await vendors.getByLabel('Vendor URL').fill('www.countydata.example.com');
  await vendors.getByRole('button', { name: 'Add' }).click();
  await vendors.getByText('www.countydata.example.com').waitFor();
  await screenshot(page, 'admin-vendors');
  await vendors.getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.getByRole('button', { name: 'Edit Coastal County Jail' }).click();
  const form = dialog(page);
  await form.getByRole('tab', { name: 'Metrics Reporting Agency' }).click();
  await form.getByLabel('Funding').first().selectOption({ label: 'County Data Services (vendor)' });
  await form.getByRole('button', { name: 'Save reporting agencies' }).click();
  await page.getByText('Reporting agencies saved for 1 metric.').waitFor();
  await screenshot(page, 'admin-agency-reporting');

  await form.getByRole('tab', { name: 'Breakdown Settings' }).click();
  const other = form.locator('fieldset', { hasText: 'Funding: ' }).first();
  await other.getByRole('button', { name: '+ Add sub-category' }).click();
  await other.getByRole('textbox').last().fill('Commissary profits');
  await form.getByRole('button', { name: 'Save breakdown settings' }).click();
  await page.getByText('Breakdown settings saved.').waitFor();
  await screenshot(page, 'admin-agency-breakdowns');
  await form.getByRole('button', { name: 'Close', exact: true }).first().click();
}

describe('the admin panel', () => {
  it('creates an agency and a user, grants access and a role, opens the agency, and deletes a user', async () => {
    const db = suite.server.database.db;
    await givenAgency(db, { name: 'Harbor Superagency', isSuperagency: true, systems: ['SUPERAGENCY', 'PRISONS'] });
    const staff = await givenUser(db, { isPlatformAdmin: true, name: 'Sam Staff' });
    const leaving = await givenUser(db, { name: 'Lee Leaving' });
    const email = 'rosa.ramirez@coastal.example.gov';

    const { page, errors } = await suite.open(staff);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Admin Panel' }).waitFor();
    await screenshot(page, 'admin-users');

    await createAgency(page);
    await createUser(page, email);
    expect(suite.server.mailer.sent.some((message) => message.to === email)).toBe(true);
    await setTeamRole(page);
    await vendorsAndReporting(page);

    // Staff open an agency they are not a member of.
    await page.getByRole('link', { name: 'Open Coastal County Jail in Publisher' }).click();
    await page.waitForURL(/\/agency\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Sam' }).waitFor();
    expect(await page.getByText('Coastal County Jail').count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-open-agency');

    // Deleting asks first.
    await page.goto('/admin-panel');
    await page.getByPlaceholder('Search by name, email or user ID').fill('leaving');
    await page.getByRole('button', { name: 'Delete Lee Leaving' }).click();
    await dialog(page).getByText('This action cannot be undone.').waitFor();
    await screenshot(page, 'admin-user-delete');
    await dialog(page).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Lee Leaving has been deleted.').waitFor();
    await page.getByText('No users found.').waitFor();
    expect(leaving.id).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('creates an agency from the user dialog, with staff added and a user created from its team', async () => {
    const db = suite.server.database.db;
    const staff = await givenUser(db, { isPlatformAdmin: true, name: 'Sam Staff' });
    await givenUser(db, { name: 'Ana Analyst', email: 'ana.analyst@csg.org' });
    const { page, errors } = await suite.open(staff);
    await page.goto('/admin-panel');
    await page.getByRole('button', { name: 'Create User' }).click();
    const userForm = page.getByRole('dialog', { name: 'Create New User' });
    await userForm.getByLabel('Name').fill('Cal Chief');
    await userForm.getByLabel('Email').fill('cal.chief@lakeside.example.gov');

    await userForm.getByRole('button', { name: 'Create New Agency' }).click();
    const agencyForm = page.getByRole('dialog', { name: 'Create New Agency' });
    await agencyForm.getByLabel('Name', { exact: true }).fill('Lakeside County Jail');
    await agencyForm.getByLabel('State').selectOption('us_mn');
    await setChecked(agencyForm.getByLabel('Jails'), true);
    // Justice Counts staff start on every new agency's team (Justice Counts admins outside production).
    await agencyForm.getByRole('tab', { name: /Team Members & Roles \(1\)/ }).click();
    expect(await agencyForm.getByLabel('Role of Ana Analyst').inputValue()).toBe('JUSTICE_COUNTS_ADMIN');
    await agencyForm.getByRole('button', { name: 'Create User' }).click();
    const memberForm = page.getByRole('dialog', { name: 'Create New User' }).last();
    await memberForm.getByLabel('Name').fill('Tia Team');
    await memberForm.getByLabel('Email').fill('tia.team@lakeside.example.gov');
    await memberForm.getByRole('button', { name: 'Create user' }).click();
    await agencyForm.getByLabel('Role of Tia Team').waitFor();
    expect(await agencyForm.getByLabel('Role of Tia Team').inputValue()).toBe('AGENCY_ADMIN');
    await screenshot(page, 'admin-agency-inline-team');
    await agencyForm.getByRole('button', { name: 'Create agency' }).click();
    await page.getByText(/Lakeside County Jail has been created/).waitFor();

    // Back in the user dialog, the new agency is chosen.
    await userForm.getByText('(1 chosen)').waitFor();
    expect(await userForm.getByLabel(/Lakeside County Jail/).isChecked()).toBe(true);
    await screenshot(page, 'admin-user-inline-agency');
    await userForm.getByRole('button', { name: 'Create user' }).click();
    await page.getByText(/User has been created and emailed an invitation/).waitFor();

    const members = await db
      .select({ email: userAccount.email, role: agencyUserAccountAssociation.role })
      .from(agencyUserAccountAssociation)
      .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
      .innerJoin(source, eq(source.id, agencyUserAccountAssociation.agencyId))
      .where(eq(source.name, 'Lakeside County Jail'))
      .orderBy(userAccount.email);
    expect(members).toEqual([
      { email: 'ana.analyst@csg.org', role: 'JUSTICE_COUNTS_ADMIN' },
      { email: 'cal.chief@lakeside.example.gov', role: expect.anything() },
      { email: 'tia.team@lakeside.example.gov', role: 'AGENCY_ADMIN' },
    ]);

    // A staff email chooses every agency.
    await page.getByRole('button', { name: 'Create User' }).click();
    const staffForm = page.getByRole('dialog', { name: 'Create New User' });
    await staffForm.getByLabel('Email').fill('new.staff@recidiviz.org');
    const agencyCount = (await db.select({ id: source.id }).from(source).where(eq(source.type, 'agency'))).length;
    await staffForm.getByText(`(${agencyCount} chosen)`).waitFor();
    expect(errors).toEqual([]);
  });
});
