/**
 * What the Home page needs in one call (02-http-api §2.3): the agency's metric settings, the
 * latest monthly record and the latest annual record per starting month with their values, and
 * the agency's child agencies (a superagency's Home lists them).
 */
import type { Executor } from '../../db/database.ts';
import { childAgenciesOf, type AgencyRow } from '../../db/queries/agencies.ts';
import { currentSettings, type MetricWithSetting } from '../../db/queries/current-settings.ts';
import { loadReportPage, type ReportPage } from '../../db/queries/report-page.ts';
import { agencyReports, type ReportRow } from '../../db/queries/reports.ts';
import type { Actor } from '../actor.ts';
import { assertCan, getAgencyForAction } from '../permissions.ts';
import { latestRecords } from './home-rules.ts';
import { loadStoredSettingsOf } from '../../db/queries/settings.ts';
import { metricsDifferingFromDefault } from '../metric-settings/comparability-rules.ts';
import { metricsOfSystems } from '../metric-settings/setting-rules.ts';
import type { MetricDef } from '@jc/catalogue';

export interface HomeOverview {
  metrics: readonly MetricWithSetting[];
  monthlyReport: ReportPage | null;
  /** Starting month (1–12) → the latest annual record starting in it, in month order. */
  annualReports: Map<number, ReportPage>;
  childAgencies: AgencyRow[];
  /** Child agency id → its metrics counted differently from the Justice Counts definition. */
  childDifferences: Map<number, MetricDef[]>;
}

/** Which metrics each child agency counts differently from the default (comparability-rules.ts). */
async function differencesOf(db: Executor, children: readonly AgencyRow[]): Promise<Map<number, MetricDef[]>> {
  const stored = await loadStoredSettingsOf(
    db,
    children.map((child) => child.id),
  );
  return new Map(
    children.map((child) => [
      child.id,
      metricsDifferingFromDefault(metricsOfSystems(child.systems), stored.get(child.id) ?? new Map()),
    ]),
  );
}

export async function getHomeOverview(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; today: string },
): Promise<HomeOverview> {
  // The page shows settings, records and child agencies: the actor must be allowed all three
  // (404 for outsiders) before anything is read.
  const agency = await getAgencyForAction(db, actor, 'metrics.view', input.agencyId);
  assertCan(actor, 'reports.view', agency);
  assertCan(actor, 'agency.view', agency);
  const [settings, reports, childAgencies] = await Promise.all([
    currentSettings(db, agency),
    agencyReports(db, agency.id),
    childAgenciesOf(db, agency.id),
  ]);
  const latest = latestRecords(reports, input.today);
  const pageOf = (report: ReportRow) => loadReportPage(db, actor, { report, agency });
  const annualMonths = [...latest.annual.keys()].sort((a, b) => a - b);
  const [monthlyReport, annualPages, childDifferences] = await Promise.all([
    latest.monthly ? pageOf(latest.monthly) : null,
    Promise.all(annualMonths.map((month) => pageOf(latest.annual.get(month)!))),
    differencesOf(db, childAgencies),
  ]);
  return {
    metrics: settings.metrics,
    monthlyReport,
    annualReports: new Map(annualMonths.map((month, i) => [month, annualPages[i]!])),
    childAgencies,
    childDifferences,
  };
}
