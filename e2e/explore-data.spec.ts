/**
 * Explore Data in Chromium: a contributor charts arrests by offense type, reads the table, leaves
 * out drafts, keeps the view across a reload, downloads the figures and changes frequency; a
 * phone gets the metric drop-down; an agency reporting nothing is told where to start; and a
 * superagency member switches to a child agency's data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  givenAgency,
  givenSuperagencyWithChild,
  givenUser,
  signIn,
  type AgencyRow,
  type SignedIn,
} from '../server/test/support/given.ts';
import { givenReport, patchReport } from '../server/test/support/given-reports.ts';
import { screenshot, viewports } from './support/browser.ts';
import { downloaded, opened, pngSize } from './support/downloads.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const ARRESTS = 'LAW_ENFORCEMENT_ARRESTS';
const FUNDING = 'LAW_ENFORCEMENT_FUNDING';
const OFFENSE = 'metric/offense/type';

async function setMetrics(headers: SignedIn, agency: AgencyRow, metrics: object[]) {
  const url = `/api/agencies/${agency.id}/metrics`;
  const res = await suite.server.app.inject({ method: 'PUT', url, headers, payload: { metrics } });
  expect(res.statusCode).toBe(200);
}

/**
 * Arrests by offense type for January to June 2024 (April missing; January to March published),
 * calendar-year funding for 2021 to 2023, published, and one fiscal year's funding in draft.
 */
async function givenPoliceData() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, { name: 'Riverside Police Department', systems: ['LAW_ENFORCEMENT'] });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
  const contributor = await givenUser(db, { agency, role: 'CONTRIBUTOR', name: 'Cy Contributor' });
  const headers = await signIn(suite.server.app, db, admin);
  await setMetrics(headers, agency, [
    { key: FUNDING, enabled: true },
    { key: ARRESTS, enabled: true, disaggregations: [{ key: OFFENSE, enabled: true }] },
  ]);
  // Funding was reported for a fiscal year before the agency moved to calendar years.
  await setMetrics(headers, agency, [{ key: FUNDING, custom_frequency: 'ANNUAL', starting_month: 7 }]);
  const fiscal = await givenReport(db, agency, { frequency: 'ANNUAL', year: 2023, month: 7 });
  const saved = await patchReport(suite.server, headers, fiscal.id, {
    status: 'DRAFT',
    metrics: [{ key: FUNDING, value: 990_000 }],
  });
  expect(saved.statusCode).toBe(200);
  await setMetrics(headers, agency, [{ key: FUNDING, custom_frequency: 'ANNUAL', starting_month: 1 }]);
  const months: [number, number, number][] = [
    [1, 40, 60],
    [2, 45, 50],
    [3, 30, 90],
    [5, 55, 65],
    [6, 50, 75],
  ];
  for (const [month, person, drug] of months) {
    const record = await givenReport(db, agency, { year: 2024, month });
    const offenses = [
      { key: 'Person Offenses', value: person },
      { key: 'Drug Offenses', value: drug },
    ];
    await patchReport(suite.server, headers, record.id, {
      status: month <= 3 ? 'PUBLISHED' : 'DRAFT',
      metrics: [{ key: ARRESTS, value: person + drug, disaggregations: [{ key: OFFENSE, dimensions: offenses }] }],
    });
  }
  for (const [year, amount] of [
    [2021, 1_200_000],
    [2022, 1_350_000],
    [2023, 1_500_000],
  ] as const) {
    const record = await givenReport(db, agency, { frequency: 'ANNUAL', year, month: 1 });
    await patchReport(suite.server, headers, record.id, {
      status: 'PUBLISHED',
      metrics: [{ key: FUNDING, value: amount }],
    });
  }
  return { agency, contributor, headers };
}

const metricHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
const insight = (page: Page, term: string) => page.locator('.explore-insights div', { hasText: term }).locator('dd');
const tableRows = (page: Page) => page.getByRole('table').locator('tbody tr');

describe('Explore Data', () => {
  it('charts funding by fiscal year and arrests by offense type, shows the table, leaves out drafts, keeps the view', async () => {
    const { agency, contributor } = await givenPoliceData();
    const { page, errors } = await suite.open(contributor);
    await page.goto(`/agency/${agency.id}/data`);
    await page.getByRole('heading', { level: 1, name: 'Explore Data' }).waitFor();
    await metricHeading(page, 'Funding');
    await page.locator('.recharts-surface').waitFor();
    expect(await insight(page, 'Most Recent').textContent()).toBe('Jan 2023 - Dec 2023');
    expect(await insight(page, 'Percent Change').textContent()).toBe('+25%');
    await page.getByLabel('Reporting frequency').selectOption({ label: 'Fiscal Year (July – June)' });
    await insight(page, 'Most Recent').getByText('Jul 2022 - Jun 2023').waitFor();
    expect(await insight(page, 'Avg. Total Value').textContent()).toBe('$990,000/yr');

    await page.getByRole('navigation', { name: 'Metrics by sector' }).getByRole('link', { name: 'Arrests' }).click();
    await metricHeading(page, 'Arrests');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('law_enforcement_arrests');
    expect(await page.getByLabel('Breakdown').inputValue()).toBe('Offense Types');
    await page.getByRole('list', { name: 'Legend' }).getByText('Drug Offenses').waitFor();
    await page.locator('.recharts-bar-rectangle').first().hover();
    await page.locator('.chart-tooltip').getByText('Total: 100').waitFor();
    await screenshot(page, 'explore-data-chart');
    await page.getByLabel('Show as').selectOption('percentage');
    await page.locator('svg.recharts-surface').getByText('100%', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Switch to Data Table' }).click();
    expect(await tableRows(page).count()).toBe(6);
    await tableRows(page).filter({ hasText: 'Apr 2024' }).getByText('Not recorded').waitFor();
    await tableRows(page).filter({ hasText: 'Jun 2024' }).getByText('Draft').waitFor();
    // Each period carries its frequency mark, explained under the table; the column under the pointer is highlighted.
    expect(await tableRows(page).first().locator('abbr[title="Monthly"]').textContent()).toBe('M');
    await page.getByText('M = Monthly, CY = Calendar Year, FY = Fiscal Year, CMY = Custom Year').waitFor();
    await page.getByRole('columnheader', { name: 'Drug Offenses' }).hover();
    await expect.poll(() => page.locator('tbody td.is-hovered-column').count()).toBe(6);
    await screenshot(page, 'explore-data-table');

    await page.getByLabel('Data').selectOption('published');
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3);
    expect(await tableRows(page).first().locator('th').textContent()).toBe('Mar 2024M');

    await page.reload();
    await metricHeading(page, 'Arrests');
    expect(await tableRows(page).count()).toBe(3);
    expect(await page.getByLabel('Data').inputValue()).toBe('published');

    await page.getByLabel('Breakdown').selectOption('none');
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Period', 'Status', 'Total']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Data' }).click();
    expect((await download).suggestedFilename()).toBe('arrests_riverside_police_department.csv');
    expect(errors).toEqual([]);
  });

  it('saves the chart as a PNG and an SVG with its title, agency, period and source, and shares the view', async () => {
    const { agency, contributor } = await givenPoliceData();
    const { page, context, errors } = await suite.open(contributor);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.goto(`/agency/${agency.id}/data?metric=law_enforcement_arrests`);
    await metricHeading(page, 'Arrests');
    await page.getByLabel('Time range').selectOption('1y');
    await page.locator('.recharts-surface').waitFor();

    const png = await downloaded(page, 'Download PNG');
    expect(png.name).toBe('arrests_by_offense_types.png');
    const size = pngSize(png.bytes);
    const viewer = await context.newPage();
    const shown = await opened(viewer, png.bytes, 'image/png');
    expect(shown).toEqual(size);
    // Drawn at twice the size of the chart on screen, with room for the words around it.
    expect(size.width).toBeGreaterThan(1000);
    expect(size.height).toBeGreaterThan(2 * 360);
    await screenshot(viewer, 'explore-data-chart-png');
    await viewer.close();

    const svg = await downloaded(page, 'Download SVG');
    expect(svg.name).toBe('arrests_by_offense_types.svg');
    const text = svg.bytes.toString('utf8');
    for (const words of [
      '>Arrests by Offense Types</text>',
      'Riverside Police Department · Jan 2024 – Jun 2024',
      'Source: Riverside',
      'Drug Offenses',
    ]) {
      expect(text).toContain(words);
    }

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = await suite.open(contributor);
    await other.page.goto(link);
    await metricHeading(other.page, 'Arrests');
    expect(await other.page.getByLabel('Time range').inputValue()).toBe('1y');
    expect(await other.page.getByLabel('Breakdown').inputValue()).toBe('Offense Types');
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('offers the metrics as a drop-down on a phone', async () => {
    const { agency, contributor } = await givenPoliceData();
    const { page, errors } = await suite.open(contributor, viewports.mobile);
    await page.goto(`/agency/${agency.id}/data?metric=law_enforcement_arrests`);
    await metricHeading(page, 'Arrests');
    await page.locator('.recharts-surface').waitFor();
    await screenshot(page, 'explore-data-mobile');
    await page.getByRole('combobox', { name: 'Metric', exact: true }).selectOption(FUNDING);
    await metricHeading(page, 'Funding');
    expect(errors).toEqual([]);
  });

  it('tells an agency that reports no metric where to start', async () => {
    const { page, agency } = await suite.openAsMember({
      agency: { name: 'Hilltop Jail', systems: ['JAILS'] },
      role: 'READ_ONLY',
    });
    await page.goto(`/agency/${agency.id}/data`);
    await page.getByText('There are no enabled metrics to view').waitFor();
    await page.getByRole('link', { name: 'Go to Set Up Metrics' }).waitFor();
    await screenshot(page, 'explore-data-empty');
  });

  it('lets a superagency member switch to a child agency’s data and back', async () => {
    const db = suite.server.database.db;
    const { superagency: state, child: prison } = await givenSuperagencyWithChild(db, {
      name: 'State Department of Corrections',
      sectors: ['PRISONS'],
      child: { name: 'Northern State Prison', systems: ['PRISONS'] },
    });
    const member = await givenUser(db, { agency: state, role: 'AGENCY_ADMIN' });
    const headers = await signIn(suite.server.app, db, member);
    await setMetrics(headers, state, [{ key: 'SUPERAGENCY_FUNDING', enabled: true }]);
    await setMetrics(headers, prison, [{ key: 'PRISONS_POPULATION', enabled: true }]);
    const record = await givenReport(db, prison, { year: 2024, month: 2 });
    await patchReport(suite.server, headers, record.id, {
      status: 'DRAFT',
      metrics: [{ key: 'PRISONS_POPULATION', value: 812 }],
    });

    const { page, errors } = await suite.open(member);
    await page.goto(`/agency/${state.id}/data`);
    await metricHeading(page, 'Funding');
    await page.getByText('No recorded data for this metric.').waitFor();
    await page.getByLabel('Select Child Agency').selectOption({ label: 'Northern State Prison' });
    await page.waitForURL(`**/agency/${prison.id}/data`);
    await metricHeading(page, 'Daily Population');
    expect(await insight(page, 'Most Recent').textContent()).toBe('Feb 2024');
    await page.locator('.recharts-surface').waitFor();
    await screenshot(page, 'explore-data-child-agency');
    await page
      .getByLabel('Select Child Agency')
      .selectOption({ label: 'State Department of Corrections (Superagency)' });
    await page.waitForURL(`**/agency/${state.id}/data`);
    expect(errors).toEqual([]);
  });
});
