/**
 * PUT /admin/population: Justice Counts staff give the population of many agencies' jurisdictions at
 * once as a CSV (agency id or exact name, year, population). Every line is checked first; a
 * problem on any line refuses the whole file, naming the line, and writes nothing. Years the file
 * does not mention keep their figures.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import { mergeAgencyPopulation } from '../../db/queries/agency-population.ts';
import { groupBy } from '../../lib/group-by.ts';
import type { Actor } from '../actor.ts';
import { throwIfProblems, type FieldProblem } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import {
  csvProblem,
  readPopulationCsv,
  repeatedLineProblems,
  type AgencyReference,
  type PopulationCsvLine,
} from './population-rules.ts';

/** Agencies the lines name, by id and by lower-case name (a name may match several). */
async function loadNamedAgencies(db: Executor, lines: readonly PopulationCsvLine[]) {
  const ids = [...new Set(lines.flatMap(({ agency }) => ('id' in agency ? [agency.id] : [])))];
  const names = [...new Set(lines.flatMap(({ agency }) => ('name' in agency ? [agency.name.toLowerCase()] : [])))];
  const columns = { id: source.id, name: source.name };
  const isAgency = eq(source.type, 'agency');
  const [byId, byName] = await Promise.all([
    ids.length
      ? db
          .select(columns)
          .from(source)
          .where(and(isAgency, inArray(source.id, ids)))
      : [],
    names.length
      ? db
          .select(columns)
          .from(source)
          .where(and(isAgency, inArray(sql`lower(${source.name})`, names)))
      : [],
  ]);
  return { ids: new Set(byId.map((a) => a.id)), byName: groupBy(byName, (a) => a.name.toLowerCase()) };
}

function resolve(agency: AgencyReference, known: Awaited<ReturnType<typeof loadNamedAgencies>>): number | string {
  if ('id' in agency) return known.ids.has(agency.id) ? agency.id : `no agency has the id ${agency.id}`;
  const matches = known.byName.get(agency.name.toLowerCase()) ?? [];
  if (matches.length === 1) return matches[0]!.id;
  return matches.length === 0
    ? `no agency is named "${agency.name}"; check the spelling or give its id`
    : `${matches.length} agencies are named "${agency.name}"; give the id of the one you mean`;
}

export async function importPopulation(db: Executor, actor: Actor, input: { csv: string }) {
  assertPlatformAdmin(actor);
  const { rows, problems } = readPopulationCsv(input.csv);
  throwIfProblems(problems);
  const known = await loadNamedAgencies(db, rows);
  const resolved: (PopulationCsvLine & { agencyId: number })[] = [];
  const unknown: FieldProblem[] = [];
  for (const row of rows) {
    const agencyId = resolve(row.agency, known);
    if (typeof agencyId === 'number') resolved.push({ ...row, agencyId });
    else unknown.push(csvProblem(row.line, agencyId));
  }
  throwIfProblems([...unknown, ...repeatedLineProblems(resolved)].slice(0, 50));
  await db.transaction((tx) =>
    mergeAgencyPopulation(
      tx,
      resolved.map(({ agencyId, year, population }) => ({ agencyId, year, population })),
    ),
  );
  return { agencies: new Set(resolved.map((r) => r.agencyId)).size, years: resolved.length };
}
