/**
 * Bulk upload in Chromium: an agency admin downloads the custom template, fills it in (ExcelJS),
 * first uploads a broken copy and reads the errors page, then uploads the filled template, reviews
 * the values, publishes, and finds every record published and the file in Uploaded Files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report } from '../server/src/db/schema.ts';
import { givenMetricSetting } from '../server/test/support/given-reports.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const folder = mkdtempSync(path.join(tmpdir(), 'jc-upload-'));

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** Every value cell of the template: totals get 10, the first member of each breakdown 10, the others 0. */
async function fillTemplate(template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  for (const sheet of workbook.worksheets.filter((candidate) => candidate.name !== 'Instructions')) {
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const valueColumn = header.indexOf('value');
    const firstMember = sheet.getRow(2).getCell(header.length - 2).value;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const isBreakdown = sheet.name.includes('_by_');
      const value = !isBreakdown || row.getCell(header.length - 2).value === firstMember ? 10 : 0;
      row.getCell(valueColumn).value = value;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function chooseFile(page: Page, name: string, content: Buffer) {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  await page.getByLabel('Spreadsheet file').setInputFiles(file);
}

describe('bulk upload', () => {
  it('downloads a template, uploads it filled in, reviews, publishes and lists the file', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Harbor City Police', systems: ['LAW_ENFORCEMENT'] },
      name: 'Ada Admin',
    });
    await givenMetricSetting(db, agency, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: true });

    await page.goto(`/agency/${agency.id}/upload`);
    await heading(page, 'Upload Data');
    await screenshot(page, 'upload-start');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Law Enforcement', exact: true }).click(),
    ]);
    const template = path.join(folder, download.suggestedFilename());
    await download.saveAs(template);
    const filled = await fillTemplate(readFileSync(template));

    const broken = new ExcelJS.Workbook();
    broken.addWorksheet('arrests').addRows([
      ['year', 'month', 'value'],
      [2023, 'Marchuary', 5],
    ]);
    await chooseFile(page, 'broken.xlsx', Buffer.from(await broken.xlsx.writeBuffer()));
    await heading(page, 'No rows were saved');
    await page.getByText("Row 2: The 'month' column has an invalid value: Marchuary.").waitFor();
    await screenshot(page, 'upload-errors');
    await page.getByRole('button', { name: 'New Upload' }).click();
    await heading(page, 'Upload Data');

    await chooseFile(page, 'arrests-filled.xlsx', filled);
    await heading(page, 'Review Upload');
    // The template lists every month from January last year to the last month that has ended.
    const months = 12 + new Date().getUTCMonth();
    await page.getByRole('heading', { level: 2, name: `${months} Records` }).waitFor();
    await page.getByRole('region', { name: 'Arrests' }).waitFor();
    await screenshot(page, 'upload-review');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Data from arrests-filled.xlsx published!').waitFor();
    await screenshot(page, 'upload-published');

    const records = await db.select().from(report).where(eq(report.sourceId, agency.id));
    expect(records).toHaveLength(months);
    expect(records.every((r) => r.status === 'PUBLISHED')).toBe(true);
    await page.getByRole('button', { name: 'View Records' }).click();
    await heading(page, 'Records');
    await page.getByText('Published').first().waitFor();

    await page.goto(`/agency/${agency.id}/settings/uploaded-files`);
    await heading(page, 'Uploaded Files');
    await page.getByRole('button', { name: 'Download arrests-filled.xlsx' }).waitFor();
    await page.getByText('processed').first().waitFor();
    await screenshot(page, 'uploaded-files');
    expect(errors.filter((e) => !e.includes('the server responded with a status of'))).toEqual([]);
  });
});
