/**
 * Edits are never lost or misattributed, in Chromium: a record reopened after a save shows the
 * saved values and takes further edits without a conflict (in-app link and browser Back); a
 * conflict is reported only when another tab or another person really changed the record, and
 * names them correctly; a value typed just before leaving (header link, agency switcher, Back,
 * closing the tab) is saved rather than dropped.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { datapoint } from '../server/src/db/schema.ts';
import { givenAgency, givenMembership, givenUser, type AgencyRow } from '../server/test/support/given.ts';
import { givenReport, type ReportRow } from '../server/test/support/given-reports.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ });
const arrestsTotal = (page: Page) =>
  page.getByRole('region', { name: 'Arrests' }).getByRole('textbox', { name: 'Arrests', exact: true });

async function storedArrests(reportId: number) {
  const rows = await suite.server.database.db.select().from(datapoint).where(eq(datapoint.reportId, reportId));
  return rows.find((row) => row.metricDefinitionKey === 'LAW_ENFORCEMENT_ARRESTS' && !row.dimensionIdentifierToMember)
    ?.value;
}

const pollArrests = (record: ReportRow) => expect.poll(() => storedArrests(record.id), { timeout: 15_000 });

async function givenDraft(name: string, month: number) {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, { name });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
  const record = await givenReport(db, agency, { year: 2024, month, status: 'DRAFT', lastModifiedAt: new Date() });
  return { agency, admin, record };
}

async function openRecord(page: Page, agency: AgencyRow, record: ReportRow, title: string) {
  await page.goto(`/agency/${agency.id}/records`);
  await heading(page, 'Records');
  await page.getByRole('link', { name: title }).click();
  await heading(page, title);
}

/** Types a value and leaves the field, as a person does before clicking elsewhere. */
async function typeAndTab(page: Page, value: string) {
  await arrestsTotal(page).fill(value);
  await arrestsTotal(page).press('Tab');
}

describe('record edits', () => {
  it('shows the saved value when a record is reopened from the list, and saves the next edit', async () => {
    const { agency, admin, record } = await givenDraft('Stale Cache Police Department', 1);
    const { page, errors } = await suite.open(admin);
    await openRecord(page, agency, record, 'January 2024');
    await arrestsTotal(page).fill('120');
    await saved(page).waitFor();

    await page.getByRole('button', { name: 'Records' }).click();
    await heading(page, 'Records');
    await page.getByRole('link', { name: 'January 2024' }).click();
    await heading(page, 'January 2024');
    expect(await arrestsTotal(page).inputValue()).toBe('120');

    await arrestsTotal(page).fill('130');
    await saved(page).waitFor();
    await pollArrests(record).toBe('130');
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.goBack();
    await heading(page, 'Records');
    await page.goForward();
    await heading(page, 'January 2024');
    expect(await arrestsTotal(page).inputValue()).toBe('130');
    await arrestsTotal(page).fill('140');
    await saved(page).waitFor();
    await pollArrests(record).toBe('140');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says a change came from another tab, not from someone else, when the same person edited there', async () => {
    const { agency, admin, record } = await givenDraft('Two Tabs Police Department', 2);
    const { page: first, context } = await suite.open(admin);
    await first.goto(`/agency/${agency.id}/records/${record.id}`);
    await heading(first, 'February 2024');
    const second = await context.newPage();
    await second.goto(`/agency/${agency.id}/records/${record.id}`);
    await heading(second, 'February 2024');
    await arrestsTotal(second).fill('55');
    await saved(second).waitFor();

    await arrestsTotal(first).fill('66');
    const conflict = first.getByRole('alert').filter({ hasText: 'another tab or window' });
    await conflict.waitFor();
    expect(await conflict.textContent()).not.toContain('Someone else');
    await pollArrests(record).toBe('55');
  });

  it('saves a value typed just before the person clicks Home in the header', async () => {
    const { agency, admin, record } = await givenDraft('Header Link Police Department', 3);
    const { page, errors } = await suite.open(admin);
    await openRecord(page, agency, record, 'March 2024');
    await typeAndTab(page, '310');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await pollArrests(record).toBe('310');
    expect(errors).toEqual([]);
  });

  it('saves a value typed just before the person switches agency', async () => {
    const { agency, admin, record } = await givenDraft('Switcher Police Department', 4);
    const other = await givenAgency(suite.server.database.db, { name: 'Other County Sheriff' });
    await givenMembership(suite.server.database.db, admin, other, 'AGENCY_ADMIN');
    const { page } = await suite.open(admin);
    await openRecord(page, agency, record, 'April 2024');
    await typeAndTab(page, '410');
    await page.getByRole('button', { name: /Switch agency/ }).click();
    await page.getByRole('link', { name: 'Other County Sheriff' }).click();
    await page.waitForURL(new RegExp(`/agency/${other.id}`));
    await pollArrests(record).toBe('410');
  });

  it('saves a value typed just before the person goes Back', async () => {
    const { agency, admin, record } = await givenDraft('Back Button Police Department', 5);
    const { page } = await suite.open(admin);
    await openRecord(page, agency, record, 'May 2024');
    await typeAndTab(page, '510');
    await page.goBack();
    await heading(page, 'Records');
    await pollArrests(record).toBe('510');
  });

  it('keeps the person on the record, asking, when what they typed cannot be saved', async () => {
    const { agency, admin, record } = await givenDraft('Bad Value Police Department', 7);
    const { page } = await suite.open(admin);
    await openRecord(page, agency, record, 'July 2024');
    await typeAndTab(page, '12 arrests');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.getByRole('button', { name: 'Stay on this record' }).click();
    await heading(page, 'July 2024');
    expect(await arrestsTotal(page).inputValue()).toBe('12 arrests');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    expect(await storedArrests(record.id)).toBeUndefined();
  });

  it('asks before the tab closes with a save still waiting, and saves it when the person stays', async () => {
    const { agency, admin, record } = await givenDraft('Closing Tab Police Department', 6);
    const { page } = await suite.open(admin);
    await openRecord(page, agency, record, 'June 2024');
    await typeAndTab(page, '610');
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      });
      page.once('close', () => resolve('closed without asking'));
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await pollArrests(record).toBe('610');
  });
});
