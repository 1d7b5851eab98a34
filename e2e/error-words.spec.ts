/**
 * No raw validation text reaches a person (issue 11, item 13), in Chromium: links with a bad id
 * or token say the link is not valid before any form, and a refused upload is a sentence.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

/** Words only developers should see: field paths and the schema library's phrases. */
const RAW = /params\.|querystring\.|body\.|Invalid input|received NaN|expected (number|string)|\b(token|file): /;

async function expectNoRawText(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(RAW);
}

const invalidLink = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'This link is not valid', exact: true }).waitFor();

describe('error words', () => {
  it('bad ids in signed-in addresses say the link is not valid', async () => {
    const { page, errors, agency } = await suite.openAsMember({ agency: { name: 'Linkton Police' } });
    for (const address of ['records/abc', 'records/12x/review', 'upload?result=abc']) {
      await page.goto(`/agency/${agency.id}/${address}`);
      await invalidLink(page);
      await page.getByText('it may be mistyped or cut short').waitFor();
      await expectNoRawText(page);
    }
    await page.goto(`/agency/${agency.id}/upload?result=987654`);
    await page.getByText('This upload could not be loaded').waitFor();
    await expectNoRawText(page);
    expect(errors.filter((e) => !e.includes('the server responded with a status of'))).toEqual([]);
  });

  it('bad invitation and reset links say so before the form', async () => {
    const { page } = await suite.open();
    await page.goto(`/accept-invite?token=${'x'.repeat(250)}`);
    await page.getByText('This invitation link does not work').waitFor();
    await page.getByText('it may be mistyped or cut short').waitFor();
    expect(await page.getByLabel('New password').count()).toBe(0);
    await expectNoRawText(page);

    await page.goto('/reset-password?token=cut-short');
    await page.getByText('it may be mistyped or cut short').waitFor();
    expect(await page.getByRole('button', { name: 'Save password and sign in' }).isDisabled()).toBe(true);
    await expectNoRawText(page);
  });

  it('a file the server refuses is explained in a sentence', async () => {
    const { page, agency } = await suite.openAsMember({ agency: { name: 'Widefile Police' } });
    await page.goto(`/agency/${agency.id}/upload`);
    await page.getByRole('heading', { level: 1, name: 'Upload Data', exact: true }).waitFor();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jc-words-')), 'arrests.csv');
    const wide = Array.from({ length: 70 }, (_, index) => `column${index}`).join(',');
    writeFileSync(file, `${wide}\n${wide}\n`);
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    await page.getByText(/This file cannot be used: sheet "arrests", row 1/).waitFor();
    await expectNoRawText(page);
  });
});
