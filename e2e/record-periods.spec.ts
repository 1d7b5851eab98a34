/**
 * Home and New Record point at periods that have ended, by the server's date (early December 2026
 * here): the task cards name November 2026 and calendar year 2025 even though an upload already
 * made December and 2026 records, and New Record suggests the latest ended month without a record
 * and never offers one that exists or is not over.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import { givenMetricSetting, givenReport } from '../server/test/support/given-reports.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

beforeAll(() => {
  suite.server.clock.set(new Date('2026-12-03T15:00:00Z'));
});

/** A police department reporting arrests monthly and funding by calendar year. */
async function givenPoliceDepartment() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, { name: 'Riverside Police Department', systems: ['LAW_ENFORCEMENT'] });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
  for (const key of ['LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT_FUNDING']) {
    await givenMetricSetting(db, agency, key, { is_metric_enabled: true });
  }
  return { agency, admin };
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const card = (page: Page, name: string) => page.getByRole('article', { name });
const selected = (page: Page, name: string) =>
  page.getByRole('combobox', { name, exact: true }).evaluate((select: HTMLSelectElement) => {
    return select.selectedOptions[0]?.textContent ?? '';
  });
const disabledOptions = (page: Page, name: string) =>
  page
    .getByRole('combobox', { name, exact: true })
    .evaluate((select: HTMLSelectElement) =>
      [...select.options].filter((o) => o.disabled).map((o) => o.textContent ?? ''),
    );

describe('periods that have ended', () => {
  it('Home names November and last year; New Record suggests them and offers nothing taken or unfinished', async () => {
    const db = suite.server.database.db;
    const { agency, admin } = await givenPoliceDepartment();
    // Records an upload made early: this month and this year, neither over yet; and October.
    await givenReport(db, agency, { year: 2026, month: 12 });
    await givenReport(db, agency, { frequency: 'ANNUAL', year: 2026, month: 1 });
    await givenReport(db, agency, { year: 2026, month: 10 });

    for (const [viewport, suffix] of [
      [viewports.desktop, ''],
      [viewports.mobile, '-mobile'],
    ] as const) {
      const { page, errors } = await suite.open(admin, viewport);
      await page.goto(`/agency/${agency.id}`);
      await heading(page, 'Welcome, Ada');
      await card(page, 'Add data: Arrests').getByText('There is no record for November 2026 yet.').waitFor();
      await card(page, 'Add data: Funding').getByText('There is no Annual Record CY2025 yet.').waitFor();
      await screenshot(page, `home-ended-periods${suffix}`);
      expect(errors).toEqual([]);
    }

    const { page, errors } = await suite.open(admin);
    await page.goto(`/agency/${agency.id}`);
    await card(page, 'Add data: Funding').getByRole('link', { name: 'Manual Entry' }).click();
    await heading(page, 'New Record');
    expect(await page.getByRole('radio', { name: 'Annual' }).isChecked()).toBe(true);
    expect(await selected(page, 'Year')).toBe('2025');
    expect(await disabledOptions(page, 'Year')).toEqual(['2026 (not ended yet)']);
    await page.getByText('January 1, 2025 – December 31, 2025').waitFor();

    await page.goto(`/agency/${agency.id}`);
    await card(page, 'Add data: Arrests').getByRole('link', { name: 'Manual Entry' }).click();
    await heading(page, 'New Record');
    expect(await selected(page, 'Month')).toBe('November');
    expect(await selected(page, 'Year')).toBe('2026');
    expect(await disabledOptions(page, 'Month')).toEqual(['October (has a record)', 'December (not ended yet)']);
    expect((await page.getByRole('combobox', { name: 'Year', exact: true }).textContent())?.includes('2027')).toBe(
      false,
    );
    await screenshot(page, 'records-create-ended');
    await page.getByRole('button', { name: 'Create' }).click();
    await heading(page, 'November 2026');

    // Back on New Record: November and October are taken now, so September is suggested.
    await page.goto(`/agency/${agency.id}/records/create`);
    await heading(page, 'New Record');
    expect(await selected(page, 'Month')).toBe('September');
    expect(await disabledOptions(page, 'Month')).toEqual([
      'October (has a record)',
      'November (has a record)',
      'December (not ended yet)',
    ]);
    // A year whose months are all over offers every month.
    await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2025');
    expect(await disabledOptions(page, 'Month')).toEqual([]);
    expect(await selected(page, 'Month')).toBe('September');
    expect(errors).toEqual([]);
  });
});
