/**
 * A value's history starts at its first entry, in Chromium: arrests uploaded as 120 and then
 * typed in as 125 show both "empty → 120" (first entry, uploaded, by the uploader) and
 * "120 → 125" (typed in), newest first, at 1280 and 390 px.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { report } from '../server/src/db/schema.ts';
import { givenAgency, givenUser, signIn } from '../server/test/support/given.ts';
import { uploadArrests } from '../server/test/support/given-uploads.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ });

describe('value history', () => {
  it('shows the first entry of a value, who made it and how, below the later change', async () => {
    const db = suite.server.database.db;
    const agency = await givenAgency(db, { name: 'Harbor Police Department', systems: ['LAW_ENFORCEMENT'] });
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
    await uploadArrests(suite.server, await signIn(suite.server.app, db, admin), agency.id, [[2024, 3, 120]]);
    const [record] = await db.select().from(report).where(eq(report.sourceId, agency.id));

    for (const [viewport, suffix] of [
      [viewports.desktop, ''],
      [viewports.mobile, '-mobile'],
    ] as const) {
      const { page, errors } = await suite.open(admin, viewport);
      await page.goto(`/agency/${agency.id}/records/${record!.id}`);
      await page.getByRole('heading', { level: 1, name: 'March 2024' }).waitFor();
      const arrests = page.getByRole('region', { name: 'Arrests' });
      if (suffix === '') {
        await arrests.getByRole('textbox', { name: 'Arrests', exact: true }).fill('125');
        await saved(page).waitFor();
      }
      await arrests.getByRole('button', { name: 'Change history' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change history: Arrests' });
      const entries = dialog.getByRole('listitem');
      await entries.nth(1).waitFor();
      const texts = await entries.allTextContents();
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(/^Total: 120 → 125Ada Lovelace, typed in, /);
      expect(texts[1]).toMatch(/^Total: empty → 120Ada Lovelace, first entry, uploaded, /);
      await screenshot(page, `record-value-history${suffix}`);
      await expectNoSeriousA11yViolations(page, 'value history');
      expect(errors).toEqual([]);
    }
  });
});
