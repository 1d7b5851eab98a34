/**
 * Maintenance mode in Chromium: while the operator's MAINTENANCE_MESSAGE is set, every page (signed
 * in or a public dashboard) shows it instead of the app; once it is cleared the app is back as it was.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const MESSAGE = 'Publisher is being upgraded until 6 pm Eastern. Your saved work is safe.';

async function expectMaintenancePage(page: Page) {
  await page.getByText('Publisher is down for maintenance').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain(MESSAGE);
}

describe('maintenance mode', () => {
  it('shows the operator’s message on every page while it is set, and the app again after', async () => {
    const { page, agency } = await suite.openAsMember({
      agency: { name: 'Shelbyville Police Department', isDashboardEnabled: true },
    });
    const { page: phone } = await suite.open(undefined, viewports.mobile);
    try {
      suite.server.config.maintenanceMessage = MESSAGE;
      await page.goto(`/agency/${agency.id}/records`);
      await expectMaintenancePage(page);
      await screenshot(page, 'maintenance');
      await phone.goto(`/dashboards/${agency.id}`);
      await expectMaintenancePage(phone);
      await screenshot(phone, 'maintenance-mobile');
    } finally {
      suite.server.config.maintenanceMessage = undefined;
    }
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Records', exact: true }).waitFor();
  });
});
