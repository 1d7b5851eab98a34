/**
 * The content of an upload template: which sheets, columns and example rows (every period of last
 * year and this year, every breakdown member, sub-system and child agency, with `value` left blank
 * to fill in). Custom templates hold the agency's enabled metrics and breakdown members at its own
 * frequencies; default ones hold every metric. Pure: the workbook is written elsewhere.
 */
import {
  getMetric,
  isSupervisionSubsystem,
  metricKey,
  type MemberDef,
  type MetricDef,
  type SystemName,
} from '@jc/catalogue';
import { metricFilesFor, type MetricFile } from './metric-files.ts';
import { isSplitBySubsystem, settingFor, type UploadContext } from './upload-context.ts';

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

function isMonthly(context: UploadContext, metric: MetricDef, options: TemplateOptions): boolean {
  if (options.isGeneric) return metric.defaultFrequency === 'MONTHLY';
  return settingFor(context, context.agency.id, metric).frequency === 'MONTHLY';
}

function periods(context: UploadContext, monthly: boolean): Period[] {
  const years = [context.currentYear - 1, context.currentYear];
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return years.flatMap((year): Period[] =>
    monthly ? months.map((month) => ({ year, month })) : [{ year, month: null }],
  );
}

/** A breakdown's members: in a custom template only those the agency turned on, when it chose any. */
function members(context: UploadContext, file: MetricFile, options: TemplateOptions): MemberDef[] {
  const all = file.dimension?.members ?? [];
  if (options.isGeneric || !file.dimension) return all;
  const chosen =
    settingFor(context, context.agency.id, file.metric).dimensions[file.dimension.identifier]?.members ?? {};
  const answered = Object.values(chosen).some((enabled) => enabled !== null);
  return answered ? all.filter((member) => chosen[member.name] === true) : all;
}

/** `system` cells for a split supervision metric: its sub-systems (in a custom template, those not turned off). */
function systems(context: UploadContext, metric: MetricDef, options: TemplateOptions): (SystemName | null)[] {
  if (!isSplitBySubsystem(context, metric)) return [null];
  return context.supervisionSystems.filter(isSupervisionSubsystem).filter((system) => {
    const copy = getMetric(metricKey(system, metric.metricType));
    return copy !== undefined && (options.isGeneric || settingFor(context, context.agency.id, copy).enabled !== false);
  });
}

function includedFiles(context: UploadContext, options: TemplateOptions): MetricFile[] {
  return metricFilesFor(context.system).filter((file) => {
    if (!options.isGeneric && settingFor(context, context.agency.id, file.metric).enabled !== true) return false;
    return file.dimension === null || members(context, file, options).length > 0;
  });
}

interface FileRow {
  period: Period;
  system: SystemName | null;
  member: MemberDef | null;
  agency: string | null;
}

function fileRows(context: UploadContext, file: MetricFile, options: TemplateOptions): FileRow[] {
  const agencies = context.children.length > 0 ? context.children.map((child) => child.name) : [null];
  const memberList: (MemberDef | null)[] = file.dimension ? members(context, file, options) : [null];
  return periods(context, isMonthly(context, file.metric, options)).flatMap((period) =>
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

export function templateSheets(context: UploadContext, options: TemplateOptions): TemplateSheet[] {
  const files = includedFiles(context, options);
  if (options.singlePage) return [singlePageSheet(context, files, options)];
  return files.map((file) => multiPageSheet(context, file, options));
}
