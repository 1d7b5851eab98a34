/**
 * Publishing an upload asks about flagged figures, in Chromium: a state department of corrections
 * uploads a year of funding for two of its prisons, each far from that prison's usual year; Review
 * Upload lists both, Publish opens the same "Explain before publishing" dialog as Review & Publish
 * with a field per figure named by its prison, and both records are published with their notes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dataNote, report } from '../server/src/db/schema.ts';
import { givenAgency } from '../server/test/support/given.ts';
import { givenRecordWithValues } from '../server/test/support/given-public-data.ts';
import { givenChild } from '../server/test/support/given-uploads.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const FUNDING = 'PRISONS_FUNDING';

/** A prison that was funded 100 a year for 2020 to 2022, all published. */
async function givenSteadyPrison(parent: Awaited<ReturnType<typeof givenAgency>>, name: string) {
  const db = suite.server.database.db;
  const prison = await givenChild(db, parent, name);
  for (const year of [2020, 2021, 2022]) {
    await givenRecordWithValues(db, prison, { frequency: 'ANNUAL', year, month: 1, status: 'PUBLISHED' }, [
      { metric: FUNDING, value: '100' },
    ]);
  }
  return prison;
}

async function fundingWorkbook(rows: [string, number][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook
    .addWorksheet('funding')
    .addRows([['year', 'agency', 'value'], ...rows.map(([name, value]) => [2023, name, value])]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jc-upload-explain-')), 'funding-2023.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

describe('publishing an upload with flagged figures', () => {
  it('asks for an explanation of each, named by agency, and publishes the records with their notes', async () => {
    const db = suite.server.database.db;
    const state = await givenAgency(db, {
      name: 'State Department of Corrections',
      systems: ['PRISONS', 'SUPERAGENCY'],
      isSuperagency: true,
    });
    const north = await givenSteadyPrison(state, 'North State Prison');
    const south = await givenSteadyPrison(state, 'South State Prison');
    const { page, errors } = await suite.openAsMemberOf(state, { name: 'Ada Admin' });

    await page.goto(`/agency/${state.id}/upload`);
    await page.getByRole('heading', { level: 1, name: 'Upload Data' }).waitFor();
    const file = await fundingWorkbook([
      [north.name, 400],
      [south.name, 30],
    ]);
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    await page.getByRole('button', { name: 'Prisons →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review Upload' }).waitFor();
    const flags = page.getByRole('region', { name: 'Figures to explain' });
    await flags.waitFor();
    expect(await flags.textContent()).toContain('2 figures need a second look before publishing:');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Explain before publishing' });
    await ask.waitFor();
    const fields = ask.getByRole('textbox');
    expect(await fields.count()).toBe(2);
    await ask.getByRole('textbox', { name: /^North State Prison, Annual Record CY2023: / }).fill('A new wing opened.');
    const publish = ask.getByRole('button', { name: 'Publish with notes' });
    expect(await publish.isDisabled()).toBe(true);
    await ask.getByRole('textbox', { name: /^South State Prison, Annual Record CY2023: / }).fill('A grant ended.');
    await screenshot(page, 'upload-explain-before-publish');
    await publish.click();
    await page.getByRole('dialog', { name: 'Published' }).waitFor();

    const records = await db
      .select()
      .from(report)
      .where(inArray(report.sourceId, [north.id, south.id]));
    expect(records.filter((record) => record.dateRangeStart.startsWith('2023')).map((r) => r.status)).toEqual([
      'PUBLISHED',
      'PUBLISHED',
    ]);
    const notes = await db
      .select()
      .from(dataNote)
      .where(
        inArray(
          dataNote.reportId,
          records.map((r) => r.id),
        ),
      );
    expect(notes.map((note) => note.explanation).sort()).toEqual(['A grant ended.', 'A new wing opened.']);
    expect(errors).toEqual([]);
  });
});
