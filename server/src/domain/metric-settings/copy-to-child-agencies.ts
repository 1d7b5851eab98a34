/**
 * Justice Counts staff copy a superagency's metric settings to its child agencies (admin panel).
 * The reference starts a cloud job and emails the result later; here the copy is one transaction
 * in this process, with a history row per copied setting, and the answer says what was copied.
 */
import { getMetric } from '@jc/catalogue';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError, invalid } from '../errors.ts';
import { ALL_METRICS, copiedSetting, planCopy } from './copy-rules.ts';
import { loadStoredSettings } from '../../db/queries/settings.ts';
import { metricsOfSystems } from './setting-rules.ts';
import { recordSettingChanges, upsertSettingDocuments } from './write-settings.ts';
import { findAnyAgency } from '../permissions.ts';

export interface CopyToChildrenInput {
  superAgencyId: number;
  metricKeys: readonly string[];
  /** Absent: every child agency. */
  childAgencyIds?: readonly number[] | undefined;
  now: Date;
}

export interface CopiedToChild {
  agencyId: number;
  agencyName: string;
  metricKeys: string[];
  skippedMetricKeys: string[];
}

function checkKeys(keys: readonly string[]): void {
  const unknown = keys.findIndex((key) => key !== ALL_METRICS && !getMetric(key));
  if (unknown >= 0) {
    throw invalid(`metric_definition_key_subset.${unknown}`, `"${keys[unknown]}" is not a Justice Counts metric key`);
  }
}

async function chosenChildren(tx: Executor, superAgencyId: number, subset: readonly number[] | undefined) {
  const children = await tx
    .select()
    .from(source)
    .where(and(eq(source.superAgencyId, superAgencyId), eq(source.type, 'agency')));
  if (subset === undefined) return children;
  const stranger = subset.findIndex((id) => !children.some((child) => child.id === id));
  if (stranger >= 0) {
    throw invalid(
      `child_agency_id_subset.${stranger}`,
      `agency ${subset[stranger]} is not a child of this superagency`,
    );
  }
  return children.filter((child) => subset.includes(child.id));
}

export async function copyToChildAgencies(
  db: Executor,
  actor: Actor,
  input: CopyToChildrenInput,
): Promise<CopiedToChild[]> {
  const parent = await findAnyAgency(db, actor, input.superAgencyId);
  if (!parent.isSuperagency) {
    throw new DomainError('invalid_input', `Agency ${parent.id} ("${parent.name}") is not a superagency.`);
  }
  checkKeys(input.metricKeys);
  return db.transaction(async (tx) => {
    const children = await chosenChildren(tx, parent.id, input.childAgencyIds);
    const from = await loadStoredSettings(tx, parent.id);
    const results: CopiedToChild[] = [];
    for (const child of children) {
      const childKeys = new Set(metricsOfSystems(child.systems).map((metric) => metric.key));
      const plan = planCopy(input.metricKeys, new Set(from.keys()), childKeys);
      const current = await loadStoredSettings(tx, child.id);
      const documents = plan.copy.map((key) => copiedSetting(from.get(key)!, current.get(key)));
      await upsertSettingDocuments(tx, child.id, documents);
      await recordSettingChanges(tx, child.id, actor, documents, input.now);
      results.push({ agencyId: child.id, agencyName: child.name, metricKeys: plan.copy, skippedMetricKeys: plan.skip });
    }
    return results;
  });
}
