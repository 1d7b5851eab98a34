/**
 * The CSV feeds (02-http-api §2.9): `/feed/:id` is the public one (PUBLISHED records of an agency
 * with its dashboard on, filtered as the dashboard is); `/api/feed/:id` is the members' one, with
 * every record, drafts included. Both are written by feedTable, with the same note and comparability
 * columns. Asked without a metric, a feed lists the files that have figures.
 */
import type { SystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { toCsv } from '../csv.ts';
import { loadDatapointRows } from '../../db/queries/datapoints.ts';
import { invalid } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import {
  feedIndex,
  feedTable,
  metricFilesOf,
  type FeedAnnotations,
  type FeedComparability,
  type FeedValue,
  type MetricFile,
  type Table,
} from './feed-rules.ts';
import { getPublicAgency, sectorsOf } from './public-agency.ts';
import { loadPublicValues } from '../../db/queries/public-values.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import { loadStoredSettings } from '../../db/queries/settings.ts';
import { loadSeriesBreaks } from '../../db/queries/series-breaks.ts';
import { findAgencyNotes } from '../../db/queries/data-notes.ts';
import type { StoredMetricSetting } from '../metric-settings/stored-setting-rules.ts';
import { definitionDifferences } from '../metric-settings/comparability-rules.ts';
import { withInvariants } from '../metric-settings/setting-rules.ts';

export interface FeedInput {
  agencyId: number;
  system?: SystemName | undefined;
  /** A file name such as `arrests_by_type`. */
  metric?: string | undefined;
}

export interface Feed {
  /** `agency-7-law_enforcement-arrests.csv`, or `agency-7-files.csv` for the list of files. */
  fileName: string;
  csv: string;
}

/** The files the request names: one (system and metric), or the list of a sector or of every sector. */
function chooseFiles(agency: AgencyRow, input: FeedInput): { files: MetricFile[]; single: boolean } {
  const sectors = sectorsOf(agency);
  if (input.system && !sectors.includes(input.system)) {
    throw invalid(
      'system',
      `agency ${agency.id} does not report ${input.system}; it reports ${sectors.join(', ') || 'no sector'}`,
    );
  }
  const files = (input.system ? [input.system] : sectors).flatMap((system) => metricFilesOf(system));
  if (input.metric === undefined) return { files, single: false };
  const file = files.find((f) => f.name === input.metric);
  if (!file) {
    const where = input.system ?? 'any sector of the agency';
    throw invalid('metric', `"${input.metric}" is not a file of ${where}; ask without metric for the list of files`);
  }
  return { files: [file], single: true };
}

/** Whether the file's metric is counted as Justice Counts defines it, and where its series break. */
async function comparabilityOf(
  db: Executor,
  agency: AgencyRow,
  file: MetricFile,
  stored: ReadonlyMap<string, StoredMetricSetting>,
): Promise<FeedComparability> {
  const breaks = await loadSeriesBreaks(db, agency.id, [file.metric]);
  const setting = withInvariants(file.metric, stored.get(file.metric.key));
  return {
    matchesDefault: definitionDifferences(file.metric, setting).length === 0,
    breakStarts: (breaks.get(file.metric.key) ?? []).map((b) => b.start),
  };
}

async function render(
  db: Executor,
  agency: AgencyRow,
  input: FeedInput,
  values: readonly FeedValue[],
  annotations: { notes?: FeedAnnotations['notes']; stored: ReadonlyMap<string, StoredMetricSetting> },
): Promise<Feed> {
  const { files, single } = chooseFiles(agency, input);
  const [file] = files;
  if (!single || !file) return { fileName: `agency-${agency.id}-files.csv`, csv: csvOf(feedIndex(files, values)) };
  const comparability = await comparabilityOf(db, agency, file, annotations.stored);
  const table = feedTable(file, values, { notes: annotations.notes, comparability });
  return { fileName: `agency-${agency.id}-${file.system.toLowerCase()}-${file.name}.csv`, csv: csvOf(table) };
}

const csvOf = (table: Table) => toCsv(table.header, table.rows);

export async function getPublicFeed(db: Executor, input: FeedInput): Promise<Feed> {
  const { agency } = await getPublicAgency(db, input.agencyId);
  const { stored, values, notes } = await loadPublicValues(db, agency);
  return render(db, agency, input, values, { notes, stored });
}

/**
 * Members only (the reference served this to anyone, drafts included). A draft's notes are the
 * explanations given when it was last published, which go out again if it is published again.
 */
export async function getAgencyFeed(db: Executor, actor: Actor, input: FeedInput): Promise<Feed> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agencyId);
  const [values, stored, notes] = await Promise.all([
    loadDatapointRows(db, agency.id),
    loadStoredSettings(db, agency.id),
    findAgencyNotes(db, agency.id),
  ]);
  return render(db, agency, input, values, { notes, stored });
}
