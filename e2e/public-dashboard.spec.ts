/**
 * Public dashboards in Chromium, signed out: the list of agency dashboards and its search, an
 * agency's overview with a card per metric under its category, a category page with the bars of
 * the totals beside the breakdown's lines (hovering in step), table, definition and CSV download
 * (published figures only), a chart saved as PNG and SVG, a shared link that restores the view,
 * the phone layout, a dashboard that is off, and an agency admin's link to it.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency } from '../server/test/support/given.ts';
import {
  ARRESTS,
  FUNDING,
  givenAgencySetting,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
  OFFENSE,
} from '../server/test/support/given-public-data.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { downloaded, opened, pngSize } from './support/downloads.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

/** Waits for both of a metric's charts: they load separately, the bars or the lines first. */
async function chartsDrawn(metric: Locator) {
  await metric.locator('.recharts-bar-rectangle').first().waitFor();
  await metric.locator('.recharts-line').first().waitFor();
}

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
    // The overview: a card per metric, under its category's section.
    const finances = page.getByRole('region', { name: 'Understand the Finances' });
    await finances.getByRole('link', { name: /^FUNDING/ }).waitFor();
    const work = page.getByRole('region', { name: 'Understand the Work' });
    const card = work.getByRole('link', { name: /^ARRESTS/ });
    await card.getByRole('img', { name: 'Arrests from Jan 2024 to Mar 2024' }).waitFor();
    expect(await card.locator('.public-card__latest').textContent()).toBe('Mar 2024: 130');
    await screenshot(page, 'public-dashboard-agency');
    await expectNoSeriousA11yViolations(page, 'a dashboard overview');

    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Operations and Dynamics' }).waitFor();
    const address = new URL(page.url());
    expect(address.pathname).toBe(`/dashboards/${agency.id}/operations-and-dynamics`);
    expect(address.hash).toBe('#law_enforcement_arrests');
    const arrests = page.getByRole('region', { name: 'Arrests' });
    await chartsDrawn(arrests);
    expect(await arrests.locator('.recharts-surface').count()).toBe(2);
    expect(await arrests.getByLabel('Breakdown').inputValue()).toBe('Offense Types');
    const legend = arrests.getByRole('list', { name: 'Legend' });
    await legend.getByText('Drug Offenses: 90').waitFor();
    // Property offenses are switched off, so they appear nowhere.
    expect(await arrests.getByText('Property Offenses').count()).toBe(0);
    expect(await arrests.locator('.explore-insights div', { hasText: 'Most Recent' }).locator('dd').textContent()).toBe(
      'Mar 2024',
    );
    // Hovering January's bar shows January in the lines' legend and on the line chart.
    await arrests.locator('.recharts-bar-rectangle').first().hover();
    await arrests.locator('.public-hover-legend__period', { hasText: 'Jan 2024' }).waitFor();
    await legend.getByText('Drug Offenses: 60').waitFor();
    // The line chart draws its cursor (a line, so of no width) at its first period, where the bars are hovered.
    const cursor = arrests.locator('figure').nth(1).locator('.recharts-tooltip-cursor');
    await cursor.waitFor({ state: 'attached' });
    const firstDot = arrests.locator('.recharts-line-dots').first().locator('circle').first();
    expect(await cursor.getAttribute('d')).toMatch(new RegExp(`^M${await firstDot.getAttribute('cx')},`));
    // And the other way: hovering February on the lines shows February's total on the bars.
    await arrests.locator('figure').nth(1).locator('.recharts-line-dots circle').nth(1).hover();
    await arrests.locator('.public-hover-legend__period', { hasText: 'Feb 2024' }).waitFor();
    await arrests
      .locator('figure')
      .first()
      .locator('.chart-tooltip', { hasText: 'Feb 2024' })
      .getByText('105')
      .waitFor();
    // A window tall enough for the whole metric, so the picture needs no scrolling under the hover.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await arrests.locator('.recharts-bar-rectangle').first().hover();
    await arrests.locator('.public-hover-legend__period', { hasText: 'Jan 2024' }).waitFor();
    await screenshot(page, 'public-dashboard-category');
    await expectNoSeriousA11yViolations(page, 'a dashboard category page');

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
    await page.getByRole('link', { name: '← Riverside Police Department' }).click();
    await page.getByRole('link', { name: 'Understand the Finances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity and Costs' }).waitFor();
    const funding = page.getByRole('region', { name: 'Funding' });
    await funding.locator('.recharts-surface').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('saves a chart as a PNG and an SVG, and shares a link that opens the same view', async () => {
    const agency = await givenPublishingPolice();
    const { page, context, errors } = await suite.open(undefined, viewports.desktop);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.goto(`/dashboards/${agency.id}/operations-and-dynamics`);
    const arrests = page.getByRole('region', { name: 'Arrests' });
    await chartsDrawn(arrests);
    await page.getByRole('button', { name: 'All time' }).click();
    expect(new URL(page.url()).searchParams.get('range')).toBe('all');

    const lines = page.getByRole('group', { name: 'Save the Arrests by Offense Types chart as a picture' });
    const png = await downloaded(page, 'Download PNG', lines);
    expect(png.name).toBe('arrests_by_offense_types.png');
    const size = pngSize(png.bytes);
    const viewer = await context.newPage();
    expect(await opened(viewer, png.bytes, 'image/png')).toEqual(size);
    expect(size.height).toBeGreaterThan(2 * 360);
    await screenshot(viewer, 'public-dashboard-chart-png');
    await viewer.close();

    const bars = page.getByRole('group', { name: 'Save the Arrests chart as a picture' });
    const svg = await downloaded(page, 'Download SVG', bars);
    expect(svg.name).toBe('arrests.svg');
    const text = svg.bytes.toString('utf8');
    for (const words of ['>Arrests</text>', 'Riverside Police Department · Jan 2024 – Mar 2024', 'Source: Riverside']) {
      expect(text).toContain(words);
    }

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = await suite.open();
    await other.page.goto(link);
    await other.page.getByRole('heading', { level: 1, name: 'Operations and Dynamics' }).waitFor();
    expect(await other.page.getByRole('button', { name: 'All time' }).getAttribute('aria-pressed')).toBe('true');

    await arrests.getByRole('button', { name: 'Copy link' }).click();
    // The clipboard is written after the click returns: wait for the new link.
    await page.waitForFunction((shared) => navigator.clipboard.readText().then((text) => text !== shared), link);
    const metricLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(metricLink).hash).toBe('#law_enforcement_arrests');
    expect(new URL(metricLink).searchParams.get('range')).toBe('all');

    // The overview's Share copies its address, with the sector chosen.
    await page.getByRole('link', { name: '← Riverside Police Department' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
    expect(new URL(page.url()).search).toBe('?sector=law_enforcement');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.waitForFunction((url) => navigator.clipboard.readText().then((text) => text === url), page.url());
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('says so when an address names no category or one without figures', async () => {
    const agency = await givenPublishingPolice();
    const { page } = await suite.open();
    await page.goto(`/dashboards/${agency.id}/no-such-part`);
    await page.getByText('This address does not name a part of an agency’s dashboard.').waitFor();
    await page.goto(`/dashboards/${agency.id}/fairness`);
    await page.getByText('Riverside Police Department has not published figures about fairness.').waitFor();
  });

  it('stacks a dashboard in one column on a phone', async () => {
    const agency = await givenPublishingPolice();
    const { page, errors } = await suite.open(undefined, viewports.mobile);
    await page.goto(`/dashboards/${agency.id}`);
    await page.getByRole('region', { name: 'Understand the Work' }).getByRole('img').waitFor();
    await screenshot(page, 'public-dashboard-mobile');
    await page.goto(`/dashboards/${agency.id}/operations-and-dynamics`);
    await chartsDrawn(page.getByRole('region', { name: 'Arrests' }));
    await screenshot(page, 'public-dashboard-category-mobile');
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
    const { page, errors } = await suite.openAsMemberOf(agency);
    await page.goto(`/agency/${agency.id}/settings`);
    await page.getByRole('link', { name: 'View public dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Police Department' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/dashboards/${agency.id}`);
    expect(errors).toEqual([]);
  });
});
