/**
 * Analytics in Chromium: with SEGMENT_KEY set, page views and key actions reach Segment (a stand-in
 * on loopback) with the person as an opaque id and no name, email, query string or referrer;
 * without the key the browser asks nothing of Segment and never downloads its library.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenAgency, givenUser } from '../server/test/support/given.ts';
import { givenReport } from '../server/test/support/given-reports.ts';
import { startFakeSegment, type FakeSegment } from './support/fake-segment.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
let segment: FakeSegment;
beforeAll(async () => {
  segment = await startFakeSegment();
});
afterAll(() => segment.close());

const arrestsTotal = (page: Page) =>
  page.getByRole('region', { name: 'Arrests' }).getByRole('textbox', { name: 'Arrests', exact: true });

async function givenDraft() {
  const db = suite.server.database.db;
  const agency = await givenAgency(db, { name: 'Analytics Police Department' });
  const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN', name: 'Ada Analyst' });
  const record = await givenReport(db, agency, { year: 2024, month: 2, status: 'DRAFT', lastModifiedAt: new Date() });
  return { agency, admin, record };
}

describe('analytics', () => {
  it('sends page views and saves with an opaque id and nothing personal when configured', async () => {
    suite.server.config.segment = { writeKey: 'test-key', cdnUrl: segment.url, apiUrl: `${segment.url}/v1` };
    try {
      const { agency, admin, record } = await givenDraft();
      const { page } = await suite.open(admin);
      await page.goto(`/agency/${agency.id}/records/${record.id}?from=email`);
      await arrestsTotal(page).fill('31');
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();

      await expect
        .poll(() => segment.events.map((e) => e.event ?? e.type), { timeout: 15_000 })
        .toContain('Record Saved');
      const saved = segment.events.find((e) => e.event === 'Record Saved')!;
      expect(saved.properties).toEqual({ agency_id: agency.id });
      expect(saved.userId).toMatch(/^[0-9a-f]{32}$/);
      const views = segment.events.filter((e) => e.type === 'page');
      expect(views.map((e) => e.properties?.path)).toContain(`/agency/${agency.id}/records/${record.id}`);
      const sent = JSON.stringify(segment.events);
      for (const personal of [admin.email, 'Ada Analyst', 'from=email', `"userId":"${admin.id}"`]) {
        expect(sent).not.toContain(personal);
      }
      expect(sent).toContain('"ip":"0.0.0.0"');
    } finally {
      suite.server.config.segment = undefined;
    }
  });

  it('loads nothing for analytics without the key', async () => {
    const { agency, admin, record } = await givenDraft();
    const { page } = await suite.open(admin);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`/agency/${agency.id}/records/${record.id}`);
    await arrestsTotal(page).fill('32');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(fetched.filter((url) => /segment/i.test(url) || !url.startsWith(suite.server.url))).toEqual([]);
  });
});
