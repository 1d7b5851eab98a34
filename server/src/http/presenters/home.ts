/** The Home payload on the wire, in the reference's shape, from the existing presenters. */
import type { HomeResponse } from '../../contract/home.ts';
import type { HomeOverview } from '../../domain/home/get-home-overview.ts';
import { presentAgencySimple } from './agencies.ts';
import { presentMetricSetting } from './metric-settings.ts';
import { presentReportPage } from './report-page.ts';

export function presentHome(home: HomeOverview): HomeResponse {
  return {
    agency_metrics: home.metrics.map(presentMetricSetting),
    monthly_report: home.monthlyReport ? presentReportPage(home.monthlyReport) : {},
    annual_reports: Object.fromEntries(
      [...home.annualReports].map(([month, page]) => [String(month), presentReportPage(page)]),
    ),
    child_agencies: home.childAgencies.map(presentAgencySimple),
    child_definitions: [...home.childDifferences].map(([agencyId, metrics]) => ({
      agency_id: agencyId,
      differing_metrics: metrics.map((metric) => ({ key: metric.key, display_name: metric.displayName })),
    })),
  };
}
