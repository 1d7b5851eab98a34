/**
 * Each month, create every agency's records for the periods that have just ended: the previous
 * month, and the twelve months ending now (a calendar year in January, a fiscal year in the month
 * it starts). An agency gets a record only if at least one of its metrics, not switched off, is
 * reported at that frequency (and, for annual records, from that month). Child agencies are left
 * to their superagency's uploads, as in the reference. Existing records are kept: safe to repeat.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import { getMetric } from '@jc/catalogue';
import { resolveMetricSettings } from '../../db/queries/settings.ts';
import type { ResolvedMetricSetting } from '../metric-settings/setting-rules.ts';
import { recurringPeriods, reportInstance, type DateRange, type ReportFrequency } from './report-rules.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import { insertReports, type NewReportRow } from '../../db/queries/reports.ts';

export interface CreatedReport {
  id: number;
  agencyId: number;
  frequency: ReportFrequency;
  range: DateRange;
}

function wantedFrequencies(agency: AgencyRow, settings: ResolvedMetricSetting[], annualStartingMonth: number) {
  const reported = settings.filter(
    (s) => s.enabled !== false && (!agency.isSuperagency || getMetric(s.key)?.system === 'SUPERAGENCY'),
  );
  return {
    monthly: reported.some((s) => s.frequency === 'MONTHLY'),
    annual: reported.some((s) => s.frequency === 'ANNUAL' && (s.startingMonth ?? 1) === annualStartingMonth),
  };
}

/** Agencies the job serves: every agency that is not a child of a superagency. */
function findTopLevelAgencies(db: Executor): Promise<AgencyRow[]> {
  return db
    .select()
    .from(source)
    .where(and(eq(source.type, 'agency'), isNull(source.superAgencyId)))
    .orderBy(source.id);
}

/**
 * Creates the records ending on `today` for every agency that is not a child agency (or only for
 * `agencies`, when given); returns the ones it created.
 */
export async function createRecurringReports(
  db: Executor,
  input: { today: string; agencies?: readonly AgencyRow[] },
): Promise<CreatedReport[]> {
  const periods = recurringPeriods(input.today);
  const rows: NewReportRow[] = [];
  for (const agency of input.agencies ?? (await findTopLevelAgencies(db))) {
    const wanted = wantedFrequencies(agency, await resolveMetricSettings(db, agency), periods.annualStartingMonth);
    const add = (frequency: ReportFrequency, range: DateRange) =>
      rows.push({
        sourceId: agency.id,
        type: frequency,
        instance: reportInstance(frequency, range.start),
        createdAt: input.today,
        status: 'NOT_STARTED',
        dateRangeStart: range.start,
        dateRangeEnd: range.end,
        modifiedBy: [],
      });
    if (wanted.monthly) add('MONTHLY', periods.monthly);
    if (wanted.annual) add('ANNUAL', periods.annual);
  }
  const created = await insertReports(db, rows);
  return created.map((r) => ({
    id: r.id,
    agencyId: r.sourceId,
    frequency: r.type as ReportFrequency,
    range: { start: r.dateRangeStart, end: r.dateRangeEnd },
  }));
}
