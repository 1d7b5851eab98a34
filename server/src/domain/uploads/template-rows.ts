/**
 * The content of an upload template: which sheets, columns and example rows (every period of last
 * year and this year that has ended, every breakdown member, sub-system and child agency, with
 * `value` left blank to fill in). Custom templates hold the enabled metrics and breakdown members
 * at their own frequencies (for a superagency's child sector, those of its children); default
 * ones hold every metric. Pure: the workbook is written elsewhere.
 */
import {
  getMetric,
  isSupervisionSubsystem,
  metricKey,
  type MemberDef,
  type MetricDef,
  type SystemName,
} from '@jc/catalogue';
import { reportDateRange } from '../../contract/report-periods.ts';
import { metricFilesFor, type MetricFile } from './metric-files.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';
import { monthExpected } from './validate-upload.ts';

export type TemplateCell = string | number | null;

export interface TemplateSheet {
  name: string;
  header: string[];
  rows: TemplateCell[][];
}

export interface TemplateOptions {
  singlePage: boolean;
  /** Default template: every metric and member at the catalogue's frequencies. */
  isGeneric: boolean;
}

/** The single-page template's one sheet. */
export const SINGLE_PAGE_SHEET = 'Sheet 1';

interface Period {
  year: number;
  month: number | null;
}

/**
 * The agencies whose settings shape a custom template: the agency itself, or for a superagency's
 * child sector its child agencies (the rows go to them, under their own settings).
 */
export function settingAgencies(context: UploadContext): number[] {
  return context.children.length > 0 ? context.children.map((child) => child.id) : [context.agency.id];
}

function isMonthly(context: UploadContext, metric: MetricDef, options: TemplateOptions): boolean {
  if (options.isGeneric) return metric.defaultFrequency === 'MONTHLY';
  return monthExpected(context, [metric]);
}

/** Last year's and this year's periods that have ended: figures for later ones may still change. */
function periods(context: UploadContext, monthly: boolean, startingMonth: number): Period[] {
  const years = [context.currentYear - 1, context.currentYear];
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const all = years.flatMap((year): Period[] =>
    monthly ? months.map((month) => ({ year, month })) : [{ year, month: null }],
  );
  return all.filter(({ year, month }) => {
    const range =
      month === null ? reportDateRange('ANNUAL', year, startingMonth) : reportDateRange('MONTHLY', year, month);
    return range.end <= context.today;
  });
}

/** A breakdown's members: in a custom template those turned on, when the agencies chose any. */
function members(context: UploadContext, file: MetricFile, options: TemplateOptions): MemberDef[] {
  const all = file.dimension?.members ?? [];
  if (options.isGeneric || !file.dimension) return all;
  const identifier = file.dimension.identifier;
  const choices = settingAgencies(context).map(
    (id) => settingFor(context, id, file.metric).dimensions[identifier]?.members ?? {},
  );
  const answered = choices.some((chosen) => Object.values(chosen).some((enabled) => enabled !== null));
  return answered ? all.filter((member) => choices.some((chosen) => chosen[member.name] === true)) : all;
}

/** Whether a custom template includes the metric: turned on by the agency, or by any of its children. */
export function isMetricIncluded(context: UploadContext, metric: MetricDef, options: TemplateOptions): boolean {
  return options.isGeneric || settingAgencies(context).some((id) => settingFor(context, id, metric).enabled === true);
}

/** `system` cells for a split supervision metric: its sub-systems (in a custom template, those not turned off). */
function systems(context: UploadContext, metric: MetricDef, options: TemplateOptions): (SystemName | null)[] {
  if (!isSplitBySubsystem(context, metric)) return [null];
  return context.supervisionSystems.filter(isSupervisionSubsystem).filter((system) => {
    const copy = getMetric(metricKey(system, metric.metricType));
    return copy !== undefined && (options.isGeneric || settingFor(context, context.agency.id, copy).enabled !== false);
  });
}

export function includedFiles(context: UploadContext, options: TemplateOptions): MetricFile[] {
  return metricFilesFor(context.system).filter((file) => {
    if (!isMetricIncluded(context, file.metric, options)) return false;
    return file.dimension === null || members(context, file, options).length > 0;
  });
}

interface FileRow {
  period: Period;
  system: SystemName | null;
  member: MemberDef | null;
  agency: string | null;
}

/** The `agency` cells: each child agency that reports the metric (in a default template, every child). */
function agencyCells(context: UploadContext, metric: MetricDef, options: TemplateOptions): (string | null)[] {
  if (context.children.length === 0) return [null];
  return context.children
    .filter((child) => options.isGeneric || settingFor(context, child.id, metric).enabled === true)
    .map((child) => child.name);
}

function fileRows(context: UploadContext, file: MetricFile, options: TemplateOptions): FileRow[] {
  const agencies = agencyCells(context, file.metric, options);
  const memberList: (MemberDef | null)[] = file.dimension ? members(context, file, options) : [null];
  const startingMonth = options.isGeneric
    ? 1
    : (settingFor(context, settingAgencies(context)[0]!, file.metric).startingMonth ?? 1);
  return periods(context, isMonthly(context, file.metric, options), startingMonth).flatMap((period) =>
    systems(context, file.metric, options).flatMap((system) =>
      memberList.flatMap((member) => agencies.map((agency) => ({ period, system, member, agency }))),
    ),
  );
}

function multiPageSheet(context: UploadContext, file: MetricFile, options: TemplateOptions): TemplateSheet {
  const rows = fileRows(context, file, options);
  const has = { month: isMonthly(context, file.metric, options), system: rows.some((r) => r.system !== null) };
  const header = ['year', ...(has.month ? ['month'] : []), ...(has.system ? ['system'] : [])];
  header.push(...(file.column ? [file.column] : []), ...(context.children.length > 0 ? ['agency'] : []), 'value');
  return {
    name: file.sheetName,
    header,
    rows: rows.map((row) => [
      row.period.year,
      ...(has.month ? [row.period.month] : []),
      ...(has.system ? [row.system] : []),
      ...(file.column ? [row.member?.value ?? null] : []),
      ...(context.children.length > 0 ? [row.agency] : []),
      null,
    ]),
  };
}

function singlePageSheet(context: UploadContext, files: MetricFile[], options: TemplateOptions): TemplateSheet {
  const withAgency = context.children.length > 0;
  const withSystem = files.some((file) => isSplitBySubsystem(context, file.metric));
  const header = ['metric', 'year', 'month', ...(withAgency ? ['agency'] : []), ...(withSystem ? ['system'] : [])];
  header.push('breakdown_category', 'breakdown', 'value');
  const rows = files.flatMap((file) =>
    fileRows(context, file, options).map((row) => [
      file.metric.sheetNames.total,
      row.period.year,
      row.period.month,
      ...(withAgency ? [row.agency] : []),
      ...(withSystem ? [row.system] : []),
      file.column,
      row.member?.value ?? null,
      null,
    ]),
  );
  return { name: SINGLE_PAGE_SHEET, header, rows };
}

/** The data sheets; the workbook puts an instructions sheet before them (template-instructions.ts). */
export function templateSheets(context: UploadContext, options: TemplateOptions): TemplateSheet[] {
  const files = includedFiles(context, options);
  if (files.length === 0) return [];
  if (options.singlePage) return [singlePageSheet(context, files, options)];
  return files.map((file) => multiPageSheet(context, file, options));
}
