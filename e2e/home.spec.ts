/**
 * Home in Chromium: an agency admin's task cards lead to Set Up Metrics, data entry, New Record and
 * review; a read-only member cannot start a missing record; an agency with nothing left to do is
 * told so; a superagency member browses, searches and filters child agencies, edits an Upload ID,
 * undoes it, and opens a child agency's Home.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenAgency, givenUser, signIn, type AgencyRow, type UserRow } from '../server/test/support/given.ts';
import { givenMetricSetting, givenReport, patchReport } from '../server/test/support/given-reports.ts';
import { launchBrowser, openPage, screenshot, viewports, type OpenedPage } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { signInBrowser } from './support/session.ts';

let server: TestServer;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(opened.map((o) => o.context.close()));
  await browser?.close();
  await server?.close();
});

async function open(user: UserRow, viewport: { width: number; height: number } = viewports.desktop) {
  const result = await openPage(browser, server.url, viewport);
  opened.push(result);
  await signInBrowser(result.context, server, user);
  return result;
}

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
  const db = server.database.db;
  const agency = await givenAgency(db, { name: 'Riverside Police Department', systems: ['LAW_ENFORCEMENT'] });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
  for (const key of ['LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT_CALLS_FOR_SERVICE', 'LAW_ENFORCEMENT_FUNDING']) {
    await givenMetricSetting(db, agency, key, { is_metric_enabled: true });
  }
  for (const key of LAW_ENFORCEMENT_OFF) await givenMetricSetting(db, agency, key, { is_metric_enabled: false });
  const march = await givenReport(db, agency, { year: 2024, month: 3 });
  const headers = await signIn(server.app, db, admin);
  await patchReport(server, headers, march.id, {
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
    const { page, errors } = await open(admin);
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
    await card(page, 'Add data: Funding').getByText('There is no annual record for this metric yet.').waitFor();
    await card(page, 'Add data: Funding').getByRole('link', { name: 'Manual Entry' }).click();
    await page.waitForURL(`**/agency/${agency.id}/records/create`);

    await openHome(page, agency);
    await card(page, 'Publish: March 2024').getByRole('link', { name: 'Review and Publish' }).click();
    await page.waitForURL(`**/agency/${agency.id}/records/${march.id}/review`);
    expect(errors).toEqual([]);
  });

  it('keeps a read-only member from starting a record that does not exist, on a phone', async () => {
    const { agency } = await givenPoliceDepartment();
    const reader = await givenUser(server.database.db, { agency, role: 'READ_ONLY', name: 'Rita Reader' });
    const { page, errors } = await open(reader, viewports.mobile);
    await openHome(page, agency);
    const funding = card(page, 'Add data: Funding');
    expect(await funding.getByRole('button', { name: 'Manual Entry' }).isDisabled()).toBe(true);
    await funding.getByText('Ask an agency admin to create the annual record first.').waitFor();
    expect(await funding.getByRole('link', { name: 'Bulk Upload' }).count()).toBe(0);
    await card(page, 'Publish: March 2024').getByRole('link', { name: 'View Record' }).waitFor();
    await screenshot(page, 'home-read-only-mobile');
    expect(errors).toEqual([]);
  });

  it('says every task is complete when every figure is in and published', async () => {
    const db = server.database.db;
    const agency = await givenAgency(db, { name: 'Lakeside Jail', systems: ['JAILS'] });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Grace Hopper' });
    // Every jail metric switched off: there is nothing to set up, fill in or publish.
    const headers = await signIn(server.app, db, admin);
    const metrics = (
      await server.app.inject({ method: 'GET', url: `/api/agencies/${agency.id}/metrics`, headers })
    ).json() as { key: string }[];
    const put = await server.app.inject({
      method: 'PUT',
      url: `/api/agencies/${agency.id}/metrics`,
      headers,
      payload: { metrics: metrics.map((m) => ({ key: m.key, enabled: false })) },
    });
    expect(put.statusCode).toBe(200);
    const { page } = await open(admin);
    await openHome(page, agency);
    await page.getByRole('heading', { name: 'All tasks complete' }).waitFor();
    await page.getByText('Dashboards are updated with the latest published records.').waitFor();
    await screenshot(page, 'home-all-done');
  });
});

describe('Home of a superagency', () => {
  async function givenStateDepartment() {
    const db = server.database.db;
    const state = await givenAgency(db, {
      name: 'State Department of Corrections',
      systems: ['SUPERAGENCY', 'PRISONS', 'SUPERVISION'],
      isSuperagency: true,
    });
    const children: AgencyRow[] = [];
    for (let i = 1; i <= 17; i += 1) {
      const prison = i % 4 !== 0;
      children.push(
        await givenAgency(db, {
          name: prison ? `State Prison ${String(i).padStart(2, '0')}` : `Parole District ${i}`,
          systems: prison ? ['PRISONS'] : ['SUPERVISION', 'PAROLE', 'PROBATION', 'PRETRIAL_SUPERVISION'],
          superAgencyId: state.id,
          customChildAgencyName: i === 1 ? 'PRISON-01' : null,
        }),
      );
    }
    const member = await givenUser(db, { agency: state, role: 'CONTRIBUTOR', name: 'Lin Contributor' });
    return { state, children, member };
  }

  it('lists, searches, filters and pages child agencies, edits an Upload ID and opens a child', async () => {
    const { state, children, member } = await givenStateDepartment();
    const { page, errors } = await open(member);
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
    await page.getByRole('checkbox', { name: 'Parole' }).check();
    await page.keyboard.press('Escape');
    expect(await rows.count()).toBe(4);
    await rows.first().getByText('+1 more').waitFor();

    await page.getByRole('searchbox', { name: 'Search child agencies' }).fill('district 12');
    expect(await rows.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search child agencies' }).fill('');
    await page.getByRole('button', { name: /^Sectors:/ }).click();
    await page.getByRole('checkbox', { name: 'Select All' }).check();
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
    const reader = await givenUser(server.database.db, { agency: state, role: 'READ_ONLY' });
    const { page, errors } = await open(reader);
    await openHome(page, state);
    await page.getByRole('button', { name: 'Copy Upload ID of State Prison 01' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit Upload ID/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
