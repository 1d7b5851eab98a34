/**
 * Rates per 100,000 residents in Chromium (issue 18 item 6): an agency admin gives the jurisdiction's
 * population in Settings, then Explore Data and the public dashboard (its overview's card and the
 * category page) show arrests per 100,000 residents, saying which year has no population; staff load population for many agencies by CSV,
 * and a bad line is named with nothing saved.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agencyPopulation } from '../server/src/db/schema.ts';
import { givenAgency, givenUser, signIn } from '../server/test/support/given.ts';
import { givenReport, patchReport } from '../server/test/support/given-reports.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
const NO_2023 = 'No population is given for 2023, so that year is left out of the rates.';

/** A police department with its dashboard on: arrests published for November 2023 to February 2024. */
async function givenPolice() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, {
    name: 'Lakeside Police Department',
    systems: ['LAW_ENFORCEMENT'],
    isDashboardEnabled: true,
  });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
  const headers = await signIn(suite.server.app, db, admin);
  const url = `/api/agencies/${agency.id}/metrics`;
  const metrics = [{ key: ARRESTS, enabled: true }];
  expect((await suite.server.app.inject({ method: 'PUT', url, headers, payload: { metrics } })).statusCode).toBe(200);
  for (const [year, month, value] of [
    [2023, 11, 80],
    [2023, 12, 90],
    [2024, 1, 100],
    [2024, 2, 120],
  ] as const) {
    const record = await givenReport(db, agency, { year, month });
    const saved = await patchReport(suite.server, headers, record.id, {
      status: 'PUBLISHED',
      metrics: [{ key: ARRESTS, value }],
    });
    expect(saved.statusCode).toBe(200);
  }
  return { agency, admin };
}

const tooltipOf = async (page: Page, bar: number) => {
  await page.locator('.recharts-bar-rectangle').nth(bar).hover();
  return page.locator('.chart-tooltip');
};

describe('rates per 100,000 residents', () => {
  it('an admin gives the population in Settings, and Explore Data and the dashboard chart arrests per resident', async () => {
    const { agency, admin } = await givenPolice();
    const { page, errors } = await suite.open(admin);
    await page.goto(`/agency/${agency.id}/settings`);
    const block = page.getByRole('region', { name: 'Jurisdiction Population' });
    await block.getByText('No population added.').waitFor();
    await block.getByRole('button', { name: 'Edit jurisdiction population' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit jurisdiction population' });
    await dialog.getByRole('button', { name: '+ Add a year' }).click();
    const row = dialog.getByRole('group').last();
    await row.getByLabel('Year').fill('2024');
    await row.getByLabel('Population').fill('fifty thousand');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Population must be a whole number of people.').waitFor();
    await screenshot(page, 'rates-settings-population-dialog');
    await row.getByLabel('Population').fill('50,000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Jurisdiction population saved.' }).last().waitFor();
    await block.getByText('50,000 residents').waitFor();
    const stored = await suite.server.database.db
      .select({ year: agencyPopulation.year, population: agencyPopulation.population })
      .from(agencyPopulation)
      .where(eq(agencyPopulation.agencyId, agency.id));
    expect(stored).toEqual([{ year: 2024, population: 50_000 }]);
    await screenshot(page, 'rates-settings-population');

    await page.goto(`/agency/${agency.id}/data?metric=law_enforcement_arrests`);
    await page.getByRole('heading', { level: 2, name: 'Arrests', exact: true }).waitFor();
    await page.getByLabel('Show as').selectOption({ label: 'Rate per 100,000 residents' });
    const figure = page.locator('figure.explore-chart');
    await figure.getByText(NO_2023).waitFor();
    await figure.getByText('Arrests, per 100,000 residents, monthly').waitFor();
    // January 2024: 100 arrests among 50,000 residents.
    await (await tooltipOf(page, 0)).getByText('200', { exact: true }).waitFor();
    expect(await (await tooltipOf(page, 0)).locator('.chart-tooltip__period').textContent()).toBe('Jan 2024');
    expect(new URL(page.url()).searchParams.get('display')).toBe('rate');
    await screenshot(page, 'rates-explore-data');

    // The overview's card shows rates too, and opens the category page showing rates.
    const visitor = await suite.open();
    await visitor.page.goto(`/dashboards/${agency.id}`);
    await visitor.page.getByRole('button', { name: 'Rate per 100,000 residents' }).click();
    const card = visitor.page.locator('.public-card', { hasText: 'Arrests, per 100,000 residents' });
    // February 2024: 120 arrests among 50,000 residents.
    await card.locator('.public-card__latest').getByText('Feb 2024: 240').waitFor();
    // It says which year is left out, in the words of the category page's chart.
    await card.getByText(NO_2023).waitFor();
    await screenshot(visitor.page, 'rates-public-dashboard-overview');
    await card.getByRole('link').click();
    await visitor.page.getByRole('button', { name: 'Rate per 100,000 residents', pressed: true }).waitFor();
    const arrests = visitor.page.getByRole('region', { name: 'Arrests' });
    await arrests.getByText(NO_2023).first().waitFor();
    await arrests.locator('.recharts-bar-rectangle').first().hover();
    await visitor.page.locator('.chart-tooltip').getByText('200', { exact: true }).waitFor();
    await screenshot(visitor.page, 'rates-public-dashboard');
    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  });

  it('staff load population for many agencies by CSV; a bad line is named and nothing is saved', async () => {
    const db = suite.server.database.db;
    const north = await givenAgency(db, { name: 'North County Sheriff' });
    const south = await givenAgency(db, { name: 'South County Sheriff' });
    const staff = await givenUser(db, { isPlatformAdmin: true, name: 'Sam Staff' });
    const { page, errors } = await suite.open(staff);
    await page.goto('/admin-panel?tab=population');
    const panel = page.getByRole('region', { name: 'Jurisdiction population' });
    const file = panel.getByLabel('CSV file');
    const csv = (lines: string[]) => ({
      name: 'population.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['agency,year,population', ...lines].join('\n')),
    });
    await file.setInputFiles(csv([`${north.id},2024,"61,000"`, 'South County Sherif,2024,33000']));
    await panel.getByRole('button', { name: 'Load population' }).click();
    await panel
      .getByRole('alert')
      .getByText('In the file, line 3: no agency is named "South County Sherif"; check the spelling or give its id.')
      .waitFor();
    expect(await db.select().from(agencyPopulation).where(eq(agencyPopulation.agencyId, north.id))).toEqual([]);
    await screenshot(page, 'rates-admin-population-refused');

    await file.setInputFiles(csv([`${north.id},2024,"61,000"`, 'south county sheriff,2024,33000']));
    await panel.getByRole('button', { name: 'Load population' }).click();
    await panel.getByRole('status').getByText('Saved 2 years of population for 2 agencies.').waitFor();
    const saved = await db.select().from(agencyPopulation).where(eq(agencyPopulation.agencyId, south.id));
    expect(saved.map((row) => row.population)).toEqual([33_000]);
    await screenshot(page, 'rates-admin-population-saved');
    // The refused file's 400 is the only console message.
    expect(errors.filter((error) => !error.includes('the server responded with a status of 400'))).toEqual([]);
  });
});
