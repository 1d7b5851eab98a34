/**
 * Set Up Metrics in Chromium: an agency admin switches a metric off, turns on a breakdown and
 * changes a definition, and finds all three kept after a reload; a read-only member sees the same
 * screens with nothing to change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency, givenSuperagencyWithChild } from '../server/test/support/given.ts';
import { screenshot, setChecked } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const list = (page: Page, name: string) => page.getByRole('region', { name });

async function openMetric(page: Page, listName: string, metric: string) {
  await list(page, listName)
    .getByRole('link', { name: new RegExp(`^${metric}`) })
    .click();
  await page.getByRole('heading', { level: 1, name: metric }).waitFor();
}

/**
 * Ticks a setting that saves at once. The screen shows the choice once its save has started (a
 * read-back still in flight is cancelled first), so wait for that rather than expect it at once.
 */
async function choose(page: Page, role: 'radio' | 'checkbox', name: string) {
  await page.getByRole(role, { name }).click();
  await page.getByRole(role, { name, checked: true }).waitFor();
}

/** Client-side navigation: the click resolves before the overview has rendered, so wait for it. */
async function backToOverview(page: Page) {
  await page.getByRole('link', { name: '← Metrics' }).click();
  await page.getByRole('heading', { level: 1, name: 'Metric Settings' }).waitFor();
}

async function expectSaved(page: Page) {
  await page.getByRole('status').filter({ hasText: 'Settings saved.' }).last().waitFor();
}

describe('Set Up Metrics', () => {
  it('keeps an admin’s changes to availability, breakdowns and definitions across a reload', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Springfield State Prison', systems: ['PRISONS'] },
      name: 'Ada Admin',
    });

    await page.goto(`/agency/${agency.id}/metric-config`);
    await page.getByRole('heading', { level: 1, name: 'Metric Settings' }).waitFor();
    expect(await list(page, 'Action required').getByRole('link').count()).toBe(9);
    await screenshot(page, 'metric-config-overview');

    // Switch Funding off.
    await openMetric(page, 'Action required', 'Funding');
    await choose(page, 'radio', 'Not Available');
    await expectSaved(page);
    await backToOverview(page);

    // Report Staff annually, on a fiscal year, with the security staff breakdown.
    await openMetric(page, 'Action required', 'Staff');
    await choose(page, 'radio', 'Annually');
    await expectSaved(page);
    await choose(page, 'radio', 'Fiscal Year (Jul)');
    await choose(page, 'checkbox', 'Security Staff');
    await expectSaved(page);
    await screenshot(page, 'metric-config-configure');

    // Count volunteers, and say so.
    await page.getByRole('tab', { name: 'Define Metrics' }).click();
    await page.getByRole('button', { name: /Edit definition of Staff \(Total\)/ }).click();
    const dialog = page.getByRole('dialog');
    await setChecked(dialog.getByRole('checkbox', { name: /^Volunteer/ }), true);
    await dialog.getByRole('textbox').fill('We also count chaplains on contract.');
    await screenshot(page, 'metric-config-definition');
    await dialog.getByRole('button', { name: 'Complete Configuration & Save' }).click();
    await expectSaved(page);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Annually' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Fiscal Year (Jul)' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Security Staff' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Clinical and Medical Staff' }).isChecked()).toBe(false);
    await page.getByRole('tab', { name: 'Define Metrics' }).click();
    expect(await page.getByText('(Configuration Complete)').count()).toBe(1);
    await page.getByRole('button', { name: /Edit definition of Staff \(Total\)/ }).click();
    expect(await dialog.getByRole('checkbox', { name: /^Volunteer/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox').inputValue()).toBe('We also count chaplains on contract.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await backToOverview(page);
    expect(
      await list(page, 'Unavailable metrics')
        .getByRole('link', { name: /Funding/ })
        .count(),
    ).toBe(1);
    await list(page, 'Available').getByText('annually (from July)').waitFor();
    await screenshot(page, 'metric-config-overview-after');
    expect(errors).toEqual([]);
  });

  it('sets the race and ethnicity breakdown through its two-question form', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Capital City Prison', systems: ['PRISONS'] },
    });

    await page.goto(`/agency/${agency.id}/metric-config`);
    await openMetric(page, 'Action required', 'Daily Population');
    await choose(page, 'radio', 'Monthly');
    await expectSaved(page);
    await page.getByRole('button', { name: 'Race and Ethnicity Form →' }).click();
    const dialog = page.getByRole('dialog');
    await setChecked(dialog.getByRole('radio', { name: 'No' }), true);
    await setChecked(dialog.getByRole('checkbox', { name: 'Hispanic or Latino' }), true);
    await setChecked(dialog.getByRole('checkbox', { name: 'White', exact: true }), true);
    await setChecked(dialog.getByRole('checkbox', { name: 'Black', exact: true }), true);
    expect(await dialog.getByRole('checkbox', { name: 'Unknown', exact: true }).isChecked()).toBe(true);
    await screenshot(page, 'metric-config-race-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Daily Population' }).waitFor();
    const grid = page.getByRole('table', { name: 'Race and ethnicity categories your agency reports' });
    expect(await grid.getByText('Reported', { exact: true }).count()).toBe(4);
    await screenshot(page, 'metric-config-race-grid');
    expect(errors).toEqual([]);
  });

  it('splits a supervision metric by population and sets each population’s frequency', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: {
        name: 'County Community Corrections',
        systems: ['SUPERVISION', 'PAROLE', 'PROBATION'],
      },
    });

    await page.goto(`/agency/${agency.id}/metric-config`);
    await openMetric(page, 'Action required', 'Funding');
    await choose(page, 'radio', 'Disaggregated');
    await expectSaved(page);
    await page.getByRole('checkbox', { name: 'Probation' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Parole' }).isChecked()).toBe(true);
    await setChecked(page.getByRole('checkbox', { name: 'Probation' }), false);
    await expectSaved(page);
    await page.getByLabel('Supervision population').selectOption({ label: 'Parole' });
    await choose(page, 'radio', 'Annually');
    await expectSaved(page);
    await screenshot(page, 'metric-config-supervision');
    await backToOverview(page);
    // The sub-population's frequency shows once the read-back of what the server changed arrives.
    await list(page, 'Available').getByText('annually (Parole)').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a read-only member every setting with nothing to change', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Shelbyville Police', systems: ['LAW_ENFORCEMENT'] },
      role: 'READ_ONLY',
      name: 'Rita Reader',
    });

    await page.goto(`/agency/${agency.id}/metric-config`);
    await page.getByText('You can view these settings. Only agency admins can change them.').waitFor();
    await openMetric(page, 'Action required', 'Calls for Service');
    expect(await page.getByRole('radio', { name: 'Monthly' }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Emergency Calls', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Complete Configuration' }).isDisabled()).toBe(true);
    await screenshot(page, 'metric-config-read-only');
    expect(errors).toEqual([]);
  });
  it('lets a superagency admin switch to a child agency’s metrics, set one, and come back', async () => {
    const db = suite.server.database.db;
    const { superagency: state, child: county } = await givenSuperagencyWithChild(db, {
      name: 'State Court Administration',
      sectors: ['COURTS_AND_PRETRIAL'],
      child: { name: 'Clark County Jail', systems: ['JAILS'] },
    });
    const { page, errors } = await suite.openAsMemberOf(state);

    await page.goto(`/agency/${state.id}/metric-config`);
    await page.getByRole('heading', { level: 1, name: 'Metric Settings' }).waitFor();
    await page.getByLabel('Select Child Agency').selectOption({ label: 'Clark County Jail' });
    await page.waitForURL(`**/agency/${county.id}/metric-config`);
    await openMetric(page, 'Action required', 'Funding');
    await choose(page, 'radio', 'Not Available');
    await expectSaved(page);
    await backToOverview(page);
    await list(page, 'Unavailable metrics')
      .getByRole('link', { name: /^Funding/ })
      .waitFor();
    await screenshot(page, 'metric-config-child-agency');
    await page.getByLabel('Select Child Agency').selectOption({ label: 'State Court Administration (Superagency)' });
    await page.waitForURL(`**/agency/${state.id}/metric-config`);
    expect(errors).toEqual([]);
  });

  it('lets a superagency with many children find one by typing part of its name', async () => {
    const db = suite.server.database.db;
    const { superagency: state } = await givenSuperagencyWithChild(db, {
      name: 'State Department of Corrections',
      sectors: ['PRISONS'],
      child: { name: 'Northern State Prison', systems: ['PRISONS'] },
    });
    for (const county of ['Adams', 'Baker', 'Clark', 'Dane', 'Essex', 'Fulton', 'Grant', 'Harris', 'Irwin']) {
      await givenAgency(db, { name: `${county} County Jail`, systems: ['JAILS'], superAgencyId: state.id });
    }
    const { page, errors } = await suite.openAsMemberOf(state);

    await page.goto(`/agency/${state.id}/metric-config`);
    await page.getByText('10 of 10 child agencies listed').waitFor();
    // A slip ("nrthrn") still finds it; the superagency stays in the list.
    await page.getByLabel('Find a child agency').fill('nrthrn');
    await page.getByText('1 of 10 child agencies listed').waitFor();
    const options = await page.getByLabel('Select Child Agency').locator('option').allTextContents();
    expect(options).toEqual(['State Department of Corrections (Superagency)', 'Northern State Prison']);
    await screenshot(page, 'child-agency-search');
    await page.getByLabel('Select Child Agency').selectOption({ label: 'Northern State Prison' });
    await page.waitForURL(/\/agency\/\d+\/metric-config$/);
    await page.getByLabel('Find a child agency').waitFor();
    expect(errors).toEqual([]);
  });
});
