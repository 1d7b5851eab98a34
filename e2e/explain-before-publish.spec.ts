/**
 * Explain before publish, in Chromium: Review lists a figure far from the agency's usual January,
 * Publish opens "Explain before publishing" with a field for it, and the explanation then shows
 * with the figure on the public dashboard, signed out.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { report } from '../server/src/db/schema.ts';
import {
  ARRESTS,
  givenDashboardAgency,
  givenRecordWithValues,
  givenUsualSettings,
} from '../server/test/support/given-public-data.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const SENTENCE = 'Arrests is 400, 4 times the usual January (median 100).';
const NOTE = 'Two neighbouring towns joined our department in January.';

describe('explain before publish', () => {
  it('asks for an explanation of an unusual figure and publishes it as a note on the dashboard', async () => {
    const db = suite.server.database.db;
    const agency = await givenDashboardAgency(db, { name: 'Springfield Police Department' });
    await givenUsualSettings(db, agency);
    for (const [year, month] of [[2021, 1], [2022, 1], ...Array.from({ length: 12 }, (_, i) => [2023, i + 1])]) {
      await givenRecordWithValues(db, agency, { year: year!, month: month!, status: 'PUBLISHED' }, [
        { metric: ARRESTS, value: '100' },
      ]);
    }
    const january = await givenRecordWithValues(db, agency, { year: 2024, month: 1, status: 'DRAFT' }, [
      { metric: ARRESTS, value: '400' },
    ]);
    const { page, errors } = await suite.openAsMemberOf(agency, { name: 'Ada Admin' });

    await page.goto(`/agency/${agency.id}/records/${january.id}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review & Publish' }).waitFor();
    const flags = page.getByRole('region', { name: 'Figures to explain' });
    expect(await flags.textContent()).toContain(`1 figure needs a second look before publishing:${SENTENCE}`);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Explain before publishing' });
    await ask.waitFor();
    const publish = ask.getByRole('button', { name: 'Publish with notes' });
    expect(await publish.isDisabled()).toBe(true);
    await ask.getByRole('textbox', { name: SENTENCE }).fill(NOTE);
    await screenshot(page, 'explain-before-publish-dialog');
    await expectNoSeriousA11yViolations(page, 'explain before publishing');
    await publish.click();
    await page.getByRole('dialog', { name: 'Data published!' }).waitFor();
    const [row] = await db.select().from(report).where(eq(report.id, january.id));
    expect(row?.status).toBe('PUBLISHED');

    const visitor = await suite.open();
    await visitor.page.goto(`/dashboards/${agency.id}/operations-and-dynamics`);
    const arrests = visitor.page.getByRole('region', { name: 'Arrests' });
    const notes = arrests.getByRole('region', { name: 'Notes from the agency' });
    await notes.waitFor();
    expect(await notes.textContent()).toContain(`January 2024: ${NOTE}`);
    await notes.scrollIntoViewIfNeeded();
    await screenshot(visitor.page, 'explain-before-publish-dashboard-note');
    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  });
});
