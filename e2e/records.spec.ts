/**
 * Records in Chromium: an agency admin creates a monthly record, types a total and a breakdown
 * value, sees each autosave confirmed, reviews and publishes, and finds the record published in
 * the list; the values and history are in the database.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datapoint, report } from '../server/src/db/schema.ts';
import { givenAgency, givenUser, type UserRow } from '../server/test/support/given.ts';
import { launchBrowser, openPage, screenshot, type OpenedPage } from './support/browser.ts';
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

async function open(user: UserRow) {
  const result = await openPage(browser, server.url);
  opened.push(result);
  await signInBrowser(result.context, server, user);
  return result;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ });

async function storedValues(reportId: number) {
  const rows = await server.database.db.select().from(datapoint).where(eq(datapoint.reportId, reportId));
  return Object.fromEntries(
    rows.map((r) => [`${r.metricDefinitionKey} ${JSON.stringify(r.dimensionIdentifierToMember)}`, r.value]),
  );
}

describe('records', () => {
  it('creates a monthly record, autosaves a total and a breakdown, reviews, publishes and lists it', async () => {
    const db = server.database.db;
    const agency = await givenAgency(db, { name: 'Springfield Police Department' });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    const { page, errors } = await open(admin);

    await page.goto(`/agency/${agency.id}/records`);
    await heading(page, 'Records');
    await page.getByRole('link', { name: 'New Record' }).first().click();
    await heading(page, 'New Record');
    await page.getByRole('combobox', { name: 'Month' }).selectOption({ label: 'March' });
    await page.getByRole('combobox', { name: 'Year' }).selectOption('2024');
    await page.getByText('March 1, 2024 – March 31, 2024').waitFor();
    await screenshot(page, 'records-create');
    await page.getByRole('button', { name: 'Create' }).click();

    await heading(page, 'March 2024');
    const reportId = Number(/records\/(\d+)/.exec(page.url())?.[1]);
    const arrests = page.getByRole('region', { name: 'Arrests' });
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
    await page.getByRole('button', { name: 'Publish' }).click();
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
    expect(stored).toMatchObject({ status: 'PUBLISHED', modifiedBy: [admin.id] });
    expect(errors).toEqual([]);
  });
});
