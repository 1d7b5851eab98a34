/** Wire shapes and CSV files of completeness and participation (contract/completeness.ts). */
import { getMetric, isSystemName, systemLabel } from '@jc/catalogue';
import type {
  AgencyCompletenessResponse,
  CompletenessSummaryJson,
  StaffCompletenessResponse,
  SuperagencyCompletenessResponse,
} from '../../contract/completeness.ts';
import { stateFips, US_STATES } from '../../contract/us-states.ts';
import {
  summarize,
  type CompletenessSummary,
  type PeriodCompleteness,
} from '../../domain/completeness/completeness-rules.ts';
import type { AgencyCompleteness } from '../../domain/completeness/get-agency-completeness.ts';
import type { SuperagencyCompleteness } from '../../domain/completeness/get-superagency-completeness.ts';
import type { StaffCompleteness } from '../../domain/completeness/find-completeness-for-staff.ts';
import type { ParticipationGroup } from '../../domain/completeness/participation-rules.ts';
import { toCsv, type CsvCell } from '../../domain/csv.ts';
import { periodLabel } from '../../domain/reports/report-rules.ts';

function presentSummary(summary: CompletenessSummary): CompletenessSummaryJson {
  return {
    expected: summary.expected,
    reported: summary.reported,
    published: summary.published,
    share_reported: summary.shareReported,
    share_published: summary.sharePublished,
    median_days_to_publish: summary.medianDaysToPublish,
  };
}

const periodJson = (frequency: PeriodCompleteness['frequency'], period: PeriodCompleteness['period']) => ({
  frequency,
  start: period.start,
  end: period.end,
  label: periodLabel(period),
});

const missingNames = (period: PeriodCompleteness) =>
  period.expected.filter((key) => !period.reported.includes(key)).map((key) => getMetric(key)?.displayName ?? key);

export function presentAgencyCompleteness(found: AgencyCompleteness): AgencyCompletenessResponse {
  return {
    agency_id: found.agency.id,
    agency_name: found.agency.name,
    summary: presentSummary(found.summary),
    periods: found.periods.map((period) => ({
      ...periodJson(period.frequency, period.period),
      summary: presentSummary(summarize([period])),
      days_to_publish: period.daysToPublish,
      missing: missingNames(period),
    })),
  };
}

export function presentSuperagencyCompleteness(found: SuperagencyCompleteness): SuperagencyCompletenessResponse {
  return {
    agency_id: found.agency.id,
    agency_name: found.agency.name,
    summary: presentSummary(found.summary),
    children: found.children.map(({ agency, summary }) => ({
      agency_id: agency.id,
      name: agency.name,
      systems: agency.systems ?? [],
      summary: presentSummary(summary),
    })),
    periods: found.periods.map((period) => ({
      ...periodJson(period.frequency, period.period),
      agencies: period.agencies,
      summary: presentSummary(period.summary),
    })),
  };
}

const groupFields = (group: ParticipationGroup) => ({
  agencies: group.agencies,
  reporting_agencies: group.reportingAgencies,
  summary: presentSummary(group.summary),
});

export function presentStaffCompleteness(found: StaffCompleteness): StaffCompletenessResponse {
  const countyNames = new Map(found.agencies.flatMap(({ county }) => (county ? [[county.geoid, county.name]] : [])));
  return {
    summary: presentSummary(found.summary),
    agencies: found.agencies.map(({ agency, county, isReporting, summary }) => ({
      agency_id: agency.id,
      name: agency.name,
      systems: agency.systems ?? [],
      state_code: agency.stateCode?.toLowerCase() ?? null,
      county_fips: county ? county.geoid.slice(-5) : null,
      county_name: county?.name ?? null,
      is_reporting: isReporting,
      summary: presentSummary(summary),
    })),
    states: found.states.map((group) => ({
      state_code: group.group,
      state_name: US_STATES[group.group] ?? group.group,
      state_fips: stateFips(group.group),
      ...groupFields(group),
    })),
    counties: found.counties.map((group) => ({
      county_fips: group.group.slice(-5),
      county_name: countyNames.get(group.group) ?? group.group,
      ...groupFields(group),
    })),
    sectors: found.sectors.map((group) => ({
      sector: group.group,
      sector_name: isSystemName(group.group) ? systemLabel(group.group) : group.group,
      ...groupFields(group),
    })),
  };
}

const SUMMARY_HEADER = [
  'expected',
  'reported',
  'published',
  'share_reported',
  'share_published',
  'median_days_to_publish',
];

const summaryCells = (summary: CompletenessSummary): CsvCell[] => [
  summary.expected,
  summary.reported,
  summary.published,
  summary.shareReported,
  summary.sharePublished,
  summary.medianDaysToPublish,
];

/** One row per period. */
export function agencyCompletenessCsv(found: AgencyCompleteness): string {
  const header = ['period', 'frequency', 'start', 'end', ...SUMMARY_HEADER, 'days_to_publish', 'missing'];
  const rows = found.periods.map((period) => [
    periodLabel(period.period),
    period.frequency,
    period.period.start,
    period.period.end,
    ...summaryCells(summarize([period])),
    period.daysToPublish,
    missingNames(period).join('; '),
  ]);
  return toCsv(header, rows);
}

/** One row per child agency. */
export function superagencyCompletenessCsv(found: SuperagencyCompleteness): string {
  const header = ['agency_id', 'agency', 'sectors', ...SUMMARY_HEADER];
  const rows = found.children.map(({ agency, summary }) => [
    agency.id,
    agency.name,
    (agency.systems ?? []).join('; '),
    ...summaryCells(summary),
  ]);
  return toCsv(header, rows);
}

/** One row per agency, with its state and county. */
export function staffCompletenessCsv(found: StaffCompleteness): string {
  const header = ['agency_id', 'agency', 'state', 'county_fips', 'county', 'sectors', 'reporting', ...SUMMARY_HEADER];
  const rows = found.agencies.map(({ agency, county, isReporting, summary }) => [
    agency.id,
    agency.name,
    agency.stateCode ? (US_STATES[agency.stateCode.toLowerCase()] ?? agency.stateCode) : null,
    county?.geoid.slice(-5),
    county?.name,
    (agency.systems ?? []).join('; '),
    isReporting ? 'yes' : 'no',
    ...summaryCells(summary),
  ]);
  return toCsv(header, rows);
}
