/**
 * The API reference in Chromium: a signed-out visitor follows the footer link, finds the route for
 * an agency's published data by searching, and reads who may call it and what it answers.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('the API reference', () => {
  it('lists every route from the OpenAPI description, searchable, signed out', async () => {
    const { page, errors } = await suite.open(undefined, viewports.desktop);
    await page.goto('/dashboards');
    await page.getByRole('link', { name: 'API for developers' }).click();
    await page.getByRole('heading', { level: 1, name: 'API reference' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Justice Counts staff' }).count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Search routes' }).fill('published_data');
    const operation = page.getByText('/api/agencies/{agencyId}/published_data', { exact: true });
    await operation.click();
    await page.getByText('Anyone, signed in or not.').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Answer (JSON)' }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Justice Counts staff' }).count()).toBe(0);
    await screenshot(page, 'api-reference');
    expect(errors).toEqual([]);
  });
});
