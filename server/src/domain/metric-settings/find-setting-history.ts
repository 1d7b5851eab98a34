/**
 * Who changed which metric setting of an agency, when, from what to what: its
 * `metric_setting_history`, newest first, for one metric or all of them (Set Up Metrics).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { metricSettingHistory, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { loadEditors, type Editor } from '../../db/queries/report-editors.ts';
import { settingChanges, type SettingChange } from './setting-history-rules.ts';

export interface SettingHistoryEntry {
  metricKey: string;
  /** null for people no longer in the agency. */
  user: Editor | null;
  /** null only for rows written without one (the column allows it). */
  timestamp: Date | null;
  changes: SettingChange[];
}

/** Most entries returned at once; the screen shows recent changes, not an archive. */
const MAX_ENTRIES = 200;

/** Reporting agencies are stored by id; people read them by name. */
async function agencyNamer(db: Executor, changes: readonly SettingChange[]) {
  const ids = changes.flatMap((c) => (c.aspect === 'reporting_agency' ? [c.oldValue, c.newValue] : []));
  const numbers = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const rows =
    numbers.length === 0
      ? []
      : await db.select({ id: source.id, name: source.name }).from(source).where(inArray(source.id, numbers));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const name = (id: SettingChange['oldValue']) => (typeof id === 'number' ? (names.get(id) ?? `Agency ${id}`) : id);
  return (c: SettingChange): SettingChange =>
    c.aspect === 'reporting_agency' ? { ...c, oldValue: name(c.oldValue), newValue: name(c.newValue) } : c;
}

export async function findSettingHistory(
  db: Executor,
  actor: Actor,
  input: { agency: AgencyOrId; metricKey?: string | undefined },
): Promise<SettingHistoryEntry[]> {
  const agency = await getAgencyForAction(db, actor, 'metrics.view', input.agency);
  const rows = await db
    .select({
      metricKey: metricSettingHistory.metricDefinitionKey,
      updates: metricSettingHistory.updates,
      userId: metricSettingHistory.userAccountId,
      timestamp: metricSettingHistory.timestamp,
    })
    .from(metricSettingHistory)
    .where(
      and(
        eq(metricSettingHistory.agencyId, agency.id),
        input.metricKey === undefined ? undefined : eq(metricSettingHistory.metricDefinitionKey, input.metricKey),
      ),
    )
    .orderBy(asc(metricSettingHistory.timestamp), asc(metricSettingHistory.id));
  const changes = settingChanges(rows);
  const recent = rows
    .map((row, i) => ({ row, changes: changes[i]! }))
    .filter((entry) => entry.changes.length > 0)
    .slice(-MAX_ENTRIES)
    .reverse();
  const editorsOf = await loadEditors(
    db,
    actor,
    agency,
    recent.map(({ row }) => (row.userId === null ? [] : [row.userId])),
  );
  const named = await agencyNamer(
    db,
    recent.flatMap((entry) => entry.changes),
  );
  return recent.map(({ row, changes }) => ({
    metricKey: row.metricKey,
    user: row.userId === null ? null : (editorsOf([row.userId])[0] ?? null),
    timestamp: row.timestamp,
    changes: changes.map(named),
  }));
}
