/**
 * The browser's own cache revalidates agency data: opening a record again sends the ETag it holds
 * (If-None-Match) and the server answers 304, so an unchanged record costs no body and the page
 * shows the cached one (a changed record is covered by conditional-requests.test.ts).
 */
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenReport } from '../server/test/support/given-reports.ts';
import { screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

describe('conditional requests from the web app', () => {
  it('revalidates an unchanged record with If-None-Match and gets 304', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({ agency: { name: 'Ogdenville Police Department' } });
    const record = await givenReport(db, agency, { year: 2024, month: 6, status: 'DRAFT' });
    const recordAnswers: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === `/api/reports/${record.id}`) recordAnswers.push(response);
    });

    await page.goto(`/agency/${agency.id}/records/${record.id}`);
    await page.getByRole('heading', { level: 1, name: 'June 2024' }).waitFor();
    expect(recordAnswers.map((r) => r.status())).toEqual([200]);
    const tag = await recordAnswers[0]!.headerValue('etag');
    expect(tag).toMatch(/^"[\w-]{32}"$/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'June 2024' }).waitFor();
    expect(await recordAnswers[1]!.request().headerValue('if-none-match')).toBe(tag);
    // The page sees the cached answer as 200; Resource Timing tells that only headers crossed the wire.
    const sizes = await page.evaluate((path) => {
      const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path) as
        PerformanceResourceTiming | undefined;
      return entry && { transfer: entry.transferSize, body: entry.encodedBodySize };
    }, `/api/reports/${record.id}`);
    expect(sizes?.body).toBeGreaterThan(1000);
    expect(sizes?.transfer).toBeLessThan(sizes!.body);
    await screenshot(page, 'record-revalidated');
    expect(errors).toEqual([]);
  });
});
