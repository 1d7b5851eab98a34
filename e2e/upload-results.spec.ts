/**
 * Upload results that tell the truth (issue 11, items 4–7), in Chromium: the headline and counts
 * come from what was written, blank values are skipped and counted, figures for a period that has
 * not ended are warned about before Publish, and a template with nothing switched on still opens.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishAll } from '../server/test/support/given-uploads.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const folder = mkdtempSync(path.join(tmpdir(), 'jc-upload-results-'));

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

async function uploadRows(page: Page, name: string, rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('arrests').addRows([['year', 'month', 'value'], ...rows]);
  const file = path.join(folder, name);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  await page.getByLabel('Spreadsheet file').setInputFiles(file);
}

describe('upload results', () => {
  for (const viewport of [viewports.desktop, viewports.mobile]) {
    const size = viewport.width;
    it(`count what was written, skip blank values, and warn about a period not over (${size} px)`, async () => {
      const db = suite.server.database.db;
      const now = new Date();
      const { page, errors, agency } = await suite.openAsMember({
        agency: { name: `Bayside Police ${size}`, systems: ['LAW_ENFORCEMENT'] },
        name: 'Ada Admin',
        viewport,
      });
      await page.goto(`/agency/${agency.id}/upload`);
      await heading(page, 'Upload Data');
      await uploadRows(page, `first-${size}.xlsx`, [[2025, 1, 5]]);
      await heading(page, 'Review Upload');
      await publishAll(db, agency.id);

      await page.goto(`/agency/${agency.id}/upload`);
      await heading(page, 'Upload Data');
      await uploadRows(page, `second-${size}.xlsx`, [
        [2025, 1, size],
        [2025, 2, null],
        [2025, 3, null],
        [2025, 4, 'twelve'],
        [2025, 5, null],
        [now.getUTCFullYear(), now.getUTCMonth() + 1, 4],
      ]);
      // The old page said "No metrics were saved successfully" although rows were saved.
      await heading(page, '2 rows saved');
      const summary = page.getByRole('region', { name: 'What was saved' });
      for (const line of [
        '3 blank rows skipped (no figure given).',
        '1 row not saved because of the problems listed below.',
        '1 record created, 1 record changed.',
        '1 published record went back to draft; publish again once you have checked the figures.',
        '1 error and 1 warning listed below.',
      ]) {
        await summary.getByText(line, { exact: true }).waitFor();
      }
      await page.getByText("Row 5: The 'value' column has an invalid value: twelve.").waitFor();
      expect(await page.getByText(/Empty 'value'/).count()).toBe(0);
      await page.getByText('Period Not Over').waitFor();
      await screenshot(page, `upload-result-${size}`);
      await expectNoSeriousA11yViolations(page, `upload result at ${size} px`);

      await page.getByRole('button', { name: 'Continue' }).click();
      await heading(page, 'Review Upload');
      const notice = page.getByRole('note', { name: 'Periods not over yet' });
      await notice.getByText(/not ended yet/).waitFor();
      await screenshot(page, `upload-review-${size}`);
      await expectNoSeriousA11yViolations(page, `upload review at ${size} px`);
      expect(errors).toEqual([]);
    });
  }

  it('gives an agency with no metric switched on a template Excel opens, saying why it is empty', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Quiet Valley Police', systems: ['LAW_ENFORCEMENT'] },
    });
    await page.goto(`/agency/${agency.id}/upload`);
    await heading(page, 'Upload Data');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Law Enforcement', exact: true }).click(),
    ]);
    const file = path.join(folder, `empty-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    // The old template had zero worksheets, which Excel reports as a damaged file.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Instructions']);
    const texts = workbook.worksheets[0]!.getColumn(1).values.map(String);
    expect(texts).toContain('Metrics included: none');
    expect(texts).toContain('Arrests');
    expect(errors).toEqual([]);
  });
});
