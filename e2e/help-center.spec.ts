/**
 * The Help Center and the first-run checklist, in Chromium: Home's Getting started steps (kept on
 * the server), the profile menu's Help Center, the Publisher's guides by category, search, a guide
 * with breadcrumbs, examples and Relevant pages, and "Learn more" from Set Up Metrics.
 */
import { describe, expect, it } from 'vitest';
import { storedMembership } from '../server/test/support/given.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { screenshot, setChecked, viewports } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('help center', () => {
  it('walks a new admin from the Home checklist through the guides', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency, user } = await suite.openAsMember({
      agency: { name: 'Harbor County Jail', systems: ['JAILS'] },
      name: 'Ada Admin',
    });

    await page.goto(`/agency/${agency.id}`);
    const checklist = page.getByRole('region', { name: 'Getting started' });
    await checklist.getByText('0 of 5 steps done.').waitFor();
    await setChecked(checklist.getByRole('checkbox', { name: 'Choose the metrics you report' }), true);
    await checklist.getByText('1 of 5 steps done.').waitFor();
    await screenshot(page, 'home-checklist');
    // The tick shows at once; the save follows it.
    const storedProgress = async () => (await storedMembership(db, agency, user))?.guidanceProgress;
    await expect.poll(storedProgress).toContainEqual({ topicID: 'METRIC_CONFIG', topicCompleted: true });

    await checklist.getByRole('link', { name: 'Open the guide' }).click();
    await page.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
    // A link inside a guide opens the page in the person's own agency.
    await page.getByRole('article').getByRole('link', { name: 'Set Up Metrics' }).first().click();
    await page.waitForURL(`**/agency/${agency.id}/metric-config`);

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Help Center' }).click();
    await page.getByRole('heading', { level: 1, name: 'Justice Counts Help Center' }).waitFor();
    await screenshot(page, 'help-center');
    await expectNoSeriousA11yViolations(page, 'Help Center');

    await page.getByRole('link', { name: 'Publisher', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Publisher guides' }).waitFor();
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Account setup',
      'Add data',
      'Advanced concepts',
      'Interact with the data',
    ]);
    await screenshot(page, 'help-publisher');

    await page.getByLabel('Search the guides').fill('template csv');
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByText('1 guide found').waitFor();
    await screenshot(page, 'help-search');
    await results.getByRole('link', { name: 'Uploading spreadsheets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uploading spreadsheets' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(await crumbs.getByRole('listitem').allTextContents()).toEqual([
      'Help Center',
      'Publisher',
      'Uploading spreadsheets',
    ]);
    await page.getByText('year,month,offense_type,value').waitFor();
    await screenshot(page, 'help-guide-bulk-upload');
    await expectNoSeriousA11yViolations(page, 'a guide');

    await page.getByRole('region', { name: 'Relevant pages' }).getByRole('link', { name: 'Superagencies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Superagencies' }).waitFor();
    await page.goto('/help/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Public dashboards' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('links Set Up Metrics to its guide in a new tab, and reads well on a phone', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Harbor Police', systems: ['LAW_ENFORCEMENT'] },
      viewport: viewports.mobile,
    });
    await page.goto(`/agency/${agency.id}/metric-config`);
    const learnMore = page.getByRole('link', { name: 'Learn more about setting up metrics (opens in a new tab)' });
    expect(await learnMore.getAttribute('href')).toBe('/help/publisher/set-up-metrics');
    expect(await learnMore.getAttribute('target')).toBe('_blank');
    await page.goto('/help/publisher/set-up-metrics');
    await page.getByRole('heading', { level: 1, name: 'Set Up Metrics' }).waitFor();
    await screenshot(page, 'help-guide-mobile');
    expect(errors).toEqual([]);
  });
});
