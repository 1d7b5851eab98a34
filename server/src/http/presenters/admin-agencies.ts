/** Wire shapes of the admin panel's agencies (02-http-api §2.10 routes 46–51). */
import type { MetricDef } from '@jc/catalogue';
import type { AdminAgencySummary, CopyToChildrenResponse, SaveAgencyResponse } from '../../contract/admin-agencies.ts';
import type { AgencyWithTeam } from '../../domain/agencies/get-agency-with-team.ts';
import type { AdminAgencySummary as Summary } from '../../domain/agencies/find-agencies-for-admin.ts';
import type { CopiedToChild } from '../../domain/metric-settings/copy-to-child-agencies.ts';
import { presentAgencyNoTeam } from './admin-users.ts';
import { presentAgencyFull } from './agencies.ts';

export function presentAdminAgency(summary: Summary): AdminAgencySummary {
  return {
    ...presentAgencyNoTeam(summary.agency),
    child_agency_ids: summary.childAgencyIds,
    agency_url: summary.url,
    agency_description: summary.description,
  };
}

/** The sector is the system name with spaces, as the reference shows it ("LAW ENFORCEMENT"). */
export function presentAdminMetric(metric: MetricDef) {
  return { key: metric.key, name: metric.displayName, sector: metric.system.replaceAll('_', ' ') };
}

export function presentCopyResult(results: CopiedToChild[]): CopyToChildrenResponse {
  return {
    status: 'ok',
    status_code: 200,
    copied: results.map((result) => ({
      agency_id: result.agencyId,
      agency_name: result.agencyName,
      metric_keys: result.metricKeys,
      skipped_metric_keys: result.skippedMetricKeys,
    })),
  };
}

const settingText = (settings: { settingType: string; value: unknown }[], type: string) => {
  const value = settings.find((setting) => setting.settingType === type)?.value;
  return typeof value === 'string' ? value : null;
};

export function presentSavedAgency(saved: AgencyWithTeam & { childAgencyIds: number[] }): SaveAgencyResponse {
  return {
    ...presentAgencyFull(saved),
    child_agency_ids: saved.childAgencyIds,
    agency_url: settingText(saved.settings, 'HOMEPAGE_URL'),
    agency_description: settingText(saved.settings, 'PURPOSE_AND_FUNCTIONS'),
  };
}
