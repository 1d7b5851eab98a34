/**
 * Breakdowns that do not add up, in Chromium: the form warns beside the metric as values are typed,
 * Review lists every such metric, and publishing (one record, or several from the Records page)
 * asks for an explanation first, naming the metric and the breakdown. At desktop and phone widths.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report } from '../server/src/db/schema.ts';
import { signIn } from '../server/test/support/given.ts';
import { ARRESTS, currentVersion, givenReport, OFFENSE } from '../server/test/support/given-reports.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const SENTENCE = 'The Offense Types breakdown adds up to 35, more than the total of 30.';
/** The server's flag: the same finding, naming the metric. */
const FLAG = 'The Offense Types breakdown of Arrests adds up to 35, more than the total of 30.';

async function statusOf(reportId: number) {
  const [row] = await suite.server.database.db.select().from(report).where(eq(report.id, reportId));
  return row?.status;
}

describe('breakdowns that do not add up', () => {
  for (const [width, viewport] of Object.entries(viewports)) {
    it(`are flagged in the form and on Review, and publishing asks first (${width})`, async () => {
      const db = suite.server.database.db;
      const { page, errors, agency } = await suite.openAsMember({
        agency: { name: `Shelbyville Police Department ${width}` },
        name: 'Ada Admin',
        viewport,
      });
      const record = await givenReport(db, agency, { year: 2024, month: 3 });

      await page.goto(`/agency/${agency.id}/records/${record.id}`);
      await heading(page, 'March 2024');
      const arrests = page.getByRole('region', { name: 'Arrests' });
      await arrests.getByRole('textbox', { name: 'Arrests', exact: true }).fill('30');
      await arrests.getByRole('tab', { name: 'Offense Types' }).click();
      await arrests.getByRole('textbox', { name: 'Drug Offenses' }).fill('20');
      await arrests.getByText('The Offense Types breakdown adds up to 20, less than the total of 30.').waitFor();
      await arrests.getByRole('textbox', { name: 'Person Offenses' }).fill('10');
      expect(await arrests.getByText('Breakdowns that do not add up').count()).toBe(0);
      await arrests.getByRole('textbox', { name: 'Person Offenses' }).fill('15');
      const warning = arrests.getByText(SENTENCE);
      await warning.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
      await warning.scrollIntoViewIfNeeded();
      await screenshot(page, `breakdown-sums-form-${width}`);

      await page.getByRole('button', { name: 'Review' }).click();
      await heading(page, 'Review & Publish');
      const list = page.getByRole('region', { name: 'Breakdowns that do not add up' });
      expect(await list.textContent()).toContain('1 metric has breakdowns that do not add up');
      expect(await list.getByRole('link', { name: 'Arrests' }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Arrests' }).textContent()).toContain(SENTENCE);
      await screenshot(page, `breakdown-sums-review-${width}`);
      await expectNoSeriousA11yViolations(page, 'review with breakdowns that do not add up');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const ask = page.getByRole('dialog', { name: 'Explain before publishing' });
      await ask.waitFor();
      expect(await ask.textContent()).toContain(FLAG);
      await screenshot(page, `breakdown-sums-confirm-${width}`);
      await expectNoSeriousA11yViolations(page, 'publish confirmation');
      await ask.getByRole('button', { name: 'Go back and check' }).click();
      expect(await ask.count()).toBe(0);
      expect(await statusOf(record.id)).toBe('DRAFT');

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await ask.getByRole('textbox', { name: FLAG }).fill('One arrest can count several offenses.');
      await ask.getByRole('button', { name: 'Publish with notes' }).click();
      await page.getByRole('dialog', { name: 'Data published!' }).waitFor();
      expect(await statusOf(record.id)).toBe('PUBLISHED');
      expect(errors).toEqual([]);
    });
  }

  it('asks for an explanation before publishing several records, naming the record whose breakdown does not add up', async () => {
    const db = suite.server.database.db;
    const { page, agency, user } = await suite.openAsMember({
      agency: { name: 'Capital City Police Department' },
      name: 'Ada Admin',
    });
    const april = await givenReport(db, agency, { year: 2024, month: 4 });
    const may = await givenReport(db, agency, { year: 2024, month: 5 });
    const headers = await signIn(suite.server.app, db, user);
    const save = async (reportId: number, person: number) =>
      suite.server.app.inject({
        method: 'PATCH',
        url: `/api/reports/${reportId}`,
        headers,
        payload: {
          status: 'DRAFT',
          time_loaded: await currentVersion(db, reportId),
          metrics: [
            {
              key: ARRESTS,
              value: 30,
              disaggregations: [
                {
                  key: OFFENSE,
                  dimensions: [
                    { key: 'Drug Offenses', value: 20 },
                    { key: 'Person Offenses', value: person },
                  ],
                },
              ],
            },
          ],
        },
      });
    expect((await save(april.id, 10)).statusCode).toBe(200);
    expect((await save(may.id, 15)).statusCode).toBe(200);

    await page.goto(`/agency/${agency.id}/records/bulk-review?ids=${april.id},${may.id}&action=publish`);
    await heading(page, 'Review & Publish');
    expect(await page.getByRole('region', { name: 'Arrests' }).textContent()).toContain(`May 2024: ${SENTENCE}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Explain before publishing' });
    expect(await ask.textContent()).toContain(`May 2024: ${FLAG}`);
    expect(await ask.textContent()).not.toContain('April 2024');
    await screenshot(page, 'breakdown-sums-bulk-confirm');
    await ask.getByRole('textbox', { name: `May 2024: ${FLAG}` }).fill('One arrest can count several offenses.');
    await ask.getByRole('button', { name: 'Publish with notes' }).click();
    await page.getByRole('dialog', { name: '2 records published!' }).waitFor();
    const rows = await db
      .select()
      .from(report)
      .where(inArray(report.id, [april.id, may.id]));
    expect(rows.map((row) => row.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
  });
});
