/**
 * The first sheet of every template: how to fill it in, which metrics it holds and why the others
 * are left out. A template always has it, so even one with no metric switched on is a workbook
 * Excel opens (a workbook without sheets is reported as damaged).
 */
import { metricsForSystem, systemLabel, type MetricDef } from '@jc/catalogue';
import {
  includedFiles,
  isMetricIncluded,
  settingAgencies,
  SINGLE_PAGE_SHEET,
  type TemplateOptions,
} from './template-rows.ts';
import { settingFor, type UploadContext } from './upload-context.ts';
import { INSTRUCTIONS_SHEET } from './names.ts';

export interface InstructionsSheet {
  name: string;
  /** One or two cells a row: a text, or a metric and what to say about it. */
  rows: string[][];
}

/** Why a custom template leaves a metric out, in the words of Metric Settings. */
function whyLeftOut(context: UploadContext, metric: MetricDef): string {
  const choices = settingAgencies(context).map((id) => settingFor(context, id, metric).enabled);
  const children = context.children.length > 0;
  if (choices.every((enabled) => enabled === false)) {
    return children ? 'Turned off for every child agency in Metric Settings.' : 'Turned off in Metric Settings.';
  }
  return children
    ? 'No child agency has turned it on in Metric Settings yet.'
    : 'Not turned on in Metric Settings yet.';
}

const HOW_TO = [
  'How to fill it in',
  'Each data sheet is one metric (its total) or one of its breakdowns. Keep the sheet names and the column headers as they are.',
  'Type each figure in the value column as a plain number, such as 1200 or 1200.50. Leave value blank where you have no figure: blank rows are skipped.',
  'Rows list the periods that have ended. The year of a fiscal year is the year it ends in.',
  'Upload the file on the Upload page of the Justice Counts Publisher, then review and publish the figures.',
];

const CHILDREN_NOTE =
  'The agency column names the child agency each row is for; rows are listed for each child agency that reports the metric.';
const NOTHING_ON =
  'No metric of this sector is switched on, so this template has no data sheets. Turn metrics on in Metric Settings, then download the template again.';

/** The metrics the template holds, each with the sheets to fill in. */
function includedRows(context: UploadContext, options: TemplateOptions, metrics: MetricDef[]): string[][] {
  const sheetsOf = new Map<MetricDef, string[]>();
  for (const file of includedFiles(context, options)) {
    sheetsOf.set(file.metric, [...(sheetsOf.get(file.metric) ?? []), file.sheetName]);
  }
  const included = metrics.filter((metric) => sheetsOf.has(metric));
  if (included.length === 0) return [['Metrics included: none'], [NOTHING_ON]];
  const where = (metric: MetricDef) =>
    options.singlePage ? `Sheet "${SINGLE_PAGE_SHEET}"` : sheetsOf.get(metric)!.join(', ');
  return [['Metrics included', 'Sheets'], ...included.map((metric) => [metric.displayName, where(metric)])];
}

/** The metrics a custom template leaves out, and why. */
function leftOutRows(context: UploadContext, options: TemplateOptions, metrics: MetricDef[]): string[][] {
  const left = metrics.filter((metric) => !isMetricIncluded(context, metric, options));
  if (left.length === 0) return [];
  return [['Metrics not included', 'Why'], ...left.map((metric) => [metric.displayName, whyLeftOut(context, metric)])];
}

export function instructionsSheet(context: UploadContext, options: TemplateOptions, now: Date): InstructionsSheet {
  const kind = options.isGeneric ? 'Default template' : 'Custom template';
  const metrics = metricsForSystem(context.system).filter((metric) => !metric.disabled);
  return {
    name: INSTRUCTIONS_SHEET,
    rows: [
      [`${kind}: ${context.agency.name}, ${systemLabel(context.system)}`],
      [`Made on ${now.toISOString().slice(0, 10)}.`],
      [],
      ...HOW_TO.map((line) => [line]),
      ...(context.children.length > 0 ? [[CHILDREN_NOTE]] : []),
      [],
      ...includedRows(context, options, metrics),
      [],
      ...leftOutRows(context, options, metrics),
    ],
  };
}
