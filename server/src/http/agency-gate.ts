/**
 * The agency gate: the one place that decides which agency a request acts on. Every agency route
 * of route-rules.ts names its source (a path parameter, a query parameter, a field of the JSON
 * body or of the upload form, or the record a path parameter names); the gate reads exactly that
 * source and checks the route's action there, so outsiders get 404 and members without the role
 * 403 before the body is validated. Use cases check again on what they load; the gate makes sure
 * no route reaches them unchecked.
 */
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/database.ts';
import { idParam } from '../contract/common.ts';
import type { Actor } from '../domain/actor.ts';
import { getAgencyForAction, type AgencyAction } from '../domain/permissions.ts';
import { getReportForAction } from '../domain/reports/get-report.ts';
import { getSpreadsheetForAction } from '../domain/uploads/get-spreadsheet.ts';
import { getUploadJobForAction } from '../domain/uploads/get-upload-job.ts';
import { ruleFor, type AgencyRule, type AgencySource, type RecordSource } from './route-rules.ts';
import type { AgencyRow } from '../db/queries/agencies.ts';

/** The contract's id rule, so the gate never queries an id no column can hold (above int4). */
function asId(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text)) return undefined;
  const id = idParam.safeParse(text);
  return id.success ? id.data : undefined;
}

const field = (values: unknown, name: string): unknown => (values as Record<string, unknown> | undefined)?.[name];

/** The part of the request a source names; undefined when it is absent or malformed (validation then answers 400). */
function idFrom(source: AgencySource, request: FastifyRequest): number | undefined {
  if ('param' in source) return asId(field(request.params, source.param));
  if ('query' in source) return asId(field(request.query, source.query));
  if ('body' in source) return asId(field(request.body, source.body));
  return undefined;
}

/** Checks the action on the record's agency; refusals name the record, never its agency. */
async function checkRecord(db: Executor, actor: Actor, action: AgencyAction, source: RecordSource, id: number) {
  if (source.record === 'report') return (await getReportForAction(db, actor, action, id)).agency;
  if (source.record === 'upload_job') await getUploadJobForAction(db, actor, action, id);
  else await getSpreadsheetForAction(db, actor, action, id);
  return null;
}

/** Checks the rule before validation; sets `request.agency`. A form source waits for the handler (`gateFormAgency`). */
export async function checkAgencyGate(db: Executor, actor: Actor, rule: AgencyRule, request: FastifyRequest) {
  const source = rule.agencyFrom;
  if ('form' in source) return;
  if ('record' in source) {
    const id = asId(field(request.params, source.param));
    if (id !== undefined) request.agency = await checkRecord(db, actor, rule.action, source, id);
    return;
  }
  const agencyId = idFrom(source, request);
  if (agencyId === undefined) return;
  request.agency = await getAgencyForAction(db, actor, rule.action, agencyId);
}

/**
 * For a route whose agency comes in a multipart form, which is read only in the handler: checks
 * the form field the route table names, and returns the agency for the use case.
 */
export async function gateFormAgency(
  db: Executor,
  actor: Actor,
  request: FastifyRequest,
  form: Record<string, unknown>,
): Promise<AgencyRow> {
  const rule = request.routeOptions.url ? ruleFor(request.method, request.routeOptions.url) : undefined;
  if (rule?.access !== 'agency' || !('form' in rule.agencyFrom)) {
    throw new Error(`${request.method} ${request.routeOptions.url} has no form agency source in route-rules.ts`);
  }
  const agencyId = asId(form[rule.agencyFrom.form]);
  if (agencyId === undefined) throw new Error(`the upload form's ${rule.agencyFrom.form} was not validated`);
  request.agency = await getAgencyForAction(db, actor, rule.action, agencyId);
  return request.agency;
}
