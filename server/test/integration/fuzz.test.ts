/**
 * Fuzzing: every route of /api/openapi.json (generated from the routes' zod contract) is called
 * with requests built from its own schemas, valid, at the boundaries and hostile (control
 * characters, oversized text, numbers beyond int4 and beyond exact doubles, deep nesting, wrong
 * types, bodies that are not JSON), by staff, an agency admin, a contributor, a read-only member
 * and the signed-out. No answer may be a 500, and a refused request (4xx) must leave every table
 * as it was. The seed is fixed (FUZZ_SEED) and the count bounded (FUZZ_RUNS requests per route),
 * so a failure reproduces; the message names the request.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { uploadFormFields } from '../../src/contract/uploads.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { ruleFor } from '../../src/http/route-rules.ts';
import { bodyFor, encodeForUrl, hostileText, textParam, type JsonSchema } from '../support/fuzz-values.ts';
import { givenAgency, givenUser, signIn, type SignedIn, type UserRow } from '../support/given.ts';
import { givenReport } from '../support/given-reports.ts';
import { csv, multipart } from '../support/given-uploads.ts';
import { paramFixtures, type WalkContext } from '../support/route-fixtures.ts';
import { watchedTables } from '../support/expect-no-writes.ts';
import { tableDigest } from '../support/table-digest.ts';
import { testFile } from '../support/test-file.ts';

const RUNS = Number(process.env.FUZZ_RUNS || 12);
const SEED = Number(process.env.FUZZ_SEED || 20_261_205);

// A database of its own: the before/after comparison covers whole tables.
const { t } = await testFile();
const { db } = t.database;

const agency = await givenAgency(db, { name: 'Fuzz Agency', systems: ['LAW_ENFORCEMENT'], isDashboardEnabled: true });
const reports = [
  await givenReport(db, agency, { year: 2023, month: 1 }),
  await givenReport(db, agency, { year: 2024 }),
];

interface Persona {
  name: string;
  user: UserRow | null;
}
const member = (role: AgencyRole) => givenUser(db, { agency, role });
const personas: Persona[] = [
  { name: 'signed out', user: null },
  { name: 'read-only member', user: await member('READ_ONLY') },
  { name: 'contributor', user: await member('CONTRIBUTOR') },
  { name: 'agency admin', user: await member('AGENCY_ADMIN') },
  { name: 'staff', user: await givenUser(db, { isPlatformAdmin: true }) },
];
const admin = personas[3]!.user!;
const knownIds = [agency.id, ...reports.map((r) => r.id), ...personas.flatMap((p) => (p.user ? [p.user.id] : []))];

/** Every table but those a refused request writes to on purpose (expect-no-writes.ts). */
const watched = await watchedTables(db);

const sessions = new Map<Persona, SignedIn>();
async function headersOf(persona: Persona): Promise<Record<string, string>> {
  if (!persona.user) return {};
  const known = sessions.get(persona);
  if (known) return known;
  const headers = await signIn(t.app, db, persona.user, t.clock);
  sessions.set(persona, headers);
  return headers;
}

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
const description = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
  paths: Record<string, Record<string, Operation>>;
}>();
const operations = Object.entries(description.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    route: path.replace(/\{(\w+)\}/g, ':$1'),
    operation,
  })),
);

/** Stands for "a real record for this parameter", made just before the request. */
const REAL = Symbol('a real record');
type Param = string | typeof REAL;

/** A raw payload that is not the JSON the route expects, with the type it is sent as. */
const rawPayloads = fc.constantFrom(
  { type: 'application/json', payload: '{' },
  { type: 'application/json', payload: '['.repeat(100_000) },
  { type: 'application/json', payload: JSON.stringify('z'.repeat(2_000_000)) },
  { type: 'application/json', payload: '{"__proto__":{"isPlatformAdmin":true}}' },
  { type: 'application/json', payload: '{"constructor":{"prototype":{"admin":true}}}' },
  { type: 'text/plain', payload: 'hello' },
  { type: 'application/x-www-form-urlencoded', payload: 'a=1&a=2' },
);

const uploadFieldSchema = z.toJSONSchema(uploadFormFields, { io: 'input' }) as JsonSchema;
const uploadBodies = fc.record({
  fields: fc.record(
    Object.fromEntries(
      Object.entries(uploadFieldSchema.properties ?? {}).map(([name, schema]) => [
        name,
        fc.oneof(fc.constant<Param>(REAL), textParam(schema)),
      ]),
    ),
    { requiredKeys: [] },
  ),
  fileName: fc.oneof(fc.constantFrom('arrests.csv', 'arrests.xlsx', 'arrests.exe', ''), hostileText),
  content: fc.oneof(
    fc.constant(
      csv([
        ['year', 'month', 'value'],
        [2023, 1, 10],
      ]),
    ),
    fc.constant(Buffer.from('PK\u0003\u0004 not really a workbook')),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  ),
});

function requestsFor(method: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const paramArbitrary = (p: Parameter) =>
    fc.oneof({ arbitrary: fc.constant<Param>(REAL), weight: 3 }, textParam(p.schema));
  const path = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, paramArbitrary(p)])),
  );
  const query = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, paramArbitrary(p)])),
    { requiredKeys: [] },
  );
  const schema = operation.requestBody?.content['application/json']?.schema;
  const sendsBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
  const body = sendsBody
    ? fc.oneof(
        { arbitrary: bodyFor(schema, knownIds).map((json) => ({ json })), weight: 9 },
        { arbitrary: rawPayloads.map((raw) => ({ raw })), weight: 1 },
      )
    : fc.constant(undefined);
  return fc.record({ persona: fc.constantFrom(...personas), path, query, body });
}

type Generated = fc.Arbitrary<ReturnType<typeof requestsFor> extends fc.Arbitrary<infer T> ? T : never>;

/** The value of a parameter in a real request: the fuzz agency, a fresh record, or the fuzzed text. */
async function resolve(name: string, value: Param, ctx: WalkContext): Promise<string> {
  if (value !== REAL) return value;
  if (name === 'agencyId' || name === 'agency_id') return String(agency.id);
  const fixture = paramFixtures[name];
  if (!fixture) return String(reports[0]!.id);
  // A fuzzed record may already hold the period the fixture picks; the next try picks another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return String(await fixture(ctx));
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const shorten = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);

describe.each(operations)('$method $route', ({ method, route, operation }) => {
  it(`answers ${RUNS} fuzzed requests without a 500, and refusals write nothing`, async () => {
    expect(ruleFor(method, route), 'every described route has a rule').toBeDefined();
    const isUpload = method === 'POST' && route === '/api/spreadsheets';
    const requests = requestsFor(method, operation) as Generated;
    const arbitrary = fc.tuple(requests, isUpload ? uploadBodies : fc.constant(undefined));
    const property = fc.asyncProperty(arbitrary, async ([request, upload]) => {
      const ctx: WalkContext = { db, agency, caller: request.persona.user, admin };
      let url = route;
      for (const [name, value] of Object.entries(request.path)) {
        url = url.replace(`:${name}`, encodeForUrl(await resolve(name, value, ctx)));
      }
      const query: string[] = [];
      for (const [name, value] of Object.entries(request.query)) {
        if (value !== undefined) query.push(`${name}=${encodeForUrl(await resolve(name, value, ctx))}`);
      }
      if (query.length > 0) url += `?${query.join('&')}`;
      const headers = await headersOf(request.persona);
      let payload: string | Buffer | undefined;
      if (upload) {
        const fields: Record<string, string> = {};
        for (const [name, value] of Object.entries(upload.fields)) {
          if (value !== undefined) fields[name] = await resolve(name, value, ctx);
        }
        const form = multipart(fields, { name: upload.fileName, content: upload.content });
        headers['content-type'] = form.contentType;
        payload = form.payload;
      } else if (request.body && 'raw' in request.body) {
        headers['content-type'] = request.body.raw.type;
        payload = request.body.raw.payload;
      } else if (request.body) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(request.body.json) ?? 'null';
      }

      const before = await tableDigest(db, watched);
      const res = await t.app.inject({ method, url, headers, payload });
      const sent = `${request.persona.name}: ${method} ${shorten(url)} ${shorten(String(payload ?? ''))}`;
      if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${sent}\n→ ${shorten(res.body)}`);
      if (res.statusCode >= 400) {
        const after = await tableDigest(db, watched);
        const changed = watched.filter((table) => after[table] !== before[table]);
        if (changed.length > 0) {
          throw new Error(`${res.statusCode} for ${sent} still wrote to ${changed.join(', ')}\n→ ${shorten(res.body)}`);
        }
      } else if (method !== 'GET') {
        // A successful write may have signed the caller out (sign-out, password or two-factor changes).
        sessions.delete(request.persona);
      }
    });
    await fc.assert(property, {
      seed: SEED + operations.findIndex((o) => o.operation === operation),
      numRuns: RUNS,
      endOnFailure: true,
      reporter: (details) => {
        if (details.failed) {
          throw new Error(`seed ${details.seed}, run ${details.numRuns}: ${(details.errorInstance as Error).message}`);
        }
      },
    });
  });
});
