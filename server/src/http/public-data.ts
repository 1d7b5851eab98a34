/**
 * The public side (02-http-api §2.8–§2.9): agency dashboards' data and the lists of agencies, the
 * public CSV feed, and the members' feed with drafts. Public answers may be cached briefly by
 * anyone and carry an ETag, so a browser or proxy revalidates with a 304 instead of a download.
 */
import etag from '@fastify/etag';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dashboardAgenciesResponse,
  feedQuery,
  publicAgenciesResponse,
  publicAgencyParams,
  publishedDataResponse,
} from '../contract/public-data.ts';
import { publishedDataV2Response } from '../contract/public-data-v2.ts';
import { releaseParams, releaseResponse, releasesResponse } from '../contract/releases.ts';
import { toCsv } from '../domain/csv.ts';
import { findReleases, getRelease } from '../domain/public-data/find-releases.ts';
import { findDashboardAgencies } from '../domain/public-data/find-dashboard-agencies.ts';
import { findPublicAgencies } from '../domain/public-data/find-public-agencies.ts';
import { getAgencyFeed, getPublicFeed, type Feed } from '../domain/public-data/get-feed.ts';
import { getPublishedData } from '../domain/public-data/get-published-data.ts';
import { getPublishedDataV2 } from '../domain/public-data/get-published-data-v2.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentDashboardAgency, presentPublishedData } from './presenters/public-data.ts';
import { presentPublishedDataV2 } from './presenters/public-data-v2.ts';
import { presentRelease, presentReleaseSummary, RELEASE_CSV_HEADER, releaseCsvRows } from './presenters/releases.ts';
import { readerFor } from './read-replica.ts';
import { attachment } from './uploads.ts';

/** A minute of freshness: a newly published record shows within a minute, and reloads stay cheap. */
const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/** A release never changes; an hour still lets an agency that turns its dashboard off disappear. */
const RELEASE_CACHE = 'public, max-age=3600';
/** The members' feed holds drafts: never kept by a shared cache. */
const PRIVATE_CACHE = 'private, no-store';

function sendCsv(reply: FastifyReply, feed: Feed, cacheControl: string) {
  return reply
    .header('cache-control', cacheControl)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachment(feed.fileName))
    .send(feed.csv);
}

export function publicDataRoutes(app: App, deps: AppDeps): void {
  const open = { public: true };
  /** Public answers may come from the replica (read-replica.ts). */
  const reader = (request: FastifyRequest) => readerFor(request, deps);

  void app.register(async (scope) => {
    await scope.register(etag, { weak: true });
    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/api/agencies',
      { config: open, schema: { response: { 200: publicAgenciesResponse } } },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE);
        const agencies = await findPublicAgencies(await reader(request));
        return {
          agencies: agencies.map((a) => ({ id: a.id, name: a.name, number_of_published_records: a.publishedRecords })),
        };
      },
    );

    routes.get(
      '/api/agencies/dashboard',
      { config: open, schema: { response: { 200: dashboardAgenciesResponse } } },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE);
        return (await findDashboardAgencies(await reader(request))).map(presentDashboardAgency);
      },
    );

    routes.get(
      '/api/agencies/:agencyId/published_data',
      { config: open, schema: { params: publicAgencyParams, response: { 200: publishedDataResponse } } },
      async (request, reply) => {
        const data = await getPublishedData(await reader(request), { agencyId: request.params.agencyId });
        reply.header('cache-control', PUBLIC_CACHE);
        return presentPublishedData(data);
      },
    );

    routes.get(
      '/api/v2/agencies/:agencyId/published_data',
      { config: open, schema: { params: publicAgencyParams, response: { 200: publishedDataV2Response } } },
      async (request, reply) => {
        const data = await getPublishedDataV2(await reader(request), { agencyId: request.params.agencyId });
        reply.header('cache-control', PUBLIC_CACHE);
        return presentPublishedDataV2(data);
      },
    );

    routes.get(
      '/api/public/agencies/:agencyId/releases',
      { config: open, schema: { params: publicAgencyParams, response: { 200: releasesResponse } } },
      async (request, reply) => {
        const { agencyId } = request.params;
        const releases = await findReleases(await reader(request), { agencyId });
        reply.header('cache-control', PUBLIC_CACHE);
        return { agency_id: agencyId, releases: releases.map((r) => presentReleaseSummary(agencyId, r)) };
      },
    );

    routes.get(
      '/api/public/agencies/:agencyId/releases/:number',
      { config: open, schema: { params: releaseParams, response: { 200: releaseResponse } } },
      async (request, reply) => {
        reply.header('cache-control', RELEASE_CACHE);
        return presentRelease(await getRelease(await reader(request), request.params));
      },
    );

    routes.get(
      '/api/public/agencies/:agencyId/releases/:number/csv',
      { config: open, schema: { params: releaseParams } },
      async (request, reply) => {
        const release = presentRelease(await getRelease(await reader(request), request.params));
        const csv = toCsv(RELEASE_CSV_HEADER, releaseCsvRows(release));
        const fileName = `agency-${release.agency.id}-release-${release.number}.csv`;
        return sendCsv(reply, { fileName, csv }, RELEASE_CACHE);
      },
    );

    routes.get(
      '/feed/:agencyId',
      { config: open, schema: { params: publicAgencyParams, querystring: feedQuery } },
      async (request, reply) =>
        sendCsv(
          reply,
          await getPublicFeed(await reader(request), { ...request.query, ...request.params }),
          PUBLIC_CACHE,
        ),
    );

    routes.get(
      '/api/feed/:agencyId',
      { config: { securityEvent: 'export' }, schema: { params: publicAgencyParams, querystring: feedQuery } },
      async (request, reply) => {
        const feed = await getAgencyFeed(await reader(request), actorOf(request), {
          ...request.query,
          ...request.params,
        });
        return sendCsv(reply, feed, PRIVATE_CACHE);
      },
    );
  });
}
