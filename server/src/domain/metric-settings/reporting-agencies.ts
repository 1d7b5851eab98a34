/**
 * Who reports each of an agency's metrics: the agency itself, one of the vendors, or its own
 * superagency (admin panel). Writing sets the two fields outright, so a choice can be cleared
 * (null), and appends a history row per metric in the same transaction.
 */
import { eq, or } from 'drizzle-orm';
import type { MetricDef } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import { loadStoredSettings } from '../../db/queries/settings.ts';
import { metricsOfSystems } from './setting-rules.ts';
import { emptyStoredSetting, type StoredMetricSetting } from './stored-setting-rules.ts';
import { recordSettingChanges, lockAgencySettings, upsertSettingDocuments } from './write-settings.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import { findAnyAgency } from '../permissions.ts';

export interface ReportingAgencyOption {
  id: number;
  name: string;
  category: 'VENDOR' | 'AGENCY';
}

export interface ReportingAgencies {
  agency: AgencyRow;
  options: ReportingAgencyOption[];
  metrics: { metric: MetricDef; setting: StoredMetricSetting | undefined }[];
}

/** The vendors, and the agency's superagency if it has one. */
async function optionsFor(db: Executor, agency: AgencyRow): Promise<ReportingAgencyOption[]> {
  const parent = agency.superAgencyId === null ? undefined : eq(source.id, agency.superAgencyId);
  const rows = await db
    .select()
    .from(source)
    .where(or(eq(source.type, 'vendor'), parent))
    .orderBy(source.name);
  return rows.map((row) => ({ id: row.id, name: row.name, category: row.type === 'vendor' ? 'VENDOR' : 'AGENCY' }));
}

export async function getReportingAgencies(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<ReportingAgencies> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  const stored = await loadStoredSettings(db, agency.id);
  const metrics = metricsOfSystems(agency.systems).map((metric) => ({ metric, setting: stored.get(metric.key) }));
  return { agency, options: await optionsFor(db, agency), metrics };
}

export interface ReportingAgencyChoice {
  metricKey: string;
  reportingAgencyId: number | null;
  isSelfReported: boolean | null;
}

function choiceProblems(choices: readonly ReportingAgencyChoice[], metrics: Set<string>, options: Set<number>) {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    if (seen.has(choice.metricKey)) {
      problems.push({ field: `reporting_agencies.${i}.metric_key`, message: `"${choice.metricKey}" is listed twice` });
    }
    seen.add(choice.metricKey);
    if (!metrics.has(choice.metricKey)) {
      const message = `"${choice.metricKey}" is not a metric of this agency's sectors`;
      problems.push({ field: `reporting_agencies.${i}.metric_key`, message });
    }
    if (choice.reportingAgencyId !== null && !options.has(choice.reportingAgencyId)) {
      const message = `${choice.reportingAgencyId} is not a vendor or this agency's superagency`;
      problems.push({ field: `reporting_agencies.${i}.reporting_agency_id`, message });
    }
  });
  return problems;
}

export async function setReportingAgencies(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; choices: readonly ReportingAgencyChoice[]; now: Date },
): Promise<void> {
  const agency = await findAnyAgency(db, actor, input.agencyId);
  const metricKeys = new Set(metricsOfSystems(agency.systems).map((metric) => metric.key));
  const optionIds = new Set((await optionsFor(db, agency)).map((option) => option.id));
  const problems = choiceProblems(input.choices, metricKeys, optionIds);
  if (problems.length > 0) {
    throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  await db.transaction(async (tx) => {
    await lockAgencySettings(tx, agency.id);
    const stored = await loadStoredSettings(tx, agency.id);
    const documents = input.choices.map((choice) => ({
      ...(stored.get(choice.metricKey) ?? emptyStoredSetting(choice.metricKey)),
      reporting_agency_id: choice.reportingAgencyId,
      is_self_reported: choice.isSelfReported,
    }));
    await upsertSettingDocuments(tx, agency.id, documents);
    const updates = input.choices.map((choice) => ({
      key: choice.metricKey,
      reporting_agency_id: choice.reportingAgencyId,
      is_self_reported: choice.isSelfReported,
    }));
    await recordSettingChanges(tx, agency.id, actor, updates, input.now);
  });
}
