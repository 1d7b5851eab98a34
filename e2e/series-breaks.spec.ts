/**
 * Series breaks and comparability, in Chromium: an agency that stopped counting on-view arrests in
 * April 2024 sees a dashed "Definition changed" line before April on Explore Data and in the pictures
 * it saves, and visitors see it on the public dashboard (the overview's card and the breakdown's
 * lines too), each chart with a note listing what differs from the Justice Counts definition and
 * what changed.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { metricSetting, metricSettingHistory } from '../server/src/db/schema.ts';
import { givenAgency, givenSuperagencyWithChild } from '../server/test/support/given.ts';
import {
  ARRESTS,
  breakdownSetting,
  givenDashboardAgency,
  givenRecordWithValues,
  OFFENSE,
} from '../server/test/support/given-public-data.ts';
import { givenMetricSetting } from '../server/test/support/given-reports.ts';
import { emptyStoredSetting } from '../server/src/domain/metric-settings/stored-setting-rules.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { downloaded, opened } from './support/downloads.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const DIFFERENCE = 'Leaves out on view, which the Justice Counts definition includes';
const CHANGE = 'Definition changed from April 2024: No longer includes on view.';

/**
 * Six published months of arrests, by Person and Drug offenses too; the definition answered in
 * January and changed on 10 April 2024.
 */
async function givenChangedDefinition() {
  const db = suite.server.database.db;
  const agency = await givenDashboardAgency(db, { name: 'Lakeside Police Department' });
  await db.insert(metricSetting).values({
    agencyId: agency.id,
    metricDefinitionKey: ARRESTS,
    metricInterface: {
      ...emptyStoredSetting(ARRESTS),
      is_metric_enabled: true,
      includes_excludes_member_to_setting: { ON_VIEW: 'NO' },
      aggregated_dimensions: { [OFFENSE]: breakdownSetting({ PERSON: true, DRUG: true }) },
    },
  });
  await db.insert(metricSettingHistory).values(
    [
      ['YES', '2024-01-05T12:00:00Z'],
      ['NO', '2024-04-10T12:00:00Z'],
    ].map(([answer, at]) => ({
      agencyId: agency.id,
      metricDefinitionKey: ARRESTS,
      updates: { key: ARRESTS, includes_excludes_member_to_setting: { ON_VIEW: answer } },
      timestamp: new Date(at!),
    })),
  );
  for (const [month, value] of [
    [1, '120'],
    [2, '115'],
    [3, '125'],
    [4, '80'],
    [5, '85'],
    [6, '78'],
  ] as const) {
    await givenRecordWithValues(db, agency, { year: 2024, month, status: 'PUBLISHED' }, [
      { metric: ARRESTS, value },
      { metric: ARRESTS, value: String(Number(value) - 40), dimension: { [OFFENSE]: 'PERSON' } },
      { metric: ARRESTS, value: '40', dimension: { [OFFENSE]: 'DRUG' } },
    ]);
  }
  return agency;
}

/** The dashed line before April (the first month counted the new way), its label, and the note under the chart. */
async function expectBreakShown(scope: Locator | Page) {
  const chart = scope.locator('svg.recharts-surface').first();
  await chart.getByText('Definition changed').waitFor();
  expect(await chart.locator('.recharts-reference-line-line').count()).toBe(1);
  const note = scope.getByRole('region', { name: 'How these figures are counted' });
  const text = await note.textContent();
  expect(text).toContain(DIFFERENCE);
  expect(text).toContain(CHANGE);
}

describe('series breaks', () => {
  it('marks the change of definition on Explore Data and the public dashboard, with a note of what differs', async () => {
    const agency = await givenChangedDefinition();
    const { page, errors } = await suite.openAsMemberOf(agency, { role: 'CONTRIBUTOR' });
    await page.goto(`/agency/${agency.id}/data?metric=law_enforcement_arrests`);
    await page.getByRole('heading', { level: 2, name: 'Arrests' }).waitFor();
    await expectBreakShown(page);
    await screenshot(page, 'series-break-explore-data');

    // The saved picture carries the dashed line and the note of what changed.
    const svg = (await downloaded(page, 'Download SVG')).bytes.toString('utf8');
    expect(svg).toContain('recharts-reference-line-line');
    expect(svg).toContain('>Definition changed</');
    expect(svg).toContain(CHANGE);
    const png = await downloaded(page, 'Download PNG');
    const viewer = await suite.open();
    await opened(viewer.page, png.bytes, 'image/png');
    await screenshot(viewer.page, 'series-break-chart-png');

    // The overview's small chart has the dashed line too, and says from when.
    const visitor = await suite.open();
    await visitor.page.goto(`/dashboards/${agency.id}`);
    const card = visitor.page.locator('.public-card', { hasText: 'Arrests' });
    await card.getByText('Definition changed from April 2024').waitFor();
    expect(await card.locator('.public-card__break-line').count()).toBe(1);
    await screenshot(visitor.page, 'series-break-dashboard-overview');
    await visitor.page.goto(`/dashboards/${agency.id}/operations-and-dynamics`);
    const arrests = visitor.page.getByRole('region', { name: 'Arrests' });
    await expectBreakShown(arrests);
    // The breakdown's lines beside the bars have the same dashed line, and their picture the note.
    const lines = arrests.locator('figure').nth(1);
    await lines.locator('.recharts-line').first().waitFor();
    await lines.locator('svg.recharts-surface').getByText('Definition changed').waitFor();
    expect(await lines.locator('.recharts-reference-line-line').count()).toBe(1);
    await screenshot(visitor.page, 'series-break-public-dashboard');
    await expectNoSeriousA11yViolations(visitor.page, 'series break note');
    const linesSvg = (await downloaded(visitor.page, 'Download SVG', lines)).bytes.toString('utf8');
    expect(linesSvg).toContain('recharts-reference-line-line');
    expect(linesSvg).toContain(CHANGE);
    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  });

  it('warns a superagency that its child agencies count a metric differently, side by side on Home', async () => {
    const db = suite.server.database.db;
    const { superagency: state, child } = await givenSuperagencyWithChild(db, {
      name: 'State Department of Corrections',
      sectors: ['PRISONS'],
      child: { name: 'North State Prison', systems: ['PRISONS'] },
    });
    await givenAgency(db, { name: 'South State Prison', systems: ['PRISONS'], superAgencyId: state.id });
    await givenMetricSetting(db, child, 'PRISONS_TOTAL_STAFF', {
      includes_excludes_member_to_setting: { VOLUNTEER: 'YES' },
    });
    const { page, errors } = await suite.openAsMemberOf(state, { role: 'CONTRIBUTOR' });
    await page.goto(`/agency/${state.id}`);
    const table = page.getByRole('table', { name: 'Child agencies' });
    await table.waitFor();
    const warning = page.getByRole('note').filter({ hasText: 'Definitions differ.' });
    expect(await warning.textContent()).toContain(
      '1 child agency counts some metrics differently from the Justice Counts definition (Staff).',
    );
    expect(await table.locator('tr', { hasText: 'North State Prison' }).textContent()).toContain('Differs: Staff');
    expect(await table.locator('tr', { hasText: 'South State Prison' }).textContent()).toContain(
      'Justice Counts definitions',
    );
    await screenshot(page, 'series-break-child-definitions');
    await expectNoSeriousA11yViolations(page, 'child agencies with different definitions');
    expect(errors).toEqual([]);
  });
});
