/**
 * A read-only member opens a record: everything is shown, nothing can be typed, there is no way
 * to review or publish, and nothing reaches the database.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datapoint } from '../server/src/db/schema.ts';
import { givenReport } from '../server/test/support/given-reports.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('records for a read-only member', () => {
  it('shows the form but lets nobody type into it', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Shelbyville Police Department' },
      role: 'READ_ONLY',
      name: 'Rita Reader',
    });
    const record = await givenReport(db, agency, { year: 2024, month: 5, status: 'DRAFT' });

    await page.goto(`/agency/${agency.id}/records`);
    await page.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
    expect(await page.getByRole('link', { name: 'New Record' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bulk Actions' }).count()).toBe(0);
    await page.getByRole('link', { name: 'May 2024' }).click();

    await page.getByRole('heading', { level: 1, name: 'May 2024' }).waitFor();
    await page.getByText('You have read-only access').waitFor();
    const total = page.getByRole('region', { name: 'Arrests' }).getByRole('textbox', { name: 'Arrests', exact: true });
    expect(await total.isDisabled()).toBe(true);
    await total.click({ force: true });
    await page.keyboard.type('999');
    expect(await total.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Review' }).isDisabled()).toBe(true);
    // Read-only is not blind: other breakdowns and the change history stay open to them.
    await page.getByRole('region', { name: 'Arrests' }).getByRole('tab', { name: 'Biological Sex' }).click();
    expect(await page.getByRole('textbox', { name: 'Female Biological Sex' }).isDisabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'records-read-only');

    expect(await db.select().from(datapoint).where(eq(datapoint.reportId, record.id))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
