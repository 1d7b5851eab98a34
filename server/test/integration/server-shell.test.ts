import { describe, expect, it } from 'vitest';
import { appVersion } from '../../src/version.ts';
import { testFile } from '../support/test-file.ts';
import { givenWebDist } from '../support/web-dist.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile({ webDist: givenWebDist() });

describe('GET /health', () => {
  it('answers 200 after checking the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.engine, version: appVersion });
    expect(appVersion).toMatch(/^\d+\.\d+\.\d+\+\w+/);
  });
});

describe('unknown paths', () => {
  it('answers a JSON 404 with the reference error body for unknown API paths', async () => {
    const res = await expectNoWrites(t.database.db, () => t.app.inject({ method: 'GET', url: '/api/no-such-thing' }));
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ code: 'not_found', description: expect.stringContaining('/api/no-such-thing') });
  });

  it('serves the web app for unknown browser paths so client routes survive a reload', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/agency/12/data-entry' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html>');
  });

  it('never serves the web app for a POST', async () => {
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'POST', url: '/agency/12/data-entry' }),
    );
    expect(res.statusCode).toBe(404);
  });
});
