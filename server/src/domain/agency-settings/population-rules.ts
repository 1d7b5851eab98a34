/**
 * Pure checks of population figures before anything is written: an agency's list in Settings, and
 * the staff CSV of many agencies (`agency`, `year`, `population` columns), read line by line.
 */
import { parse } from 'csv-parse/sync';
import { POPULATION_LIMITS, populationCount, populationYear, readWholeNumber } from '../../contract/population.ts';
import type { FieldProblem } from '../errors.ts';

/** Entries whose key came earlier, each with the index of its first appearance. */
function repeats<T>(entries: readonly T[], keyOf: (entry: T) => string): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const found: { index: number; first: number }[] = [];
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else found.push({ index, first });
  });
  return found;
}

/** An agency's list gives each year once. */
export function repeatedYearProblems(
  entries: readonly { year: number }[],
  fieldOf: (index: number) => string,
): FieldProblem[] {
  return repeats(entries, (e) => String(e.year)).map(({ index }) => ({
    field: fieldOf(index),
    message: `${entries[index]!.year} is listed twice; give each year once`,
  }));
}

/** The agency a CSV line names: its id (digits) or its exact name. */
export type AgencyReference = { id: number } | { name: string };

export interface PopulationCsvLine {
  line: number;
  agency: AgencyReference;
  year: number;
  population: number;
}

const AGENCY_HEADERS = ['agency', 'agency id', 'agency_id', 'agency name', 'agency_name'];
const MAX_PROBLEMS = 50;

export const csvProblem = (line: number, message: string): FieldProblem => ({
  field: 'csv',
  message: `line ${line}: ${message}`,
});

function readLine(cells: string[], columns: { agency: number; year: number; population: number }, line: number) {
  const [agencyCell = '', yearCell = '', populationCell = ''] = [columns.agency, columns.year, columns.population].map(
    (column) => cells[column],
  );
  const agency: AgencyReference = /^\d{1,10}$/.test(agencyCell) ? { id: Number(agencyCell) } : { name: agencyCell };
  const year = readWholeNumber(yearCell, populationYear, 'must be a whole year such as 2024');
  const population = readWholeNumber(populationCell, populationCount, 'must be a whole number of people');
  const problems = [
    ...(agencyCell === '' ? ['the agency is missing; give its id or its name'] : []),
    ...(typeof year === 'string' ? [`year "${yearCell}" ${year}`] : []),
    ...(typeof population === 'string' ? [`population "${populationCell}" ${population}`] : []),
  ];
  if (typeof year === 'string' || typeof population === 'string' || problems.length > 0) {
    return { problems: problems.map((p) => csvProblem(line, p)) };
  }
  return { row: { line, agency, year, population }, problems: [] };
}

/** The header's columns, or a problem naming what is missing. */
function columnsOf(header: string[]) {
  const names = header.map((cell) => cell.toLowerCase());
  const agency = names.findIndex((name) => AGENCY_HEADERS.includes(name));
  const year = names.indexOf('year');
  const population = names.indexOf('population');
  if (agency < 0 || year < 0 || population < 0) return null;
  return { agency, year, population };
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Every line read, or every problem found (up to 50), each naming its line. */
export function readPopulationCsv(csv: string): { rows: PopulationCsvLine[]; problems: FieldProblem[] } {
  let records: ParsedRecord[];
  try {
    records = parse(csv, {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    return {
      rows: [],
      problems: [{ field: 'csv', message: `the file could not be read as CSV (${(error as Error).message})` }],
    };
  }
  const [header, ...lines] = records;
  const columns = header && columnsOf(header.record);
  if (!header || !columns) {
    const found = header ? ` (found: ${header.record.join(', ')})` : '';
    return {
      rows: [],
      problems: [csvProblem(1, `the first line must name the columns agency, year and population${found}`)],
    };
  }
  if (lines.length === 0) return { rows: [], problems: [csvProblem(header.info.lines, 'no lines follow the header')] };
  if (lines.length > POPULATION_LIMITS.maxCsvLines) {
    return {
      rows: [],
      problems: [{ field: 'csv', message: `at most ${POPULATION_LIMITS.maxCsvLines} lines at once` }],
    };
  }
  const rows: PopulationCsvLine[] = [];
  const problems: FieldProblem[] = [];
  for (const { record, info } of lines) {
    const read = readLine(record, columns, info.lines);
    if (read.row) rows.push(read.row);
    problems.push(...read.problems);
  }
  return { rows, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** A year given twice for one agency in the same file. */
export function repeatedLineProblems(
  lines: readonly { line: number; agencyId: number; year: number }[],
): FieldProblem[] {
  return repeats(lines, (l) => `${l.agencyId}:${l.year}`).map(({ index, first }) =>
    csvProblem(
      lines[index]!.line,
      `${lines[index]!.year} is given twice for this agency (first on line ${lines[first]!.line})`,
    ),
  );
}
