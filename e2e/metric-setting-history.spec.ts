/**
 * Set Up Metrics' change history in Chromium: an admin changes a metric, then finds who changed
 * what, from what to what, on the metric's page and on the overview of all metrics.
 */
import { describe, expect, it } from 'vitest';
import { givenUser } from '../server/test/support/given.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('Metric settings history', () => {
  it('shows who changed which setting, with the value before and after', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Ogdenville Prison', systems: ['PRISONS'] },
      name: 'Ada Admin',
    });

    await page.goto(`/agency/${agency.id}/metric-config?system=PRISONS&metric=PRISONS_TOTAL_STAFF`);
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByRole('button', { name: 'Change history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change history: Staff' });
    await dialog.getByText('No setting has been changed yet.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('radio', { name: 'Annually' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).last().waitFor();
    await page.getByRole('checkbox', { name: 'Security Staff' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).last().waitFor();

    await page.getByRole('button', { name: 'Change history' }).click();
    await dialog.getByText('Breakdown Staff Types: Security Staff: Reported: not set → On').waitFor();
    await dialog.getByText('Reporting frequency: not set → Annual').waitFor();
    expect(await dialog.getByText('Ada Admin').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'metric-setting-history-metric');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('link', { name: '← Metrics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metric Settings' }).waitFor();
    await page.getByRole('button', { name: 'Change history' }).click();
    const all = page.getByRole('dialog', { name: 'Change history: all metrics' });
    await all.getByText('Reporting frequency: not set → Annual').waitFor();
    expect(await all.getByText('· Staff').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'metric-setting-history-agency');
    expect(errors).toEqual([]);
  });

  it('marks a change by Justice Counts staff with the JC badge, as record editors are', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Ogdenville Jail', systems: ['JAILS'] },
      name: 'Ada Admin',
    });
    const staff = await givenUser(suite.server.database.db, {
      agency,
      role: 'JUSTICE_COUNTS_ADMIN',
      name: 'Sam Staff',
    });
    const address = `/agency/${agency.id}/metric-config?system=JAILS&metric=JAILS_TOTAL_STAFF`;

    const asStaff = await suite.open(staff);
    await asStaff.page.goto(address);
    await asStaff.page.getByRole('radio', { name: 'Annually' }).click();
    await asStaff.page.getByRole('status').filter({ hasText: 'Settings saved.' }).last().waitFor();

    await page.goto(address);
    await page.getByRole('button', { name: 'Change history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change history: Staff' });
    await dialog.getByText('Reporting frequency: not set → Annual').waitFor();
    await dialog.getByText('JC', { exact: true }).waitFor();
    await dialog.getByText('(Justice Counts staff)').waitFor({ state: 'attached' });
    await screenshot(page, 'metric-setting-history-staff');
    expect([...errors, ...asStaff.errors]).toEqual([]);
  });
});
