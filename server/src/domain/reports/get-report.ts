/** Loads a record together with its agency and checks what the actor wants to do with it. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { report, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { assertCan, isMember, type AgencyAction } from '../permissions.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import type { ReportRow } from '../../db/queries/reports.ts';

export interface ReportWithAgency {
  report: ReportRow;
  agency: AgencyRow;
}

/**
 * The record for `action`: 404 when it does not exist or belongs to an agency the actor is not a
 * member of, 403 when the actor's role does not allow the action. With `lock`, the record's row is
 * locked until the surrounding transaction ends (every writer of a record takes this lock first).
 */
export async function getReportForAction(
  db: Executor,
  actor: Actor,
  action: AgencyAction,
  reportId: number,
  options: { lock?: boolean } = {},
): Promise<ReportWithAgency> {
  const query = db
    .select()
    .from(report)
    .innerJoin(source, eq(source.id, report.sourceId))
    .where(eq(report.id, reportId));
  const [row] = options.lock ? await query.for('update', { of: report }) : await query;
  if (!row || !isMember(actor, row.source)) throw notFound(`Record ${reportId}`);
  assertCan(actor, action, row.source);
  return { report: row.report, agency: row.source };
}
