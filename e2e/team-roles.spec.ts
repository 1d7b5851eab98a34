/**
 * Invitations choose a role (issue 11, item 10), in Chromium: the invite form offers Agency admin,
 * Contributor (chosen) and Read only up to the inviter's own role, and a member's menu offers Read
 * only too; the team page at 1280 and 390 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agencyUserAccountAssociation, userAccount } from '../server/src/db/schema.ts';
import { givenUser } from '../server/test/support/given.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

async function openTeam(page: Page, agencyId: number) {
  await page.goto(`/agency/${agencyId}/settings`);
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Team Members' }).click();
  await page.getByRole('table').waitFor();
}

const roleOptions = (page: Page) => page.getByLabel('Role').locator('option').allTextContents();

async function roleOf(agencyId: number, email: string) {
  const [row] = await suite.server.database.db
    .select({ role: agencyUserAccountAssociation.role })
    .from(agencyUserAccountAssociation)
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(and(eq(userAccount.email, email), eq(agencyUserAccountAssociation.agencyId, agencyId)));
  return row?.role;
}

describe('team roles', () => {
  for (const viewport of [viewports.desktop, viewports.mobile]) {
    const size = viewport.width;
    it(`an admin invites with a chosen role and makes a member Read only (${size} px)`, async () => {
      const { page, errors, agency } = await suite.openAsMember({
        agency: { name: `Seaside Sheriff ${size}` },
        name: 'Ada Admin',
        viewport,
      });
      await givenUser(suite.server.database.db, { agency, role: 'CONTRIBUTOR', name: 'Cal Contributor' });
      await openTeam(page, agency.id);

      // The old form had no role: an admin's invitees all became agency admins.
      expect(await roleOptions(page)).toEqual(['Agency admin', 'Contributor', 'Read only']);
      expect(await page.getByLabel('Role').inputValue()).toBe('CONTRIBUTOR');
      const email = `rae.reader.${agency.id}@seaside.example.gov`;
      await page.getByLabel('Name').fill('Rae Reader');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Role').selectOption({ label: 'Read only' });
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByText('User has been invited.').waitFor();
      await page.getByRole('row').filter({ hasText: 'Rae Reader' }).getByText('Invited').waitFor();
      expect(await roleOf(agency.id, email)).toBe('READ_ONLY');
      expect(await page.getByLabel('Role').inputValue()).toBe('CONTRIBUTOR');

      // The old menu offered only Admin and Contributor.
      const cal = page.getByRole('row').filter({ hasText: 'Cal Contributor' });
      await cal.getByRole('button', { name: 'Change Cal Contributor' }).click();
      await page.getByRole('menuitem', { name: 'Read only' }).click();
      await page.getByText('User’s status has been changed.').waitFor();
      await cal.getByText('Read only', { exact: true }).waitFor();
      await screenshot(page, `team-${size}`);
      await expectNoSeriousA11yViolations(page, `team page at ${size} px`);
      expect(errors).toEqual([]);
    });
  }

  it('a contributor may give Contributor or Read only, never Agency admin', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Seaside Courts' },
      role: 'CONTRIBUTOR',
    });
    await openTeam(page, agency.id);
    expect(await roleOptions(page)).toEqual(['Contributor', 'Read only']);
    expect(await page.getByLabel('Role').inputValue()).toBe('CONTRIBUTOR');
    expect(errors).toEqual([]);
  });

  it('offers on each member exactly what the server says the viewer may do', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Seaside Jail' },
      role: 'JUSTICE_COUNTS_ADMIN',
      name: 'Sam Staff',
    });
    await givenUser(db, { agency, role: 'JUSTICE_COUNTS_ADMIN', name: 'Sol Staff' });
    await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    await openTeam(page, agency.id);
    // Staff manage staff (the browser used to hide every menu on a Justice Counts admin), never themselves.
    await page.getByRole('button', { name: 'Change Sol Staff' }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Change Ada Admin' }).waitFor();
    expect(await page.getByRole('button', { name: 'Change Sam Staff' }).count()).toBe(0);
    await screenshot(page, 'team-staff-viewer');
    expect(errors).toEqual([]);
  });
});
