/** Metric files and periods the upload unit tests build their rows from (law enforcement arrests, 2021). */
import { reportDateRange } from '../../contract/report-periods.ts';
import { findMetricFile } from './metric-files.ts';

export const arrestsTotal = findMetricFile('LAW_ENFORCEMENT', 'arrests')!;
export const arrestsByType = findMetricFile('LAW_ENFORCEMENT', 'arrests_by_type')!;

/** The upload's period for a month of 2021. */
export const month2021 = (number: number) => ({
  ...reportDateRange('MONTHLY', 2021, number),
  frequency: 'MONTHLY' as const,
  label: `${number}/2021`,
});
