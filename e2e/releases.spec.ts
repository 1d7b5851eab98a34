/**
 * Public releases in Chromium: an agency publishes a record, then corrects a published figure; a
 * visitor, signed out, sees the current release on the dashboard, opens it, reads what changed
 * and copies the citation for one metric.
 */
import { describe, expect, it } from 'vitest';
import { givenUser, signIn } from '../server/test/support/given.ts';
import { givenDashboardAgency, givenUsualSettings } from '../server/test/support/given-public-data.ts';
import { arrests, givenReport, recordSaver } from '../server/test/support/given-reports.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

/** Harbor Police publishes January 2024 with 7 arrests, then corrects them to 8. */
async function givenCorrectedRelease() {
  const { app, database } = suite.server;
  const agency = await givenDashboardAgency(database.db, { name: 'Harbor Police Department' });
  await givenUsualSettings(database.db, agency);
  const admin = await givenUser(database.db, { agency, role: 'AGENCY_ADMIN' });
  const headers = await signIn(app, database.db, admin);
  const record = await givenReport(database.db, agency, { year: 2024, month: 1 });
  const save = recordSaver(suite.server, headers, record.id);
  for (const value of [7, 8]) await save({ status: 'PUBLISHED', metrics: [arrests(value)] });
  return agency;
}

describe('public releases', () => {
  it('shows the current release on the dashboard, what changed in it, and how to cite it', async () => {
    const agency = await givenCorrectedRelease();
    const { page, context, errors } = await suite.open(undefined, viewports.desktop);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/dashboards/${agency.id}`);
    await page.getByRole('heading', { level: 1, name: 'Harbor Police Department' }).waitFor();
    await page.getByRole('link', { name: /^Release 2, / }).click();

    await page.getByRole('heading', { level: 1, name: 'Release 2' }).waitFor();
    await page.getByText('1 figure changed since release 1.').waitFor();
    const table = page.getByRole('table', { name: 'What changed in this release' });
    const row = table.getByRole('row').nth(1);
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Arrests', 'January 1, 2024', 'Total', '7', '8']);

    await page.getByLabel('Metric').selectOption({ label: 'Arrests' });
    const cite = page.getByRole('region', { name: 'Cite this' });
    await cite.getByText(/^Harbor Police Department\. Arrests, release 2 \(/).waitFor();
    await cite.getByRole('button', { name: 'Copy citation' }).click();
    await cite.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`/dashboards/${agency.id}/releases/2?metric=LAW_ENFORCEMENT_ARRESTS`);
    await screenshot(page, 'release-page');

    await page.getByRole('link', { name: 'Release 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Release 1' }).waitFor();
    await page.getByText('1 figure added since the start.').waitFor();
    expect(errors).toEqual([]);
  });
});
