/**
 * The CSV feeds (02-http-api §2.9): `/feed/:id` is the public one (PUBLISHED records of an agency
 * with its dashboard on, filtered as the dashboard is); `/api/feed/:id` is the members' one, with
 * every record, drafts included. Asked without a metric, a feed lists the files that have figures.
 */
import type { SystemName } from '@jc/catalogue';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { toCsv } from '../csv.ts';
import { loadDatapointRows } from '../../db/queries/datapoints.ts';
import { invalid } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { feedIndex, feedTable, metricFilesOf, type FeedNote, type FeedValue, type MetricFile } from './feed-rules.ts';
import { getPublicAgency, sectorsOf } from './public-agency.ts';
import { loadPublicValues } from '../../db/queries/public-values.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

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

function render(
  agency: AgencyRow,
  input: FeedInput,
  values: readonly FeedValue[],
  notes: readonly FeedNote[] = [],
): Feed {
  const { files, single } = chooseFiles(agency, input);
  const [file] = files;
  const table = single && file ? feedTable(file, values, notes) : feedIndex(files, values);
  const name = single && file ? `${file.system.toLowerCase()}-${file.name}` : 'files';
  return { fileName: `agency-${agency.id}-${name}.csv`, csv: toCsv(table.header, table.rows) };
}

export async function getPublicFeed(db: Executor, input: FeedInput): Promise<Feed> {
  const { agency } = await getPublicAgency(db, input.agencyId);
  const { values, notes } = await loadPublicValues(db, agency);
  return render(agency, input, values, notes);
}

/** Members only (the reference served this to anyone, drafts included). */
export async function getAgencyFeed(db: Executor, actor: Actor, input: FeedInput): Promise<Feed> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agencyId);
  return render(agency, input, await loadDatapointRows(db, agency.id));
}
