/**
 * An upload row as the worker checks it: the agency, metric file, breakdown member and period one
 * value belongs to. Its own module so that the readers, the checked-row columns and the planner all
 * name it without importing each other.
 */
import type { MemberDef } from '@jc/catalogue';
import type { DateRange, ReportFrequency } from '../../contract/report-periods.ts';
import type { MetricFile } from './metric-files.ts';

export interface Period extends DateRange {
  frequency: ReportFrequency;
  /** `1/2023` for a month, `2023` for a year (the year it ends in, for fiscal years). */
  label: string;
}

export interface UploadRow {
  /** The sheet the row came from, as messages name it. */
  sheetName: string;
  rowNumber: number;
  singlePage: boolean;
  /** The sheet the row belongs to, pointed at the metric it reports (a sub-system's copy for split supervision). */
  file: MetricFile;
  agencyId: number;
  member: MemberDef | null;
  period: Period;
  value: number;
}
