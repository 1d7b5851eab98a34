/**
 * Small things in Chromium: the record page's Home button, the profile menu's Agency Dashboard
 * (only when the agency's public dashboard is on) and Help Center entries, and the JC badge that marks
 * Justice Counts staff among a record's editors; the cursor starts in a form's first field.
 */
import { describe, expect, it } from 'vitest';
import { givenUser } from '../server/test/support/given.ts';
import { givenReport } from '../server/test/support/given-reports.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('shortcuts', () => {
  it('goes Home from a record, and opens the public dashboard and the Help Center from the profile menu', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: {
        name: 'Brockway Police',
        systems: ['LAW_ENFORCEMENT'],
        isDashboardEnabled: true,
      },
      name: 'Ada Admin',
    });
    const record = await givenReport(db, agency, { year: 2024, month: 3, status: 'DRAFT' });

    await page.goto(`/agency/${agency.id}/records/${record.id}`);
    await page.getByRole('heading', { level: 1, name: 'March 2024' }).waitFor();
    await screenshot(page, 'record-top-bar-home');
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.waitForURL(`**/agency/${agency.id}`);
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();

    await page.getByRole('button', { name: 'Account menu' }).click();
    const menu = page.getByRole('menu', { name: 'Account menu' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Settings',
      'Uploaded Files',
      'Agency Dashboard',
      'Help Center',
      'Sign out',
    ]);
    // Help opens the app's own Help Center (it used to open the Justice Counts website).
    expect(await menu.getByRole('menuitem', { name: 'Help Center' }).getAttribute('href')).toBe('/help');
    await screenshot(page, 'profile-menu-dashboard-help');
    await menu.getByRole('menuitem', { name: 'Agency Dashboard' }).click();
    await page.waitForURL(`**/dashboards/${agency.id}`);
    await page.getByRole('heading', { level: 1, name: 'Brockway Police' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('marks Justice Counts staff among a record’s editors with a JC badge', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency, user } = await suite.openAsMember({
      agency: { name: 'Brockway Sheriff', systems: ['LAW_ENFORCEMENT'] },
      name: 'Ada Admin',
    });
    const staff = await givenUser(db, { agency, role: 'JUSTICE_COUNTS_ADMIN', name: 'Sam Staff' });
    const record = await givenReport(db, agency, {
      year: 2024,
      month: 4,
      status: 'DRAFT',
      modifiedBy: [user.id, staff.id],
      lastModifiedAt: new Date(),
    });

    await page.goto(`/agency/${agency.id}/records`);
    const row = page.getByRole('row', { name: /April 2024/ });
    await row.getByText('JC Admin').waitFor();
    expect(await row.getByText('(Justice Counts staff)').count()).toBe(1);
    await screenshot(page, 'records-jc-badge');

    await page.goto(`/agency/${agency.id}/records/${record.id}`);
    const summary = page.getByRole('complementary', { name: 'Record summary' });
    await summary.getByText('JC Admin').first().waitFor();
    expect(await summary.getByText('JC', { exact: true }).count()).toBe(1);
    expect(await summary.getByText('Ada Admin').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('puts the cursor in the first field of the sign-in and forgotten-password forms', async () => {
    const { page, errors } = await suite.open();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Publisher' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email');
    await page.goto('/forgot-password');
    await page.getByLabel('Email').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email');
    expect(errors).toEqual([]);
  });
});
