/** Records: list, read, create, save (data entry), change status in bulk, delete, value history (02-http-api §2.4). */
import { z } from 'zod';
import { agencyIdParams } from '../contract/agencies.ts';
import { idParam, notModifiedBody, okBody, OK } from '../contract/common.ts';
import { reportsWithDatapointsResponse } from '../contract/datapoints.ts';
import { reportPageSchema, type ReportPage } from '../contract/report-page.ts';
import {
  createReportBody,
  deleteReportsBody,
  publishFlagsResponse,
  reportHistoryResponse,
  reportIdList,
  reportOverviewSchema,
  type ReportOverview,
  updateReportBody,
  updateReportStatusesBody,
} from '../contract/reports.ts';
import { createReport } from '../domain/reports/create-report.ts';
import { deleteReports } from '../domain/reports/delete-reports.ts';
import { getAgencyReportsVersion } from '../domain/reports/agency-reports-version.ts';
import { findAgencyReports } from '../domain/reports/find-agency-reports.ts';
import { findReportsWithDatapoints } from '../domain/reports/find-reports-with-datapoints.ts';
import { findValueHistory } from '../domain/reports/find-value-history.ts';
import { findPublishFlags } from '../domain/reports/find-publish-flags.ts';
import { getReportPage } from '../domain/reports/get-report-page.ts';
import { getReportPageVersion } from '../domain/reports/report-page-version.ts';
import { updateReportStatuses } from '../domain/reports/update-report-statuses.ts';
import { updateReport } from '../domain/reports/update-report.ts';
import type { App, AppDeps } from './app-types.ts';
import { notModified } from './conditional.ts';
import { actorOf, gatedAgency } from './plugins/auth.ts';
import { presentDatapoint, presentValueChange } from './presenters/datapoints.ts';
import { answersByVersion } from './presenters/present-once.ts';
import { presentReportPage } from './presenters/report-page.ts';
import { presentPublishFlag, presentReportOverview } from './presenters/reports.ts';

const reportIdParams = z.object({ reportId: idParam });

const versionsOf = (reports: { id: number; time_loaded: number }[] | undefined) =>
  reports?.map((record) => ({ id: record.id, timeLoaded: record.time_loaded }));
const overviews = z.array(reportOverviewSchema);

export function reportRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const now = () => deps.clock.now();
  const checks = deps.config.publishChecks;
  // The answers last sent, by version: a record opened again, or a list shown again, unchanged
  // since costs the version's query instead of reading and presenting every value. Each list is
  // about 40 KB of JSON for ten years of records, each record page about 70 KB.
  const recordLists = answersByVersion<ReportOverview[]>(100);
  const recordPages = answersByVersion<ReportPage>(100);

  app.get(
    '/api/agencies/:agencyId/reports',
    { schema: { params: agencyIdParams, response: { 200: overviews, 304: notModifiedBody } } },
    async (request, reply) => {
      const agency = gatedAgency(request, request.params.agencyId);
      const version = await getAgencyReportsVersion(db, actorOf(request), { agency });
      if (notModified(request, reply, version)) return reply.code(304).send(null);
      return recordLists(`${request.params.agencyId}`, version, async () =>
        (await findAgencyReports(db, actorOf(request), agency)).map((s) => presentReportOverview(s)),
      );
    },
  );

  app.get(
    '/api/reports',
    {
      schema: {
        querystring: z.object({ agency_id: idParam, report_ids: reportIdList }),
        response: { 200: reportsWithDatapointsResponse },
      },
    },
    async (request) => {
      const input = { agencyId: request.query.agency_id, reportIds: request.query.report_ids };
      const found = await findReportsWithDatapoints(db, actorOf(request), input);
      return found.map((r) => ({
        ...presentReportOverview(r),
        datapoints: r.datapoints.map((d) => presentDatapoint(d)),
      }));
    },
  );

  app.get(
    '/api/reports/flags',
    {
      schema: {
        querystring: z.object({ agency_id: idParam, report_ids: reportIdList }),
        response: { 200: publishFlagsResponse },
      },
    },
    async (request) => {
      const input = { agencyId: request.query.agency_id, reportIds: request.query.report_ids, limits: checks };
      return { flags: (await findPublishFlags(db, actorOf(request), input)).map(presentPublishFlag) };
    },
  );

  app.get(
    '/api/reports/:reportId',
    { schema: { params: reportIdParams, response: { 200: reportPageSchema, 304: notModifiedBody } } },
    async (request, reply) => {
      const { reportId } = request.params;
      const version = await getReportPageVersion(db, actorOf(request), { reportId, gatedAgency: request.agency });
      if (notModified(request, reply, version)) return reply.code(304).send(null);
      return recordPages(`${reportId}`, version, async () =>
        presentReportPage(await getReportPage(db, actorOf(request), reportId)),
      );
    },
  );

  app.get(
    '/api/reports/:reportId/history',
    {
      schema: {
        params: reportIdParams,
        querystring: z.object({ metric_key: z.string().max(255).optional() }),
        response: { 200: reportHistoryResponse },
      },
    },
    async (request) => {
      const input = { reportId: request.params.reportId, metricKey: request.query.metric_key };
      return { history: (await findValueHistory(db, actorOf(request), input)).map(presentValueChange) };
    },
  );

  app.post(
    '/api/reports',
    { schema: { body: createReportBody, response: { 200: reportOverviewSchema } } },
    async (request) => {
      const { agency_id: agencyId, ...period } = request.body;
      return presentReportOverview(await createReport(db, actorOf(request), { agencyId, ...period, now: now() }));
    },
  );

  app.patch(
    '/api/reports/:reportId',
    { schema: { params: reportIdParams, body: updateReportBody, response: { 200: reportOverviewSchema } } },
    async (request) => {
      const { status, time_loaded: timeLoaded, metrics, explanations } = request.body;
      const input = {
        reportId: request.params.reportId,
        status,
        timeLoaded,
        metrics,
        explanations,
        checks,
        now: now(),
      };
      return presentReportOverview(await updateReport(db, actorOf(request), input));
    },
  );

  app.patch(
    '/api/reports',
    { schema: { body: updateReportStatusesBody, response: { 200: overviews, 304: notModifiedBody } } },
    async (request) => {
      const { agency_id: agencyId, reports, status, explanations } = request.body;
      const given = explanations.map((e) => ({ reportId: e.report_id, flag: e.flag, text: e.text }));
      const input = { agencyId, reports: versionsOf(reports), status, explanations: given, checks, now: now() };
      const updated = await updateReportStatuses(db, actorOf(request), input);
      return updated.map((s) => presentReportOverview(s));
    },
  );

  app.delete('/api/reports', { schema: { body: deleteReportsBody, response: { 200: okBody } } }, async (request) => {
    const { agency_id: agencyId, reports } = request.body;
    await deleteReports(db, actorOf(request), { agencyId, reports: versionsOf(reports), now: now() });
    return OK;
  });
}
