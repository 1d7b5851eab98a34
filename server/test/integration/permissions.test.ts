/**
 * The route walk: every route registered on the app is called as six kinds of caller and each
 * answer is checked against its rule in server/src/http/route-rules.ts (the same tables as
 * docs/permissions.md). A route without a rule fails here by name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { agencyRules } from '../../src/domain/permissions.ts';
import { registeredRoutes, type RegisteredRoute } from '../../src/http/plugins/auth.ts';
import { routeRules, ruleFor, type RouteRule } from '../../src/http/route-rules.ts';
import { givenAgency, givenUser, signIn, type UserRow } from '../support/given.ts';
import { permissionsDoc } from '../support/permissions-doc.ts';
import { paramFixtures, sampleBodies, type WalkContext } from '../support/route-fixtures.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
t.config.dropFolder = { path: tmpdir(), secret: 'drop-folder-secret-'.repeat(2) };
const { db } = t.database;

const RULES_FILE = 'server/src/http/route-rules.ts';
// Its dashboard is on, so the public routes answer it as they would any agency with a dashboard.
const agency = await givenAgency(db, { name: 'Walk Agency', systems: ['LAW_ENFORCEMENT'], isDashboardEnabled: true });
const otherAgency = await givenAgency(db, { name: 'Other Agency' });

interface Persona {
  name: string;
  user: UserRow | null;
  /** Role in the walk agency: undefined for outsiders and the signed-out. */
  role?: AgencyRole;
  isPlatformAdmin?: boolean;
}
const personas: Persona[] = [
  { name: 'signed out', user: null },
  { name: 'READ_ONLY', role: 'READ_ONLY', user: await givenUser(db, { agency, role: 'READ_ONLY' }) },
  { name: 'CONTRIBUTOR', role: 'CONTRIBUTOR', user: await givenUser(db, { agency, role: 'CONTRIBUTOR' }) },
  { name: 'AGENCY_ADMIN', role: 'AGENCY_ADMIN', user: await givenUser(db, { agency, role: 'AGENCY_ADMIN' }) },
  { name: 'member of another agency', user: await givenUser(db, { agency: otherAgency, role: 'AGENCY_ADMIN' }) },
  { name: 'platform admin', isPlatformAdmin: true, user: await givenUser(db, { isPlatformAdmin: true }) },
];
const admin = personas.find((p) => p.role === 'AGENCY_ADMIN')!.user!;

function isAllowed(rule: RouteRule, persona: Persona): boolean {
  if (!persona.user) return rule.access === 'public';
  if (rule.access !== 'agency') return rule.access !== 'platform_admin' || persona.isPlatformAdmin === true;
  if (persona.isPlatformAdmin) return true;
  if (!persona.role) return false;
  const allowed: string | readonly string[] = agencyRules[rule.action];
  return allowed === 'member' || allowed.includes(persona.role);
}

async function request(route: RegisteredRoute, rule: RouteRule, persona: Persona) {
  const ctx: WalkContext = { db, agency, caller: persona.user, admin };
  const agencyParam =
    rule.access === 'agency' && 'param' in rule.agencyFrom && !('record' in rule.agencyFrom)
      ? rule.agencyFrom.param
      : 'agencyId';
  let url = route.url;
  for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
    const fixture = paramFixtures[name!];
    if (name !== agencyParam && !fixture) {
      throw new Error(
        `route ${route.method} ${route.url}: no fixture for :${name}; add one to server/test/support/route-fixtures.ts`,
      );
    }
    url = url.replace(`:${name}`, String(name === agencyParam ? agency.id : await fixture!(ctx)));
  }
  if (rule.access === 'agency' && 'query' in rule.agencyFrom) {
    url += `?${rule.agencyFrom.query}=${agency.id}`;
  }
  const sample = sampleBodies[`${route.method} ${route.url}`];
  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
  const headers = persona.user ? await signIn(t.app, db, persona.user, t.clock) : {};
  const payload = hasBody ? ((await sample?.(ctx)) ?? {}) : undefined;
  return {
    res: await t.app.inject({ method: route.method as 'GET', url, headers, payload }),
    validBody: !hasBody || !!sample,
  };
}

/** What each kind of caller may get back from a route with this rule. */
function check(rule: RouteRule, persona: Persona, status: number, validBody: boolean): string | undefined {
  if (status >= 500) return 'answered with a server error';
  // No person may ingest from the drop folder: only the secret (which no persona sends) opens it.
  if (rule.access === 'drop_folder') return status === 401 ? undefined : `answered ${status} (expected 401)`;
  if (isAllowed(rule, persona)) {
    if ([401, 403, 404].includes(status)) return `refused an allowed caller with ${status}`;
    return undefined;
  }
  if (!persona.user) return status === 401 ? undefined : `answered ${status} to a signed-out caller (expected 401)`;
  // The upload form is read by the handler, so a bad form can be refused before the gate sees it.
  const gated = rule.access !== 'agency' || !('form' in rule.agencyFrom);
  const expected = persona.role ? [403] : [403, 404];
  const acceptable = gated || validBody ? expected : [...expected, 400, 415];
  return acceptable.includes(status) ? undefined : `answered ${status} (expected ${acceptable.join(' or ')})`;
}

const routes = registeredRoutes(t.app);

describe('route rules', () => {
  it('exist for every registered route', () => {
    const missing = routes
      .filter((r) => !ruleFor(r.method, r.url))
      .map((r) => `route ${r.method} ${r.url} has no rule in ${RULES_FILE}`);
    expect(missing).toEqual([]);
  });

  it('say "public" exactly for the routes marked public', () => {
    const mismatched = routes
      .filter((r) => ruleFor(r.method, r.url) && (ruleFor(r.method, r.url)!.access === 'public') !== r.isPublic)
      .map(
        (r) =>
          `route ${r.method} ${r.url}: ${r.isPublic ? 'marked public but' : 'needs sign-in but'} its rule in ${RULES_FILE} says otherwise`,
      );
    expect(mismatched).toEqual([]);
  });

  it('name only routes that exist', () => {
    const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(routeRules).filter((key) => !registered.has(key))).toEqual([]);
  });

  it('are written down in docs/permissions.md', () => {
    const file = new URL('../../../docs/permissions.md', import.meta.url);
    if (process.env.UPDATE_PERMISSIONS_DOC) writeFileSync(file, permissionsDoc());
    expect(readFileSync(file, 'utf8'), 'docs/permissions.md is stale: rerun with UPDATE_PERMISSIONS_DOC=1').toBe(
      permissionsDoc(),
    );
  });
});

describe('route walk', () => {
  for (const route of routes) {
    const rule = ruleFor(route.method, route.url);
    it(`${route.method} ${route.url}`, async () => {
      if (!rule) throw new Error(`route ${route.method} ${route.url} has no rule in ${RULES_FILE}`);
      const problems: string[] = [];
      for (const persona of personas) {
        const { res, validBody } = await request(route, rule, persona);
        const problem = check(rule, persona, res.statusCode, validBody);
        if (problem) problems.push(`as ${persona.name}: ${problem}: ${res.body.slice(0, 200)}`);
      }
      expect(problems, `${route.method} ${route.url} (${JSON.stringify(rule)})`).toEqual([]);
    });
  }
});
