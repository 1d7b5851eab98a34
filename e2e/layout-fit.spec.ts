/**
 * Screens fit the window (issue 11, item 15), in Chromium: at 390 px nothing scrolls sideways on
 * Home, the record form (with its breakdowns and history), Review, the upload result and the team
 * page; at 1280 px the record form's breakdowns never run under the help panel and "Change
 * history" is shown whole. Each check names the elements that stick out, so a failure says where.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency, givenMembership, givenUser, signIn } from '../server/test/support/given.ts';
import { givenMetricSetting, givenReport, patchReport } from '../server/test/support/given-reports.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Elements whose right edge lies beyond the window, outermost first (empty when the page fits). */
function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      if (element.parentElement && element.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(box.right)}`);
    }
    const page = document.documentElement.scrollWidth;
    return page > width ? [`page scrollWidth=${page} > ${width}`, ...found] : [];
  });
}

/** A police department with a draft March 2024 record holding arrests and a breakdown. */
async function givenDepartment() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, {
    name: 'Northfield Metropolitan Police Department',
    systems: ['LAW_ENFORCEMENT'],
  });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
  const jail = await givenAgency(db, { name: 'Northfield County Jail', systems: ['JAILS'] });
  await givenMembership(db, admin, jail, 'CONTRIBUTOR');
  for (const [index, role] of (['CONTRIBUTOR', 'READ_ONLY'] as const).entries()) {
    const member = await givenUser(db, { name: `Bartholomew Featherstonehaugh ${index + 1}` });
    await givenMembership(db, member, agency, role);
  }
  await givenMetricSetting(db, agency, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: true });
  const record = await givenReport(db, agency, { year: 2024, month: 3 });
  const headers = await signIn(suite.server.app, db, admin);
  await patchReport(suite.server, headers, record.id, {
    status: 'DRAFT',
    metrics: [
      {
        key: 'LAW_ENFORCEMENT_ARRESTS',
        value: 1200,
        disaggregations: [{ key: 'metric/offense/type', dimensions: [{ key: 'Drug Offenses', value: 300 }] }],
      },
    ],
  });
  return { agency, jail, admin, record };
}

async function uploadResult(page: Page, agencyId: number) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('arrests').addRows([
    ['year', 'month', 'value'],
    [2024, 1, 5],
    [2024, 2, 'twelve'],
  ]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jc-layout-')), 'arrests.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  await page.goto(`/agency/${agencyId}/upload`);
  await heading(page, 'Upload Data');
  await page.getByLabel('Spreadsheet file').setInputFiles(file);
  await heading(page, /row saved/);
}

describe('layout', () => {
  it('nothing scrolls sideways at 390 px', async () => {
    const { agency, jail, admin, record } = await givenDepartment();
    const { page, errors } = await suite.open(admin, viewports.mobile);
    const screens: Record<string, () => Promise<void>> = {
      home: async () => {
        await page.goto(`/agency/${agency.id}`);
        await heading(page, 'Welcome, Ada');
      },
      'record-form': async () => {
        await page.goto(`/agency/${agency.id}/records/${record.id}`);
        await heading(page, 'March 2024');
        // The last breakdown tab and its inputs, and the history, are within reach.
        const arrests = page.getByRole('region', { name: 'Arrests' });
        await arrests.getByRole('tab', { name: /Biological Sex/ }).click();
        await arrests.getByRole('textbox', { name: 'Female' }).fill('40');
        await arrests.getByRole('button', { name: 'Change history' }).click();
        await page.getByRole('dialog', { name: 'Change history: Arrests' }).getByRole('listitem').first().waitFor();
        await page.keyboard.press('Escape');
      },
      review: async () => {
        await page.goto(`/agency/${agency.id}/records/${record.id}/review`);
        await heading(page, 'Review & Publish');
      },
      team: async () => {
        await page.goto(`/agency/${agency.id}/settings?tab=team`);
        await page.getByText('Bartholomew Featherstonehaugh 1').first().waitFor();
        // The whole table shows without scrolling it sideways: each member's Edit is in view.
        const scroll = page.getByRole('table', { name: /^Team members/ }).locator('xpath=..');
        expect(await scroll.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
      },
      'agency-switcher': async () => {
        await page.getByRole('button', { name: /Switch agency/ }).click();
        await page.getByRole('link', { name: 'Northfield County Jail' }).waitFor();
      },
      'upload-result': () => uploadResult(page, agency.id),
    };
    const problems: Record<string, string[]> = {};
    for (const [name, open] of Object.entries(screens)) {
      await open();
      problems[name] = await sticksOut(page);
      await screenshot(page, `fit-390-${name}`);
    }
    expect(problems).toEqual({
      home: [],
      'record-form': [],
      review: [],
      team: [],
      'agency-switcher': [],
      'upload-result': [],
    });
    // The switcher was left open on the team page: picking an agency there works on a phone.
    await page.goto(`/agency/${agency.id}/settings?tab=team`);
    await page.getByRole('button', { name: /Switch agency/ }).click();
    await page.getByRole('link', { name: 'Northfield County Jail' }).click();
    await page.waitForURL(new RegExp(`/agency/${jail.id}/settings`));
    expect(errors).toEqual([]);
  });

  it('keeps the record form’s breakdowns clear of the help panel and shows Change history whole at 1280 px', async () => {
    const { jail, admin } = await givenDepartment();
    const db = suite.server.database.db;
    // Jail populations have the most breakdowns of any metric: four tabs each.
    await givenMetricSetting(db, jail, 'JAILS_TOTAL_POPULATION', { is_metric_enabled: true });
    const record = await givenReport(db, jail, { year: 2024, month: 3 });
    const { page, errors } = await suite.open(admin, viewports.desktop);
    await page.goto(`/agency/${jail.id}/records/${record.id}`);
    await heading(page, 'March 2024');
    const form = page.getByRole('form');
    for (const tablist of await form.getByRole('tablist').all()) await tablist.getByRole('tab').last().click();
    await form.getByRole('tablist').first().getByRole('tab').first().click();
    await form.getByRole('tabpanel').first().getByRole('textbox').first().focus();
    const help = await page.getByRole('complementary', { name: 'Help for this metric' }).boundingBox();
    expect(help).toBeTruthy();
    // Nothing in the form (breakdown tabs and inputs, notes) reaches the help panel.
    const overlapping = await form.evaluate((element, helpLeft) => {
      return [...element.querySelectorAll('*')]
        .filter((child) => child.getBoundingClientRect().width > 0 && child.getBoundingClientRect().right > helpLeft)
        .map((child) => `${child.tagName.toLowerCase()}.${[...child.classList].join('.')}`);
    }, help!.x);
    expect(overlapping).toEqual([]);
    // Every "Change history" is inside its metric's section and its label is not cut.
    const cut = await form.getByRole('button', { name: 'Change history' }).evaluateAll(
      (buttons) =>
        buttons.filter((button) => {
          const box = button.getBoundingClientRect();
          const section = button.closest('section')!.getBoundingClientRect();
          return box.left < section.left || box.right > section.right || button.scrollWidth > button.clientWidth;
        }).length,
    );
    expect(cut).toBe(0);
    expect(await sticksOut(page)).toEqual([]);
    await screenshot(page, 'fit-1280-record-form');
    expect(errors).toEqual([]);
  });
});
