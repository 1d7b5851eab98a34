/** Helpers for metric and agency settings tests: a signed-in member, the two routes, row counts. */
import { count, eq } from 'drizzle-orm';
import type { MetricSettingUpdate } from '../../src/contract/metric-settings.ts';
import { metricSetting, metricSettingHistory } from '../../src/db/schema.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { givenAgency, givenUser, signIn, type SignedIn } from './given.ts';
import type { TestApp } from './test-app.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

export interface Member {
  agency: AgencyRow;
  headers: SignedIn;
  userId: number;
}

export async function givenMember(t: TestApp, systems: string[], role: AgencyRole = 'AGENCY_ADMIN'): Promise<Member> {
  const agency = await givenAgency(t.database.db, { systems });
  const user = await givenUser(t.database.db, { agency, role });
  return { agency, headers: await signIn(t.app, t.database.db, user), userId: user.id };
}

/** Someone else signed in to the same agency with another role. */
export async function givenColleague(t: TestApp, agency: AgencyRow, role: AgencyRole | null): Promise<SignedIn> {
  return signIn(t.app, t.database.db, await givenUser(t.database.db, { agency, role }));
}

export function putMetrics(
  t: TestApp,
  headers: SignedIn,
  agencyId: number,
  metrics: MetricSettingUpdate[] | unknown[],
) {
  return t.app.inject({ method: 'PUT', url: `/api/agencies/${agencyId}/metrics`, headers, payload: { metrics } });
}

export function getMetrics(t: TestApp, headers: SignedIn, agencyId: number) {
  return t.app.inject({ method: 'GET', url: `/api/agencies/${agencyId}/metrics`, headers: { cookie: headers.cookie } });
}

/** Stored documents of the agency by metric key. */
export async function storedSettings(t: TestApp, agencyId: number): Promise<Record<string, unknown>> {
  const rows = await t.database.db.select().from(metricSetting).where(eq(metricSetting.agencyId, agencyId));
  return Object.fromEntries(rows.map((row) => [row.metricDefinitionKey, row.metricInterface]));
}

export async function historyRows(t: TestApp, agencyId: number) {
  return t.database.db
    .select()
    .from(metricSettingHistory)
    .where(eq(metricSettingHistory.agencyId, agencyId))
    .orderBy(metricSettingHistory.id);
}

/** Row counts a refused request must leave unchanged. */
export async function settingRowCounts(t: TestApp, agencyId: number) {
  const [settings] = await t.database.db
    .select({ n: count() })
    .from(metricSetting)
    .where(eq(metricSetting.agencyId, agencyId));
  return { settings: settings!.n, history: (await historyRows(t, agencyId)).length };
}
