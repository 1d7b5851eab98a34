/**
 * A large upload in Chromium goes the asynchronous way: the page shows a progress bar that
 * advances with the server's status, then the result page; meanwhile a second tab of the same
 * person keeps working (the records list loads).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generatedSheets, xlsx, type Cell } from '../server/test/support/given-uploads.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const folder = mkdtempSync(path.join(tmpdir(), 'jc-upload-async-'));

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const YEARS = Array.from({ length: 50 }, (_, i) => 1975 + i);

/** Every monthly law-enforcement sheet, every month of fifty years: about 27,000 rows. */
async function largeWorkbook(): Promise<Buffer> {
  const sheets: Record<string, Cell[][]> = {};
  for (const [name, [header, ...sample]] of Object.entries(generatedSheets('LAW_ENFORCEMENT'))) {
    if (!header!.includes('month')) continue;
    const members = [...new Set(sample.map((row) => (header!.length > 3 ? row[3]! : null)))];
    const rows: Cell[][] = [header!];
    for (const year of YEARS) {
      for (const month of MONTHS) {
        members.forEach((member, i) => rows.push([year, month, i + 1, ...(member === null ? [] : [member])]));
      }
    }
    sheets[name] = rows;
  }
  return xlsx(sheets);
}

declare global {
  interface Window {
    uploadPercents?: number[];
  }
}

/**
 * Keeps every percentage the bar shows from now on, in the page itself, from the moment the bar
 * appears to its last value (full, as the result opens): looking now and then from the test
 * could miss the steps of a short upload.
 */
async function recordPercents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = (window.uploadPercents = []);
    const record = () => {
      const value = document.querySelector('[role="progressbar"][aria-label="Upload progress"]');
      const now = value?.getAttribute('aria-valuenow');
      if (now && Number(now) !== seen.at(-1)) seen.push(Number(now));
    };
    record();
    const changes = { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] };
    new MutationObserver(record).observe(document.body, changes);
  });
}

describe('a large upload', () => {
  it('shows its progress, then the result, while another tab keeps working', async () => {
    const { page, context, errors, agency } = await suite.openAsMember({
      agency: { name: 'Harbor County Police', systems: ['LAW_ENFORCEMENT'] },
    });
    const file = path.join(folder, 'fifty-years.xlsx');
    writeFileSync(file, await largeWorkbook());

    await page.goto(`/agency/${agency.id}/upload`);
    await heading(page, 'Upload Data');
    await page.getByText(/^Saving takes up to a minute for every 300,000 rows, so up to 2 minutes/).waitFor();
    await screenshot(page, 'upload-async-help');
    await recordPercents(page);
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    expect(page.url()).toMatch(/[?&]upload=\d+/);
    // The file's name, and how long a workbook of its size should take.
    await page.getByText('fifty-years.xlsx').waitFor();
    await page.getByText('This file should take under a minute to save.', { exact: true }).waitFor();
    await screenshot(page, 'upload-async-progress');

    const other = await context.newPage();
    await other.goto(`/agency/${agency.id}/records`);
    await heading(other, 'Records');

    await page.getByRole('heading', { level: 1, name: /Review Upload|rows? saved/ }).waitFor({ timeout: 240_000 });
    const seen = await page.evaluate(() => window.uploadPercents ?? []);
    // It starts below 100 and rises (to 100 at the latest, as the result opens), never falling back.
    expect(seen[0], `percentages seen: ${seen.join(', ')}`).toBeLessThan(100);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(page.url()).toMatch(/[?&]result=\d+/);
    await screenshot(page, 'upload-async-result');
    await screenshot(other, 'upload-async-second-tab');
    expect(errors).toEqual([]);
  }, 300_000);
});
