/**
 * Completeness and timeliness in Chromium (issue 18 item 4): an agency sees on Home what it
 * reported for each month and how soon it published; its superagency sees each child agency; Justice
 * Counts staff see participation on a map of states and counties in the Admin Panel, by state,
 * sector and agency, each with its CSV.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { report } from '../server/src/db/schema.ts';
import {
  givenAgency,
  givenMembership,
  givenSuperagencyWithChild,
  givenUser,
  type AgencyRow,
} from '../server/test/support/given.ts';
import { givenRecordWithValues } from '../server/test/support/given-public-data.ts';
import { ARRESTS, givenMetricSetting } from '../server/test/support/given-reports.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const CALLS = 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE';

let board: AgencyRow;
let police: AgencyRow;

/**
 * Early December 2026. A state board with two police departments: Harbor Police (San Mateo
 * County) reported November in full, published on December 4, and October's arrests only;
 * Valley Police (Fresno County) switched arrests on and reported nothing.
 */
beforeAll(async () => {
  suite.server.clock.set(new Date('2026-12-06T15:00:00Z'));
  const db = suite.server.database.db;
  ({ superagency: board, child: police } = await givenSuperagencyWithChild(db, {
    name: 'Bay State Board',
    child: { name: 'Harbor Police', fipsCountyCode: 'us_ca_san_mateo' },
  }));
  const valley = await givenAgency(db, {
    name: 'Valley Police',
    superAgencyId: board.id,
    fipsCountyCode: 'us_ca_fresno',
  });
  await givenMetricSetting(db, police, ARRESTS, { is_metric_enabled: true });
  await givenMetricSetting(db, police, CALLS, { is_metric_enabled: true });
  await givenMetricSetting(db, valley, ARRESTS, { is_metric_enabled: true });
  const november = await givenRecordWithValues(db, police, { year: 2026, month: 11 }, [
    { metric: ARRESTS, value: '40' },
    { metric: CALLS, value: '900' },
  ]);
  await db.update(report).set({ status: 'PUBLISHED', publishDate: '2026-12-04' }).where(eq(report.id, november.id));
  await givenRecordWithValues(db, police, { year: 2026, month: 10, status: 'DRAFT' }, [
    { metric: ARRESTS, value: '35' },
  ]);
});

describe('completeness and timeliness', () => {
  it("shows an agency each month it owed on Home, and a superagency each child agency's", async () => {
    const db = suite.server.database.db;
    const { page, errors } = await suite.openAsMemberOf(police, { role: 'CONTRIBUTOR', name: 'Pat Analyst' });
    await page.goto(`/agency/${police.id}`);
    await page.getByRole('heading', { name: 'Completeness and timeliness' }).waitFor();
    const november = page.getByRole('row').filter({ hasText: 'November 2026' });
    await november.getByText('4 days').waitFor();
    expect(await november.getByText('Nothing').isVisible()).toBe(true);
    const october = page.getByRole('row').filter({ hasText: 'October 2026' });
    expect(await october.getByText('Calls for Service').isVisible()).toBe(true);
    expect(await page.getByText('3 of 24 figures owed').isVisible()).toBe(true);
    const csv = page.getByRole('link', { name: 'Download CSV' });
    expect(await csv.getAttribute('href')).toBe(`/api/agencies/${police.id}/completeness/csv`);
    await screenshot(page, 'completeness-agency-home');

    const boardAdmin = await givenUser(db, { name: 'Robin Board' });
    await givenMembership(db, boardAdmin, board, 'AGENCY_ADMIN');
    const { page: boardPage, errors: boardErrors } = await suite.open(boardAdmin);
    await boardPage.goto(`/agency/${board.id}`);
    await boardPage.getByRole('heading', { name: 'Completeness and timeliness of your agencies' }).waitFor();
    const harbor = boardPage.getByRole('row').filter({ hasText: 'Harbor Police' });
    await harbor.getByText('13%').waitFor();
    const valley = boardPage.getByRole('row').filter({ hasText: 'Valley Police' });
    expect(await valley.getByText('0%').first().isVisible()).toBe(true);
    await boardPage
      .getByRole('heading', { name: 'Completeness and timeliness of your agencies' })
      .scrollIntoViewIfNeeded();
    await screenshot(boardPage, 'completeness-superagency-home');
    expect([...errors, ...boardErrors]).toEqual([]);
  });

  it('shows staff participation on a map of states and counties, and by state, sector and agency', async () => {
    const staff = await givenUser(suite.server.database.db, { isPlatformAdmin: true, name: 'Sam Staff' });
    const { page, errors } = await suite.open(staff);
    await page.goto('/admin-panel');
    await page.getByRole('tab', { name: 'Participation' }).click();
    const map = page.getByRole('img', { name: /Map of participation: 1 state and 2 counties/ });
    await map.waitFor();
    // Every state is drawn; the two counties with an agency are drawn over them.
    await page.locator('path.map-county').first().waitFor();
    expect(await page.locator('path.map-state').count()).toBeGreaterThan(50);
    expect(await page.locator('path.map-county').count()).toBe(2);
    expect(await page.locator('path.map-county title').allTextContents()).toEqual(
      expect.arrayContaining([
        'San Mateo: 1 agency, 1 reporting, 13% of switched-on metrics reported',
        'Fresno: 1 agency, 0 reporting, 0% of switched-on metrics reported',
      ]),
    );
    const california = page.getByRole('table', { name: 'By state' }).getByRole('row').filter({ hasText: 'California' });
    expect(await california.getByRole('cell').allTextContents()).toEqual([
      'California',
      '3',
      '1',
      '8%',
      '6%',
      '4 days',
    ]);
    await page
      .getByRole('table', { name: 'By sector' })
      .getByRole('row')
      .filter({ hasText: 'Law Enforcement' })
      .waitFor();
    await page.getByRole('table', { name: 'Agencies' }).getByRole('row').filter({ hasText: 'Valley Police' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/admin/completeness/csv');
    await screenshot(page, 'completeness-participation-map');
    await expectNoSeriousA11yViolations(page, 'participation');
    expect(errors).toEqual([]);
  });
});
