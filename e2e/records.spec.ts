/**
 * Records in Chromium: an agency admin creates a monthly record, types a total and a breakdown
 * value, sees each autosave confirmed, reviews and publishes, and finds the record published in
 * the list; the values and history are in the database.
 */
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { datapoint, report } from '../server/src/db/schema.ts';
import { givenAgency, givenUser, signIn } from '../server/test/support/given.ts';
import { currentVersion, givenReport } from '../server/test/support/given-reports.ts';
import { screenshot, setChecked, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ });
/** Waits until the element has the keyboard focus (forms put it in their first field on opening). */
const focused = (target: Locator) =>
  expect.poll(() => target.evaluate((element) => element === document.activeElement)).toBe(true);

async function storedValues(reportId: number) {
  const rows = await suite.server.database.db.select().from(datapoint).where(eq(datapoint.reportId, reportId));
  return Object.fromEntries(
    rows.map((r) => [`${r.metricDefinitionKey} ${JSON.stringify(r.dimensionIdentifierToMember)}`, r.value]),
  );
}

describe('records', () => {
  it('creates a monthly record, autosaves a total and a breakdown, reviews, publishes and lists it', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency, user } = await suite.openAsMember({
      agency: { name: 'Springfield Police Department' },
      name: 'Ada Admin',
    });

    await page.goto(`/agency/${agency.id}/records`);
    await heading(page, 'Records');
    await page.getByRole('link', { name: 'New Record' }).first().click();
    await heading(page, 'New Record');
    await focused(page.getByRole('radio', { name: 'Monthly' }));
    await page.getByRole('combobox', { name: 'Month' }).selectOption({ label: 'March' });
    await page.getByRole('combobox', { name: 'Year' }).selectOption('2024');
    await page.getByText('March 1, 2024 – March 31, 2024').waitFor();
    await screenshot(page, 'records-create');
    await page.getByRole('button', { name: 'Create' }).click();

    await heading(page, 'March 2024');
    const reportId = Number(/records\/(\d+)/.exec(page.url())?.[1]);
    const arrests = page.getByRole('region', { name: 'Arrests' });
    // The cursor starts in the total of the record's first metric.
    await focused(page.locator('[data-field="LAW_ENFORCEMENT_CALLS_FOR_SERVICE"]'));
    await arrests.getByRole('textbox', { name: 'Arrests', exact: true }).fill('1200');
    expect(await arrests.getByRole('textbox', { name: 'Arrests', exact: true }).inputValue()).toBe('1,200');
    await saved(page).waitFor();
    expect(await storedValues(reportId)).toEqual({ 'LAW_ENFORCEMENT_ARRESTS null': '1200' });

    await arrests.getByRole('tab', { name: 'Offense Types' }).click();
    await arrests.getByRole('textbox', { name: 'Drug Offenses' }).fill('30');
    await expect
      .poll(() => storedValues(reportId), { timeout: 10_000 })
      .toMatchObject({
        'LAW_ENFORCEMENT_ARRESTS {"metric/offense/type":"DRUG"}': '30',
      });
    await saved(page).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'records-data-entry');

    await page.getByRole('button', { name: 'Review' }).click();
    await heading(page, 'Review & Publish');
    const table = page.getByRole('table', { name: 'Arrests' });
    expect(await table.getByRole('row', { name: /^Total/ }).textContent()).toContain('1,200');
    expect(await table.getByRole('row', { name: /Drug Offenses/ }).textContent()).toContain('30');
    await screenshot(page, 'records-review');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Only Drug Offenses is filled in, so the breakdown does not add up to 1,200 and Publish asks why.
    const ask = page.getByRole('dialog', { name: 'Explain before publishing' });
    await ask
      .getByRole('textbox', { name: /breakdown of Arrests adds up to 30/ })
      .fill('Other offenses are not yet counted.');
    await ask.getByRole('button', { name: 'Publish with notes' }).click();
    const done = page.getByRole('dialog', { name: 'Data published!' });
    await done.waitFor();
    await screenshot(page, 'records-published');
    await done.getByRole('button', { name: 'Records' }).click();

    await heading(page, 'Records');
    const row = page.getByRole('row', { name: /March 2024/ });
    expect(await row.textContent()).toContain('Published');
    expect(await row.textContent()).toContain('Ada Admin');
    await page.getByRole('tab', { name: 'Published' }).click();
    expect(await page.getByRole('row', { name: /March 2024/ }).count()).toBe(1);
    await screenshot(page, 'records-list');
    const [stored] = await db.select().from(report).where(eq(report.id, reportId));
    expect(stored).toMatchObject({ status: 'PUBLISHED', modifiedBy: [user.id] });
    expect(errors).toEqual([]);
  });

  it('locks the form with a message when someone else saved the record first, and reloads to their values', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Ogdenville Police Department' });
    const ada = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Ada Contributor' });
    const bob = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Bob Contributor' });
    const record = await givenReport(db, agency, { year: 2024, month: 4, lastModifiedAt: new Date() });
    const { page } = await suite.open(ada);
    await page.goto(`/agency/${agency.id}/records/${record.id}`);
    await heading(page, 'April 2024');

    const bobsSave = await suite.server.app.inject({
      method: 'PATCH',
      url: `/api/reports/${record.id}`,
      headers: await signIn(suite.server.app, db, bob),
      payload: {
        status: 'DRAFT',
        time_loaded: await currentVersion(db, record.id),
        metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', value: 77 }],
      },
    });
    expect(bobsSave.statusCode).toBe(200);

    const total = page.getByRole('region', { name: 'Arrests' }).getByRole('textbox', { name: 'Arrests', exact: true });
    await total.fill('12');
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else has edited this record' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Bob Contributor');
    expect(await total.isDisabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'records-conflict');
    expect(await storedValues(record.id)).toEqual({ 'LAW_ENFORCEMENT_ARRESTS null': '77' });

    await conflict.getByRole('button', { name: 'Reload' }).click();
    await heading(page, 'April 2024');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[value="77"]') !== null);
  });

  it('opens a record at the metric a link names and explains that metric and the category being entered', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Capital City Police Department' },
      role: 'CONTRIBUTOR',
    });
    const record = await givenReport(db, agency, { year: 2024, month: 5 });
    await page.goto(`/agency/${agency.id}/records/${record.id}#metric-LAW_ENFORCEMENT_REPORTED_CRIME`);
    await heading(page, 'May 2024');

    const crime = page.getByRole('region', { name: 'Reported Crime' });
    const crimeTotal = crime.getByRole('textbox', { name: 'Reported Crime', exact: true });
    await expect.poll(() => crimeTotal.evaluate((input) => input === document.activeElement)).toBe(true);
    const help = page.getByRole('complementary', { name: 'Help for this metric' });
    await help.getByRole('heading', { name: 'Reported Crime' }).waitFor();
    const headingBox = await crime.getByRole('heading', { name: 'Reported Crime' }).boundingBox();
    expect(headingBox?.y, 'the metric heading clears the sticky 64 px header').toBeGreaterThanOrEqual(64);
    const summary = page.getByRole('complementary', { name: 'Record summary' });
    expect(await summary.getByRole('link', { name: /^Reported Crime/ }).getAttribute('aria-current')).toBe('location');

    await crime.getByRole('textbox', { name: 'Drug Offenses' }).focus();
    await help
      .getByRole('region', { name: 'The category you are entering' })
      .getByText('Offense Types: Drug Offenses')
      .waitFor();
    await screenshot(page, 'records-helper-panel');

    await summary.getByRole('link', { name: /^Arrests/ }).click();
    await help.getByRole('heading', { name: 'Arrests' }).waitFor();
    const arrestsTotal = page
      .getByRole('region', { name: 'Arrests' })
      .getByRole('textbox', { name: 'Arrests', exact: true });
    await expect.poll(() => arrestsTotal.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('publishes several drafts at once from the list', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'North Haverbrook Police Department' },
    });
    for (const month of [1, 2]) await givenReport(db, agency, { year: 2024, month, status: 'DRAFT' });
    await page.goto(`/agency/${agency.id}/records`);
    await heading(page, 'Records');

    await page.getByRole('button', { name: 'Bulk Actions' }).click();
    await page.getByRole('menuitem', { name: 'Publish' }).click();
    await setChecked(page.getByRole('checkbox', { name: 'Select January 2024' }), true);
    await setChecked(page.getByRole('checkbox', { name: 'Select February 2024' }), true);
    await page.getByText('2 drafts selected').waitFor();
    await screenshot(page, 'records-bulk-select');
    await page.getByRole('button', { name: 'Review and Publish' }).click();

    await heading(page, 'Review & Publish');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const done = page.getByRole('dialog', { name: '2 records published!' });
    await done.waitFor();
    await done.getByRole('button', { name: 'Records' }).click();
    await heading(page, 'Records');
    await page.getByRole('tab', { name: 'Published' }).click();
    expect(await page.getByRole('row', { name: /2024/ }).count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('filters records by status from a drop-down on a phone', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Ogdenville Police Department' },
      viewport: viewports.mobile,
    });
    await givenReport(db, agency, { year: 2024, month: 1, status: 'DRAFT' });
    await givenReport(db, agency, { year: 2024, month: 2, status: 'PUBLISHED' });
    await page.goto(`/agency/${agency.id}/records`);
    await heading(page, 'Records');

    expect(await page.getByRole('tablist', { name: 'Show records' }).count()).toBe(0);
    const filter = page.getByRole('combobox', { name: 'Show records' });
    await filter.selectOption({ label: 'Published' });
    await page.getByRole('row', { name: /January 2024/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row', { name: /February 2024/ }).count()).toBe(1);
    await screenshot(page, 'records-filter-phone');
    await filter.selectOption({ label: 'All Records' });
    expect(await page.getByRole('row', { name: /2024/ }).count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('offers Delete among bulk actions only to Justice Counts staff, never to agency admins', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Ogdenville Police Department' });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
    const staff = await givenUser(db, { isPlatformAdmin: true, name: 'Sam Staff' });
    await givenReport(db, agency, { year: 2024, month: 1, status: 'DRAFT' });
    const bulkActions = async (page: Page) => {
      await page.goto(`/agency/${agency.id}/records`);
      await heading(page, 'Records');
      await page.getByRole('button', { name: 'Bulk Actions' }).click();
      return page.getByRole('menu', { name: 'Bulk Actions' }).getByRole('menuitem').allTextContents();
    };

    const asAdmin = await suite.open(admin);
    // An agency admin cannot delete records (docs/permissions.md), so Delete is not offered.
    expect(await bulkActions(asAdmin.page)).toEqual(['Publish']);
    expect(asAdmin.errors).toEqual([]);

    const asStaff = await suite.open(staff);
    expect(await bulkActions(asStaff.page)).toEqual(['Publish', 'Delete']);
    await asStaff.page.getByRole('menuitem', { name: 'Delete' }).click();
    await setChecked(asStaff.page.getByRole('checkbox', { name: 'Select January 2024' }), true);
    await asStaff.page.getByRole('region', { name: 'Bulk action' }).getByRole('button', { name: 'Delete' }).click();
    await asStaff.page
      .getByRole('dialog', { name: 'Delete 1 record?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await asStaff.page.getByText('Deleted 1 record.').waitFor();
    expect(await db.select().from(report).where(eq(report.sourceId, agency.id))).toEqual([]);
    expect(asStaff.errors).toEqual([]);
  });
});
