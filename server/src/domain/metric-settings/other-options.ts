/**
 * The admin panel's custom "Other" sub-categories of an agency: listed per sector, metric and
 * breakdown; replaced per member, with a history row per metric in the same transaction.
 */
import type { MetricDef } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import {
  otherBreakdowns,
  otherOptionsProblems,
  withOtherOptions,
  type OtherOptionsUpdate,
} from './other-options-rules.ts';
import { loadStoredSettings } from '../../db/queries/settings.ts';
import { metricsOfSystems } from './setting-rules.ts';
import { emptyStoredSetting, type StoredMetricSetting } from './stored-setting-rules.ts';
import { recordSettingChanges, lockAgencySettings, upsertSettingDocuments } from './write-settings.ts';
import { findAnyAgency } from '../permissions.ts';

export interface MetricWithOtherOptions {
  metric: MetricDef;
  setting: StoredMetricSetting | undefined;
}

/** The agency's metrics that have "Other" categories taking sub-categories, with their settings. */
export async function getOtherOptions(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<MetricWithOtherOptions[]> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  const stored = await loadStoredSettings(db, agency.id);
  return metricsOfSystems(agency.systems)
    .filter((metric) => otherBreakdowns(metric).length > 0)
    .map((metric) => ({ metric, setting: stored.get(metric.key) }));
}

export interface OtherOptionsInput {
  agencyId: number;
  metrics: readonly { metricKey: string; updates: readonly OtherOptionsUpdate[] }[];
  now: Date;
}

function readInput(input: OtherOptionsInput, agencyMetrics: readonly MetricDef[]) {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const checked = input.metrics.flatMap((entry, i) => {
    const field = `updates.${i}`;
    const metric = agencyMetrics.find((candidate) => candidate.key === entry.metricKey);
    if (!metric || seen.has(entry.metricKey)) {
      const message = metric ? 'is listed twice' : "is not a metric of this agency's sectors";
      problems.push({ field: `${field}.metric_key`, message: `"${entry.metricKey}" ${message}` });
      return [];
    }
    seen.add(metric.key);
    problems.push(...otherOptionsProblems(metric, entry.updates));
    return [{ metric, updates: entry.updates }];
  });
  if (problems.length > 0) {
    throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return checked;
}

export async function setOtherOptions(db: Executor, actor: Actor, input: OtherOptionsInput): Promise<void> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  const checked = readInput(input, metricsOfSystems(agency.systems));
  await db.transaction(async (tx) => {
    await lockAgencySettings(tx, agency.id);
    const stored = await loadStoredSettings(tx, agency.id);
    const documents = checked.map(({ metric, updates }) =>
      withOtherOptions(stored.get(metric.key) ?? emptyStoredSetting(metric.key), updates),
    );
    await upsertSettingDocuments(tx, agency.id, documents);
    await recordSettingChanges(tx, agency.id, actor, documents, input.now);
  });
}
