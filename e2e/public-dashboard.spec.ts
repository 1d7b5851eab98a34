/**
 * Public dashboards in Chromium, signed out: the list of agency dashboards and its search, an
 * agency's dashboard with its chart, breakdown, table, definition and CSV download (published
 * figures only), the phone layout, a dashboard that is off, and an agency admin's link to it.
 */
import { describe, expect, it } from 'vitest';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import {
  ARRESTS,
  FUNDING,
  givenAgencySetting,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
  OFFENSE,
} from '../server/test/support/given-public-data.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

/** Arrests for January to March 2024 published (Person and Drug offenses shown), April in draft; funding by year. */
async function givenPublishingPolice() {
  const db = suite.server.database.db;
  const agency = await givenDashboardAgency(db, { name: 'Riverside Police Department', stateCode: 'us_ca' });
  await givenUsualSettings(db, agency);
  await givenAgencySetting(db, agency, 'PURPOSE_AND_FUNCTIONS', 'We serve the 80,000 people of Riverside.');
  await givenAgencySetting(db, agency, 'HOMEPAGE_URL', 'https://police.riverside.example');
  for (const [month, person, drug] of [
    [1, 40, 60],
    [2, 45, 50],
    [3, 30, 90],
  ] as const) {
    await givenRecordWithValues(db, agency, { year: 2024, month, status: 'PUBLISHED' }, [
      { metric: ARRESTS, value: String(person + drug + 10) },
      { metric: ARRESTS, value: String(person), dimension: { [OFFENSE]: 'PERSON' } },
      { metric: ARRESTS, value: String(drug), dimension: { [OFFENSE]: 'DRUG' } },
      { metric: ARRESTS, value: '10', dimension: { [OFFENSE]: 'PROPERTY' } },
    ]);
  }
  await givenRecordWithValues(db, agency, { year: 2024, month: 4, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '999' },
  ]);
  for (const [year, amount] of [
    [2022, '1350000'],
    [2023, '1500000'],
  ] as const) {
    await givenRecordWithValues(db, agency, { frequency: 'ANNUAL', year, month: 1, status: 'PUBLISHED' }, [
      { metric: FUNDING, value: amount },
    ]);
  }
  return agency;
}

describe('Public dashboards', () => {
  it('lists agencies with a dashboard and shows one agency’s published figures, signed out', async () => {
    const agency = await givenPublishingPolice();
    const lakeside = await givenDashboardAgency(suite.server.database.db, {
      name: 'Lakeside Jail',
      systems: ['JAILS'],
    });
    const { page, errors } = await suite.open();
    await page.goto('/dashboards');
    await page.getByRole('heading', { level: 1, name: 'Agency dashboards' }).waitFor();
    // By address: on a shared PostgreSQL test database other tests' agencies are listed too.
    const riverside = page.locator(`a[href="/dashboards/${agency.id}"]`, { hasText: 'Riverside Police Department' });
    await riverside.waitFor();
    // An agency that has published nothing is not listed.
    expect(await page.locator(`a[href="/dashboards/${lakeside.id}"]`).count()).toBe(0);
    await page.getByLabel('Search agencies').fill('california law');
    await riverside.waitFor();
    await screenshot(page, 'public-dashboards-list');
    await page.getByLabel('Search agencies').fill('no such agency anywhere');
    await page.getByText('No agency matches your search').waitFor();
    await page.getByLabel('Search agencies').fill('');

    await riverside.click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/dashboards/${agency.id}`);
    await page.getByText('We serve the 80,000 people of Riverside.').waitFor();
    await page.getByRole('link', { name: 'Agency website' }).waitFor();
    const arrests = page.getByRole('region', { name: 'Arrests' });
    await arrests.locator('.recharts-surface').waitFor();
    expect(await arrests.getByLabel('Breakdown').inputValue()).toBe('Offense Types');
    await arrests.getByRole('list', { name: 'Legend' }).getByText('Drug Offenses').waitFor();
    // Property offenses are switched off, so they appear nowhere.
    expect(await arrests.getByText('Property Offenses').count()).toBe(0);
    expect(await arrests.locator('.explore-insights div', { hasText: 'Most Recent' }).locator('dd').textContent()).toBe(
      'Mar 2024',
    );
    await screenshot(page, 'public-dashboard-agency');

    await arrests.getByText('Show the figures as a table').click();
    const rows = arrests.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await arrests.getByRole('columnheader').allTextContents()).toEqual([
      'Period',
      'Total',
      'Person Offenses',
      'Drug Offenses',
    ]);
    await arrests.getByText('What this metric includes').click();

    const href = await arrests.getByRole('link', { name: 'Arrests by type' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(await csv.text()).toBe(
      [
        'year,month,offense_type,value',
        '2024,March,PERSON,30',
        '2024,March,DRUG,90',
        '2024,February,PERSON,45',
        '2024,February,DRUG,50',
        '2024,January,PERSON,40',
        '2024,January,DRUG,60',
        '',
      ].join('\n'),
    );
    const funding = page.getByRole('region', { name: 'Funding' });
    await funding.locator('.recharts-surface').waitFor();
    expect(errors).toEqual([]);
  });

  it('stacks a dashboard in one column on a phone', async () => {
    const agency = await givenPublishingPolice();
    const { page, errors } = await suite.open(undefined, viewports.mobile);
    await page.goto(`/dashboards/${agency.id}`);
    await page.getByRole('region', { name: 'Arrests' }).locator('.recharts-surface').waitFor();
    await screenshot(page, 'public-dashboard-mobile');
    expect(errors).toEqual([]);
  });

  it('says there is no dashboard for an agency whose dashboard is off', async () => {
    const hidden = await givenAgency(suite.server.database.db, { name: 'Quiet Sheriff', isDashboardEnabled: false });
    const { page } = await suite.open();
    await page.goto(`/dashboards/${hidden.id}`);
    await page.getByText('There is no public dashboard here').waitFor();
    expect(await page.getByText('Quiet Sheriff').count()).toBe(0);
    await page.getByRole('link', { name: 'See all agency dashboards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agency dashboards' }).waitFor();
  });

  it('gives an agency admin a link from Settings to the public dashboard', async () => {
    const agency = await givenPublishingPolice();
    const admin = await givenUser(suite.server.database.db, { agency, role: 'AGENCY_ADMIN' });
    const { page, errors } = await suite.open(admin);
    await page.goto(`/agency/${agency.id}/settings`);
    await page.getByRole('link', { name: 'View public dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/dashboards/${agency.id}`);
    expect(errors).toEqual([]);
  });
});
