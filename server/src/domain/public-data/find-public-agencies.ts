/** GET /api/agencies: agencies with their dashboard on, with how many records they have published. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report, source } from '../../db/schema.ts';

export interface PublicAgencySummary {
  id: number;
  name: string;
  publishedRecords: number;
}

/** One grouped query; the join uses the report's (source_id, …) index. */
export async function findPublicAgencies(db: Executor): Promise<PublicAgencySummary[]> {
  return db
    .select({ id: source.id, name: source.name, publishedRecords: count(report.id) })
    .from(source)
    .leftJoin(report, and(eq(report.sourceId, source.id), eq(report.status, 'PUBLISHED')))
    .where(eq(source.isDashboardEnabled, true))
    .groupBy(source.id)
    .orderBy(asc(source.name), asc(source.id));
}
