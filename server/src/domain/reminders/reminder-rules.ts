/**
 * Pure rules of the reminder emails (01-data-model §9.2): which records a reminder on a given day
 * is about, which metrics count as missing, and the email's text.
 */
import { isSupervisionSubsystem } from '@jc/catalogue';
import type { EmailMessage } from '../../ports.ts';
import { periodLabel, type DateRange } from '../reports/report-rules.ts';
import type { MetricWithValues } from '../../db/queries/report-page.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The end of the period a reminder sent today is about, for someone who asked for reminders
 * `offsetDays` after a period ends: the first of a month, or null when today is not their day.
 * Record ends are exclusive (March's record ends on April 1), so with 15 days the reminder for
 * March goes out on April 15, the 15th day after March.
 */
export function reminderPeriodEnd(today: string, offsetDays: number): string | null {
  const end = new Date(Date.parse(`${today}T00:00:00Z`) - (offsetDays - 1) * DAY_MS).toISOString().slice(0, 10);
  return end.endsWith('-01') ? end : null;
}

interface DatedRecord {
  dateRangeStart: string;
  dateRangeEnd: string;
}

/**
 * The annual records a reminder covers: the latest one of each starting month that has ended by
 * `periodEnd` (a calendar year and a fiscal year at most), newest first. They stay in every
 * monthly reminder until they are filled in, as in the reference.
 */
export function annualRecordsToRemind<T extends DatedRecord>(records: readonly T[], periodEnd: string, limit = 2): T[] {
  const latestByStartMonth = new Map<string, T>();
  for (const record of records) {
    if (record.dateRangeEnd > periodEnd) continue;
    const startMonth = record.dateRangeStart.slice(5, 7);
    const kept = latestByStartMonth.get(startMonth);
    if (!kept || kept.dateRangeEnd < record.dateRangeEnd) latestByStartMonth.set(startMonth, record);
  }
  return [...latestByStartMonth.values()].sort((a, b) => b.dateRangeEnd.localeCompare(a.dateRangeEnd)).slice(0, limit);
}

/**
 * A supervision agency reports a metric either combined or once per population (parole,
 * probation, ...), never both: the form it does not use is not missing.
 */
export function isUnusedSupervisionCopy({ metric, setting }: Pick<MetricWithValues, 'metric' | 'setting'>): boolean {
  const split = setting.disaggregatedBySupervisionSubsystems === true;
  if (metric.system === 'SUPERVISION') return split;
  return isSupervisionSubsystem(metric.system) && !split;
}

/** Display names of the metrics the agency switched on and has no total for on this record. */
export function missingMetricNames(metrics: readonly MetricWithValues[]): string[] {
  return metrics
    .filter((entry) => entry.setting.enabled === true && !isUnusedSupervisionCopy(entry))
    .filter((entry) => !entry.datapoints.some((d) => d.dimension === null && d.contextKey === null && d.value !== null))
    .map((entry) => entry.metric.displayName);
}

export interface ReminderSection {
  /** The record's period, e.g. "March 2024" or "calendar year 2023". */
  period: DateRange;
  /** One line per missing metric. */
  lines: string[];
}

/** For a superagency: each metric missing anywhere, with how many of its agencies lack it. */
export function countMissing(missingByAgency: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const names of missingByAgency) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const of = missingByAgency.length;
  return [...counts].map(([name, count]) => `${name} (missing for ${count} of ${of} agencies)`);
}

export function reminderEmail(input: {
  to: string;
  agencyName: string;
  link: string;
  sections: readonly ReminderSection[];
}): EmailMessage {
  const sections = input.sections.flatMap((section) => [
    '',
    `Metrics for ${periodLabel(section.period)}:`,
    ...section.lines.map((line) => `  - ${line}`),
  ]);
  return {
    to: input.to,
    subject: `Reminder to Upload Metrics for ${input.agencyName} in Publisher`,
    text: [
      `Please upload the following metrics for ${input.agencyName} in Justice Counts Publisher:`,
      ...sections,
      '',
      `Enter or upload them here: ${input.link}`,
      '',
      'You get this email because you asked for reminders in Settings. To stop them, or to choose',
      'another day, change "Email reminders" there.',
    ].join('\n'),
  };
}
