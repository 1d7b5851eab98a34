/**
 * What the route walk (permissions.test.ts) puts into a route's path, query and body. Agency ids
 * come from the rule; every other path parameter needs a builder here that makes a real record
 * in the walk's agency, so callers who are allowed reach the handler (a missing record would
 * answer 404 and hide a wrong refusal).
 *
 * Adding a route with a new parameter name: add a builder to `paramFixtures`. Adding a route whose
 * agency id is in the body (`agencyFrom: body`): add a sample body to `sampleBodies`, so
 * outsiders and members without the role are refused by permission, not by validation.
 */
import type { Db } from '../../src/db/database.ts';
import { apiToken, publicRelease, spreadsheet, spreadsheetFile, uploadJob } from '../../src/db/schema.ts';
import { givenAgency, givenUser, type UserRow } from './given.ts';
import { givenReport } from './given-reports.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

export interface WalkContext {
  db: Db;
  /** The agency every agency route is called for. */
  agency: AgencyRow;
  /** The caller, or null when signed out. */
  caller: UserRow | null;
  /** An admin of the agency, to own records when the caller cannot. */
  admin: UserRow;
}

let serial = 0;
const next = () => (serial += 1);

export const paramFixtures: Record<string, (ctx: WalkContext) => Promise<string | number>> = {
  userId: async (ctx) => (ctx.caller ?? ctx.admin).id,
  tokenId: async (ctx) => {
    const [row] = await ctx.db
      .insert(apiToken)
      .values({
        userAccountId: (ctx.caller ?? ctx.admin).id,
        agencyId: ctx.agency.id,
        name: 'walk',
        tokenHash: `walk-${ctx.agency.id}-${next()}`,
      })
      .returning();
    return row!.id;
  },
  reportId: async (ctx) => (await givenReport(ctx.db, ctx.agency, { year: 1900 + next(), month: 1 })).id,
  /** A release number (public releases); the hashes need not verify for the walk. */
  number: async (ctx) => {
    const number = next();
    await ctx.db.insert(publicRelease).values({
      agencyId: ctx.agency.id,
      number,
      createdAt: new Date(),
      content: [],
      diff: { added: 0, changed: 0, removed: 0, changes: [] },
      contentHash: 'walk',
      chainHash: 'walk',
    });
    return number;
  },
  spreadsheetId: async (ctx) => {
    const [row] = await ctx.db
      .insert(spreadsheet)
      .values({
        originalName: 'walk.csv',
        standardizedName: `walk-${next()}.csv`,
        agencyId: ctx.agency.id,
        system: 'LAW_ENFORCEMENT',
        status: 'UPLOADED',
        uploadedByUserId: ctx.admin.id,
        ingestResult: {
          spreadsheetId: 0,
          fileName: 'walk.csv',
          system: 'LAW_ENFORCEMENT',
          metrics: [],
          nonMetricMessages: [],
          newReports: [],
          updatedReports: [],
          unchangedReports: [],
          summary: {
            rowsSaved: 0,
            rowsBlank: 0,
            rowsSkipped: 0,
            recordsCreated: 0,
            recordsChanged: 0,
            recordsUnpublished: 0,
            errors: 0,
            warnings: 0,
          },
        },
      })
      .returning();
    await ctx.db
      .insert(spreadsheetFile)
      .values({ spreadsheetId: row!.id, contentType: 'text/csv', content: new TextEncoder().encode('a,b\n') });
    return row!.id;
  },
  uploadJobId: async (ctx) => {
    const now = new Date();
    const [row] = await ctx.db
      .insert(uploadJob)
      .values({
        agencyId: ctx.agency.id,
        userAccountId: ctx.admin.id,
        system: 'LAW_ENFORCEMENT',
        fileName: 'walk.csv',
        state: 'DONE',
        instanceId: 'walk',
        createdAt: now,
        heartbeatAt: now,
      })
      .returning();
    return row!.id;
  },
  system: async () => 'LAW_ENFORCEMENT',
  // Admin routes act on any agency or user: a fresh one each time, so deleting it harms nothing.
  anyUserId: async (ctx) => (await givenUser(ctx.db)).id,
  anyAgencyId: async (ctx) => (await givenAgency(ctx.db)).id,
  vendorId: async (ctx) => (await givenAgency(ctx.db, { type: 'vendor', name: `Walk Vendor ${next()}` })).id,
  superAgencyId: async (ctx) => (await givenAgency(ctx.db, { isSuperagency: true, systems: ['SUPERAGENCY'] })).id,
};

/** Bodies that pass validation, keyed like route-rules.ts, for routes naming their agency in the body. */
export const sampleBodies: Record<string, (ctx: WalkContext) => Promise<unknown>> = {
  'POST /api/reports': async (ctx) => ({
    agency_id: ctx.agency.id,
    month: 1,
    year: 1800 + next(),
    frequency: 'MONTHLY',
  }),
  'PATCH /api/reports': async (ctx) => ({
    agency_id: ctx.agency.id,
    reports: [{ id: Number(await paramFixtures.reportId!(ctx)), time_loaded: 0 }],
    status: 'DRAFT',
  }),
  'DELETE /api/reports': async (ctx) => ({
    agency_id: ctx.agency.id,
    reports: [{ id: Number(await paramFixtures.reportId!(ctx)), time_loaded: 0 }],
  }),
};
