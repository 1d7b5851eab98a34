/**
 * The agency gate reads the source the route table names, and only that: every agency route is
 * called by an admin of agency A with agency B (or B's record) in the declared source and A
 * everywhere else. Each must be refused with B's 404, writing nothing, before the rest of the
 * request is even validated (the body carries nothing else), so no route can act on A while checking B or the
 * other way round.
 */
import { describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/http/plugins/auth.ts';
import { ruleFor, type AgencyRule, type AgencySource } from '../../src/http/route-rules.ts';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { csv, multipart } from '../support/given-uploads.ts';
import { paramFixtures, type WalkContext } from '../support/route-fixtures.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
const { db } = t.database;

const agencyA = await givenAgency(db, { name: 'Gate Agency A', systems: ['LAW_ENFORCEMENT'] });
const agencyB = await givenAgency(db, { name: 'Gate Agency B', systems: ['LAW_ENFORCEMENT'] });
const adminA = await givenUser(db, { agency: agencyA, role: 'AGENCY_ADMIN' });
const adminB = await givenUser(db, { agency: agencyB, role: 'AGENCY_ADMIN' });
const inA: WalkContext = { db, agency: agencyA, caller: adminA, admin: adminA };
const inB: WalkContext = { db, agency: agencyB, caller: adminB, admin: adminB };

const agencyRoutes = registeredRoutes(t.app).flatMap((route) => {
  const rule = ruleFor(route.method, route.url);
  return rule?.access === 'agency' ? [{ ...route, rule }] : [];
});

const isRecord = (source: AgencySource): source is AgencySource & { record: string } => 'record' in source;

async function fixture(name: string, ctx: WalkContext): Promise<string | number> {
  const build = paramFixtures[name];
  if (!build) throw new Error(`no fixture for :${name}; add one to server/test/support/route-fixtures.ts`);
  return build(ctx);
}

/** The path with B (or B's record) where the rule's source is, A's agency and records elsewhere. */
async function pathFor(url: string, source: AgencySource): Promise<{ url: string; recordId?: string | number }> {
  let path = url;
  let recordId: string | number | undefined;
  for (const [, name] of url.matchAll(/:(\w+)/g)) {
    let value: string | number;
    if ('param' in source && source.param === name) {
      value = isRecord(source) ? await fixture(name, inB) : agencyB.id;
      if (isRecord(source)) recordId = value;
    } else {
      value = name === 'agencyId' ? agencyA.id : await fixture(name!, inA);
    }
    path = path.replace(`:${name}`, String(value));
  }
  if ('query' in source) path += `?${source.query}=${agencyB.id}`;
  return { url: path, recordId };
}

function payloadFor(method: string, source: AgencySource) {
  if ('form' in source) {
    const file = { name: 'gate.csv', content: csv([['metric'], ['x']]) };
    const form = multipart({ [source.form]: String(agencyB.id), system: 'LAW_ENFORCEMENT' }, file);
    return { payload: form.payload, contentType: form.contentType };
  }
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return {};
  return { payload: { agency_id: 'body' in source ? agencyB.id : agencyA.id } };
}

function refusalFor(rule: AgencyRule, recordId: string | number | undefined): string {
  const source = rule.agencyFrom;
  if (!isRecord(source)) return `Agency ${agencyB.id} was not found.`;
  const what = { report: 'Record', spreadsheet: 'Uploaded file', upload_job: 'Upload' }[source.record];
  return `${what} ${recordId} was not found.`;
}

describe('the agency gate', () => {
  it('covers the agency routes', () => {
    expect(agencyRoutes.length).toBeGreaterThan(30);
  });

  it('reads a path agency from the path of every route that has one', () => {
    const elsewhere = agencyRoutes
      .filter((route) => route.url.includes(':agencyId') && !('param' in route.rule.agencyFrom))
      .map((route) => `${route.method} ${route.url}`);
    expect(elsewhere).toEqual([]);
  });

  it.each(agencyRoutes.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s refuses agency B named in its declared source',
    async (_name, route) => {
      const { url, recordId } = await pathFor(route.url, route.rule.agencyFrom);
      const { payload, contentType } = payloadFor(route.method, route.rule.agencyFrom);
      const headers = await signIn(t.app, db, adminA, t.clock);
      const res = await expectNoWrites(db, () =>
        t.app.inject({
          method: route.method as 'GET',
          url,
          headers: contentType ? { ...headers, 'content-type': contentType } : headers,
          payload,
        }),
      );
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().description).toBe(refusalFor(route.rule, recordId));
    },
  );
});
