/**
 * Settings in Chromium: an agency admin writes the agency's description, is told a bad website
 * address is wrong (nothing saved), saves a good one, switches email reminders on and sets the
 * day; a read-only member sees the profile without Edit buttons.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agencySetting } from '../server/src/db/schema.ts';
import { storedMembership } from '../server/test/support/given.ts';
import { screenshot, setChecked } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function storedSettings(agencyId: number) {
  const rows = await suite.server.database.db.select().from(agencySetting).where(eq(agencySetting.sourceId, agencyId));
  return Object.fromEntries(rows.map((row) => [row.settingType, row.value]));
}

describe('settings', () => {
  it('lets an agency admin describe the agency, refuses a bad website, and sets email reminders', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency, user } = await suite.openAsMember({
      agency: { name: 'Shelbyville Probation', systems: ['SUPERVISION', 'PROBATION'] },
    });
    await page.goto(`/agency/${agency.id}/settings`);
    const profile = page.getByRole('region', { name: 'Agency profile' });
    await profile.getByText('Write a description of your agency for its public dashboard.').waitFor();

    await profile.getByRole('button', { name: 'Edit agency description' }).click();
    const describe = page.getByRole('dialog', { name: 'Edit agency description' });
    const description = describe.getByRole('textbox', { name: 'Agency description' });
    // At most 750 characters, as in the reference: the box stops there and counts as people type.
    await description.fill('x'.repeat(800));
    expect(await description.inputValue()).toHaveLength(750);
    await describe.getByText('750 of 750 characters.').waitFor();
    await description.fill('We supervise people on probation.');
    await describe.getByText('33 of 750 characters.').waitFor();
    await describe.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Agency description saved.');
    await profile.getByText('We supervise people on probation.').waitFor();

    await profile.getByRole('button', { name: 'Edit agency website' }).click();
    const website = page.getByRole('dialog', { name: 'Edit agency website' });
    const address = website.getByRole('textbox', { name: 'Agency website' });
    await address.fill('javascript:alert(1)');
    await website.getByRole('button', { name: 'Save' }).click();
    await website.getByText(/^Invalid URL/).waitFor();
    await screenshot(page, 'settings-bad-website');
    expect((await storedSettings(agency.id))['HOMEPAGE_URL']).toBeUndefined();
    await address.fill('https://www.shelbyville.gov/probation');
    await website.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Agency website saved.');

    const reminders = page.getByRole('region', { name: 'Email reminders' });
    await setChecked(reminders.getByRole('checkbox', { name: 'Send me emails' }), true);
    await toast(page, 'Email settings updated');
    const days = reminders.getByRole('textbox', { name: 'Days after the end of the reporting period' });
    await days.fill('0');
    await days.press('Enter');
    await reminders.getByText('Please enter a number between 1-1000').waitFor();
    await days.fill('10');
    await days.press('Tab');
    await expect
      .poll(async () => {
        const row = await storedMembership(db, agency, user);
        return [row?.subscribed, row?.daysAfterTimePeriodToSendEmail];
      })
      .toEqual([true, 10]);
    expect(await storedSettings(agency.id)).toMatchObject({
      PURPOSE_AND_FUNCTIONS: 'We supervise people on probation.',
      HOMEPAGE_URL: 'https://www.shelbyville.gov/probation',
    });
    expect(await profile.getByRole('checkbox', { name: 'Probation' }).isChecked()).toBe(true);
    await screenshot(page, 'settings-agency-profile');
    expect(errors).toEqual([]);
  });

  it('shows a read-only member the profile without ways to change it', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Brockway Police Department' },
      role: 'READ_ONLY',
    });
    await page.goto(`/agency/${agency.id}/settings`);
    const profile = page.getByRole('region', { name: 'Agency profile' });
    await profile.getByText('Only agency admins can change the agency’s profile.').waitFor();
    expect(await profile.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
