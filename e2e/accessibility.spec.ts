/**
 * Accessibility in Chromium: axe-core finds no serious or critical WCAG violations on Home, a
 * record's data entry form, its Review page and Settings, at desktop and phone widths. The check
 * itself is shown to fail on a page with an unlabelled field and an image without a text alternative.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenReport } from '../server/test/support/given-reports.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('accessibility', () => {
  it('reports serious violations by rule and element', async () => {
    const { page } = await suite.open();
    await page.setContent('<main><h1>Broken</h1><img src="x.png"><input id="v"><button></button></main>');
    const failure = await expectNoSeriousA11yViolations(page, 'a broken page').catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toContain('Accessibility violations on a broken page');
    expect(String(failure)).toContain('image-alt');
    expect(String(failure)).toContain('button-name');
  });

  for (const [width, viewport] of Object.entries(viewports)) {
    it(`finds nothing serious on Home, a record, its review and Settings (${width})`, async () => {
      const db = suite.server.database.db;
      const { page, agency } = await suite.openAsMember({
        agency: { name: 'Springfield Police Department' },
        name: 'Ada Admin',
        viewport,
      });
      const record = await givenReport(db, agency, { year: 2024, month: 3 });

      await page.goto(`/agency/${agency.id}`);
      await heading(page, /^Welcome/);
      await page.getByRole('article').first().waitFor();
      await expectNoSeriousA11yViolations(page, 'home');

      await page.goto(`/agency/${agency.id}/records/${record.id}`);
      await heading(page, 'March 2024');
      await page.getByRole('region', { name: 'Arrests' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'record form');

      await page.goto(`/agency/${agency.id}/records/${record.id}/review`);
      await heading(page, 'Review & Publish');
      await expectNoSeriousA11yViolations(page, 'review');

      await page.goto(`/agency/${agency.id}/settings`);
      await page.getByRole('region', { name: 'Agency profile' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'settings');
    });
  }
});
