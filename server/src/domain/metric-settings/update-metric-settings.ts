/**
 * PUT /api/agencies/:id/metrics: applies an agency admin's changes to its metric settings. Every
 * metric is checked against the catalogue before anything is written; then, in one transaction,
 * the changed documents are upserted and one history row per applied update is appended.
 */
import { getMetric, type MetricDef } from '@jc/catalogue';
import type { MetricSettingUpdate } from '../../contract/metric-settings.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { loadStoredSettings } from '../../db/queries/settings.ts';
import { metricsOfSystems } from './setting-rules.ts';
import type { StoredMetricSetting } from './stored-setting-rules.ts';
import { updateFromRequest } from './update-from-request.ts';
import { mergeStoredSettings, supervisionCascade, withMonthlyInvariant } from './update-rules.ts';
import { recordSettingChanges, lockAgencySettings, upsertSettingDocuments } from './write-settings.ts';

export interface UpdateMetricSettingsInput {
  agencyId: number;
  metrics: MetricSettingUpdate[];
  now: Date;
}

function findAgencyMetric(key: string, agencyMetrics: readonly MetricDef[], field: string, problems: FieldProblem[]) {
  const metric = agencyMetrics.find((candidate) => candidate.key === key);
  if (metric) return metric;
  const reason = getMetric(key)
    ? `is not a metric of this agency's sectors; change the agency's sectors first`
    : 'is not a Justice Counts metric key';
  problems.push({ field, message: `"${key}" ${reason}` });
  return undefined;
}

/** Validates the whole body against the catalogue; throws 400 naming every bad field. */
function readUpdates(input: UpdateMetricSettingsInput, systems: string[] | null) {
  const agencyMetrics = metricsOfSystems(systems);
  const problems: FieldProblem[] = [];
  const updates: { metric: MetricDef; update: StoredMetricSetting }[] = [];
  input.metrics.forEach((request, i) => {
    const metric = findAgencyMetric(request.key, agencyMetrics, `metrics.${i}.key`, problems);
    if (metric) updates.push({ metric, update: updateFromRequest(metric, request, `metrics.${i}`, problems) });
  });
  if (problems.length > 0) {
    const description = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new DomainError('invalid_input', description, problems);
  }
  return updates;
}

export async function updateMetricSettings(db: Executor, actor: Actor, input: UpdateMetricSettingsInput) {
  const agency = await getAgencyForAction(db, actor, 'metrics.edit', input.agencyId);
  const requested = readUpdates(input, agency.systems);
  // The reference applies the supervision cascade first, then the update as sent.
  const applied = requested.flatMap(({ metric, update }) => [
    ...supervisionCascade(metric, update, agency.systems),
    withMonthlyInvariant(update),
  ]);
  await db.transaction(async (tx) => {
    await lockAgencySettings(tx, agency.id);
    const documents = await loadStoredSettings(tx, agency.id);
    for (const update of applied) documents.set(update.key, mergeStoredSettings(documents.get(update.key), update));
    const changedKeys = [...new Set(applied.map((update) => update.key))];
    await upsertSettingDocuments(
      tx,
      agency.id,
      changedKeys.map((key) => documents.get(key)!),
    );
    await recordSettingChanges(tx, agency.id, actor, applied, input.now);
  });
}
