/**
 * Maintenance mode: with MAINTENANCE_MESSAGE set, every API route answers 503 with the message and
 * Retry-After, signed in or not, and writes nothing; the web app's files and /health still answer.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { report } from '../../src/db/schema.ts';
import { MAINTENANCE_RETRY_SECONDS } from '../../src/http/plugins/maintenance.ts';
import { countRows } from '../support/given-auth.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { givenWebDist } from '../support/web-dist.ts';

const MESSAGE = 'Publisher is down for maintenance until 6 pm Eastern. Your saved work is safe.';
const { t } = await testFile({ webDist: givenWebDist() });
const agency = await givenAgency(t.database.db);
const agencyId = agency.id;
const headers = await signIn(t.app, t.database.db, await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' }));
// Switched on after sign-in, as an operator would restart a running system with it.
t.config.maintenanceMessage = MESSAGE;

describe('maintenance mode', () => {
  it.each([
    ['the session', 'GET', '/api/init'],
    ['sign-in', 'POST', '/auth/login'],
    ['a public dashboard', 'GET', '/api/agencies/dashboard'],
    ['the staff API', 'GET', '/admin/user/overview'],
  ] as const)('answers %s with 503, the message and Retry-After', async (_name, method, url) => {
    const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(String(MAINTENANCE_RETRY_SECONDS));
    expect(res.json()).toMatchObject({ code: 'maintenance', description: MESSAGE });
  });

  it('refuses a signed-in save and writes nothing', async () => {
    const before = await countRows(t.database.db, sql`select 1 from ${report}`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers,
      payload: { agency_id: agencyId, month: 1, year: 2024, frequency: 'MONTHLY' },
    });
    expect(res.statusCode).toBe(503);
    expect(await countRows(t.database.db, sql`select 1 from ${report}`)).toBe(before);
  });

  it('still serves the web app, so its pages can show the message, and /health', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/agency/1/records' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
