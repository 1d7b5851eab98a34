/**
 * Home in Chromium: an agency admin's task cards lead to Set Up Metrics, data entry, New Record and
 * review; a read-only member is offered no entry or upload; an agency with nothing left to do is
 * told so; a superagency member browses, searches and filters child agencies, edits an Upload ID,
 * undoes it, and opens a child agency's Home.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  givenAgency,
  givenSuperagencyWithChild,
  givenUser,
  signIn,
  type AgencyRow,
} from '../server/test/support/given.ts';
import { givenMetricSetting, givenReport, patchReport } from '../server/test/support/given-reports.ts';
import { screenshot, setChecked, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

// Early April 2024: March 2024 is the latest month that has ended, 2023 the latest year.
beforeAll(() => {
  suite.server.clock.set(new Date('2024-04-03T15:00:00Z'));
});

const LAW_ENFORCEMENT_OFF = [
  'LAW_ENFORCEMENT_EXPENSES',
  'LAW_ENFORCEMENT_REPORTED_CRIME',
  'LAW_ENFORCEMENT_USE_OF_FORCE_INCIDENTS',
  'LAW_ENFORCEMENT_COMPLAINTS_SUSTAINED',
];

/**
 * A police department that reports arrests, calls for service and funding, has not answered for
 * staff, and has a March 2024 record holding calls for service but no arrests.
 */
async function givenPoliceDepartment() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, { name: 'Riverside Police Department', systems: ['LAW_ENFORCEMENT'] });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
  for (const key of ['LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', 'LAW_ENFORCEMENT_FUNDING']) {
    await givenMetricSetting(db, agency, key, { is_metric_enabled: true });
  }
  for (const key of LAW_ENFORCEMENT_OFF) await givenMetricSetting(db, agency, key, { is_metric_enabled: false });
  const march = await givenReport(db, agency, { year: 2024, month: 3 });
  const headers = await signIn(suite.server.app, db, admin);
  await patchReport(suite.server, headers, march.id, {
    status: 'DRAFT',
    metrics: [{ key: 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', value: 1250 }],
  });
  return { agency, admin, march };
}

const card = (page: Page, name: string) => page.getByRole('article', { name });
const expectHeading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

async function openHome(page: Page, agency: AgencyRow) {
  await page.goto(`/agency/${agency.id}`);
  await expectHeading(page, /^Welcome/);
}

describe('Home', () => {
  it('shows an admin what to set up, fill in and publish, and each card leads there', async () => {
    const { agency, admin, march } = await givenPoliceDepartment();
    const { page, errors } = await suite.open(admin);
    await openHome(page, agency);
    await expectHeading(page, 'Welcome, Ada');
    await page.getByText('See open tasks below.').waitFor();
    const names = await page
      .getByRole('article')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    expect(names).toEqual(['Set up: Staff', 'Add data: Funding', 'Add data: Arrests', 'Publish: March 2024']);
    await card(page, 'Publish: March 2024').getByText('Calls for Service').waitFor();
    await screenshot(page, 'home-tasks');

    await card(page, 'Set up: Staff').getByRole('link', { name: 'Set Metric Availability' }).click();
    await expectHeading(page, 'Staff');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('LAW_ENFORCEMENT_TOTAL_STAFF');

    await openHome(page, agency);
    await card(page, 'Add data: Arrests').getByRole('link', { name: 'Manual Entry' }).click();
    await page.waitForURL(`**/agency/${agency.id}/records/${march.id}#metric-LAW_ENFORCEMENT_ARRESTS`);

    await openHome(page, agency);
    await card(page, 'Add data: Funding').getByText('There is no Annual Record CY2023 yet.').waitFor();
    await card(page, 'Add data: Funding').getByRole('link', { name: 'Manual Entry' }).click();
    await page.waitForURL(`**/agency/${agency.id}/records/create?frequency=ANNUAL&start=2023-01-01`);

    await openHome(page, agency);
    await card(page, 'Publish: March 2024').getByRole('link', { name: 'Review and Publish' }).click();
    await page.waitForURL(`**/agency/${agency.id}/records/${march.id}/review`);
    expect(errors).toEqual([]);
  });

  it('offers a read-only member no data entry or upload, only a look at records, on a phone', async () => {
    const { agency } = await givenPoliceDepartment();
    const { page, errors } = await suite.openAsMemberOf(agency, {
      role: 'READ_ONLY',
      name: 'Rita Reader',
      viewport: viewports.mobile,
    });
    await openHome(page, agency);
    await card(page, 'Add data: Funding').getByText('There is no Annual Record CY2023 yet.').waitFor();
    // Their role (the server's can) allows neither entry nor upload, so neither is offered.
    expect(await page.getByRole('link', { name: 'Manual Entry' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Manual Entry' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Bulk Upload|Upload a spreadsheet/ }).count()).toBe(0);
    await card(page, 'Add data: Arrests').getByRole('link', { name: 'View Record' }).waitFor();
    await card(page, 'Publish: March 2024').getByRole('link', { name: 'View Record' }).waitFor();
    await screenshot(page, 'home-read-only-mobile');
    expect(errors).toEqual([]);
  });

  it('says every task is complete when every figure is in and published', async () => {
    const db = suite.server.database.db;
    const { page, agency, user } = await suite.openAsMember({
      agency: { name: 'Lakeside Jail', systems: ['JAILS'] },
      name: 'Grace Hopper',
    });
    // Every jail metric switched off: there is nothing to set up, fill in or publish.
    const headers = await signIn(suite.server.app, db, user);
    const metrics = (
      await suite.server.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/metrics`, headers })
    ).json() as { key: string }[];
    const put = await suite.server.app.inject({
      method: 'PUT',
      url: `/api/agencies/${agency.id}/metrics`,
      headers,
      payload: { metrics: metrics.map((m) => ({ key: m.key, enabled: false })) },
    });
    expect(put.statusCode).toBe(200);
    await openHome(page, agency);
    await page.getByRole('heading', { name: 'All tasks complete' }).waitFor();
    await page.getByText('Dashboards are updated with the latest published records.').waitFor();
    await screenshot(page, 'home-all-done');
  });
});

describe('Home of a superagency', () => {
  async function givenStateDepartment() {
    const db = suite.server.database.db;
    const { superagency: state, child: first } = await givenSuperagencyWithChild(db, {
      name: 'State Department of Corrections',
      sectors: ['PRISONS', 'SUPERVISION'],
      child: { name: 'State Prison 01', systems: ['PRISONS'], customChildAgencyName: 'PRISON-01' },
    });
    const children: AgencyRow[] = [first];
    for (let i = 2; i <= 17; i += 1) {
      const prison = i % 4 !== 0;
      children.push(
        await givenAgency(db, {
          name: prison ? `State Prison ${String(i).padStart(2, '0')}` : `Parole District ${i}`,
          systems: prison ? ['PRISONS'] : ['SUPERVISION', 'PAROLE', 'PROBATION', 'PRETRIAL_SUPERVISION'],
          superAgencyId: state.id,
        }),
      );
    }
    const member = await givenUser(db, { agency: state, role: 'CONTRIBUTOR', name: 'Lin Contributor' });
    return { state, children, member };
  }

  it('lists, searches, filters and pages child agencies, edits an Upload ID and opens a child', async () => {
    const { state, children, member } = await givenStateDepartment();
    const { page, errors } = await suite.open(member);
    await openHome(page, state);
    await page.getByText('Browse your child agencies below.').waitFor();
    const table = page.getByRole('table', { name: 'Child agencies' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(15);
    await page.getByText('1 – 15 of 17').waitFor();
    await screenshot(page, 'home-superagency');

    await page.getByRole('button', { name: 'Next' }).click();
    expect(await rows.count()).toBe(2);

    await page.getByRole('button', { name: /^Sectors:/ }).click();
    await setChecked(page.getByRole('checkbox', { name: 'Parole' }), true);
    await page.keyboard.press('Escape');
    expect(await rows.count()).toBe(4);
    await rows.first().getByText('+1 more').waitFor();

    await page.getByRole('searchbox', { name: 'Search child agencies' }).fill('district 12');
    expect(await rows.count()).toBe(1);
    // A slip in typing still finds it.
    await page.getByRole('searchbox', { name: 'Search child agencies' }).fill('dstrct 12');
    expect(await rows.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search child agencies' }).fill('');
    await page.getByRole('button', { name: /^Sectors:/ }).click();
    await setChecked(page.getByRole('checkbox', { name: 'Select All' }), true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Edit Upload ID of State Prison 02' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload ID' });
    await dialog.getByRole('textbox').fill('SP-02');
    await screenshot(page, 'home-upload-id');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Upload ID saved' }).waitFor();
    await table.getByText('SP-02').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: 'Upload ID change undone' }).waitFor();
    await table.getByText('SP-02').waitFor({ state: 'detached' });

    await table.getByRole('link', { name: 'State Prison 01' }).click();
    await page.waitForURL(`**/agency/${children[0]!.id}`);
    await page.getByText('State Prison 01 reports through').waitFor();
    await page.getByRole('link', { name: 'State Department of Corrections' }).first().waitFor();
    await screenshot(page, 'home-child-agency');
    expect(errors).toEqual([]);
  });

  it('lets a read-only member copy Upload IDs but not change them', async () => {
    const { state } = await givenStateDepartment();
    const { page, errors } = await suite.openAsMemberOf(state, { role: 'READ_ONLY' });
    await openHome(page, state);
    await page.getByRole('button', { name: 'Copy Upload ID of State Prison 01' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit Upload ID/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
