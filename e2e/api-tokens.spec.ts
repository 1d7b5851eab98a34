/**
 * API tokens in Chromium: a contributor makes a token in Settings, copies its secret (shown once),
 * a script uses it and the list shows when; the agency admin sees it among the team's tokens and
 * revokes it, after which the script is refused; a read-only member is not offered tokens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenUser } from '../server/test/support/given.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const tokensSection = (page: Page) => page.getByRole('region', { name: 'API tokens' });

async function openSettings(page: Page, agencyId: number) {
  await page.goto(`/agency/${agencyId}/settings`);
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
}

/** What a script gets when it reads the agency's records with the token. */
async function scriptStatus(agencyId: number, token: string): Promise<number> {
  const res = await fetch(`${suite.server.url}/api/agencies/${agencyId}/reports`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

describe('API tokens', () => {
  it('a contributor makes one and a script uses it; the admin sees and revokes it', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Capital City Police' },
      role: 'CONTRIBUTOR',
      name: 'Carl Contributor',
    });
    const admin = await givenUser(suite.server.database.db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Admin' });
    await openSettings(page, agency.id);
    const section = tokensSection(page);
    await section.getByText('No tokens yet.').waitFor();
    await section.getByRole('textbox', { name: 'Token name' }).fill('x'.repeat(300));
    await section.getByRole('button', { name: 'Make token' }).click();
    await section.getByText('The name must be at most 255 characters.').waitFor();

    await section.getByRole('textbox', { name: 'Token name' }).fill('Monthly upload script');
    await section.getByRole('button', { name: 'Make token' }).click();
    const secret = await section.getByRole('textbox', { name: 'New token' }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await section.getByText('this is the only time it is shown').waitFor();
    await screenshot(page, 'api-tokens-new');
    await expectNoSeriousA11yViolations(page, 'API tokens');

    expect(await scriptStatus(agency.id, secret)).toBe(200);
    await section.getByRole('button', { name: 'Done' }).click();
    expect(await section.getByRole('textbox', { name: 'New token' }).count()).toBe(0);
    await page.reload();
    const row = tokensSection(page).getByRole('row', { name: /Monthly upload script/ });
    expect(await row.textContent()).toContain('Carl Contributor');
    expect(await row.textContent()).not.toContain('Never');

    const { page: adminPage } = await suite.open(admin, viewports.mobile);
    await openSettings(adminPage, agency.id);
    const adminSection = tokensSection(adminPage);
    await adminSection.getByRole('button', { name: 'Revoke Monthly upload script' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Revoke this token?' });
    expect(await dialog.textContent()).toContain('Carl Contributor');
    await screenshot(adminPage, 'api-tokens-revoke-mobile');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await adminSection.getByText('No tokens yet.').waitFor();
    expect(await scriptStatus(agency.id, secret)).toBe(401);
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('does not offer tokens to a read-only member', async () => {
    const { page, agency } = await suite.openAsMember({ agency: { name: 'Ogdenville Sheriff' }, role: 'READ_ONLY' });
    await openSettings(page, agency.id);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await tokensSection(page).count()).toBe(0);
  });
});
