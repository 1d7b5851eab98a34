/**
 * What the Home page needs in one call (02-http-api §2.3): the agency's metric settings, the
 * latest monthly record and the latest annual record per starting month with their values, and
 * the agency's child agencies (a superagency's Home lists them).
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { findChildAgencies, type AgencyRow } from '../agencies/child-agencies.ts';
import { findMetricSettings, type MetricWithSetting } from '../metric-settings/find-metric-settings.ts';
import { findAgencyReports } from '../reports/find-agency-reports.ts';
import { getReportPage, type ReportPage } from '../reports/get-report-page.ts';
import { latestRecords } from './home-rules.ts';

export interface HomeOverview {
  metrics: readonly MetricWithSetting[];
  monthlyReport: ReportPage | null;
  /** Starting month (1–12) → the latest annual record starting in it, in month order. */
  annualReports: Map<number, ReportPage>;
  childAgencies: AgencyRow[];
}

export async function getHomeOverview(
  db: Executor,
  actor: Actor,
  input: { agencyId: number; today: string },
): Promise<HomeOverview> {
  // Each finder checks the actor may see the agency (404 for outsiders) before reading anything.
  const metrics = await findMetricSettings(db, actor, { agency: input.agencyId });
  const summaries = await findAgencyReports(db, actor, input.agencyId);
  const latest = latestRecords(
    summaries.map((s) => s.report),
    input.today,
  );
  const annualMonths = [...latest.annual.keys()].sort((a, b) => a - b);
  const [monthlyReport, annualPages, childAgencies] = await Promise.all([
    latest.monthly ? getReportPage(db, actor, latest.monthly.id) : null,
    Promise.all(annualMonths.map((month) => getReportPage(db, actor, latest.annual.get(month)!.id))),
    findChildAgencies(db, actor, { agencyId: input.agencyId }),
  ]);
  return {
    metrics,
    monthlyReport,
    annualReports: new Map(annualMonths.map((month, i) => [month, annualPages[i]!])),
    childAgencies,
  };
}
