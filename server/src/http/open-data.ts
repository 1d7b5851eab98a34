/**
 * Open data for machines (docs/open-data.md): the DCAT-US 1.1 catalogue that data.gov and CKAN
 * harvest, and the change feed of public releases. No sign-in; cacheable like the other public
 * answers.
 */
import etag from '@fastify/etag';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changesQuery, changesResponse, dataCatalogResponse } from '../contract/open-data.ts';
import { findOpenDatasets } from '../domain/public-data/find-open-datasets.ts';
import { findReleaseChanges, type ReleaseChangesInput } from '../domain/public-data/find-release-changes.ts';
import type { App, AppDeps } from './app-types.ts';
import { presentDataCatalog } from './presenters/open-data.ts';
import { readerFor } from './read-replica.ts';
import { presentReleaseSummary } from './presenters/releases.ts';

const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';

/** The contract has checked `since`: digits are a cursor, anything else a date and time. */
function sinceOf(since: string | undefined): ReleaseChangesInput['since'] {
  if (since === undefined) return null;
  return /^\d+$/.test(since) ? { cursor: Number(since) } : { time: new Date(since) };
}

export function openDataRoutes(app: App, deps: AppDeps): void {
  const open = { public: true };

  void app.register(async (scope) => {
    await scope.register(etag, { weak: true });
    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/data.json',
      { config: open, schema: { response: { 200: dataCatalogResponse } } },
      async (request, reply) => {
        const addresses = {
          publicUrl: deps.config.publicUrl,
          contactEmail: deps.config.openDataContactEmail,
          now: deps.clock.now(),
        };
        reply.header('cache-control', PUBLIC_CACHE);
        return presentDataCatalog(await findOpenDatasets(await readerFor(request, deps)), addresses);
      },
    );

    routes.get(
      '/api/public/changes',
      { config: open, schema: { querystring: changesQuery, response: { 200: changesResponse } } },
      async (request, reply) => {
        const { since, limit } = request.query;
        const { changes, hasMore } = await findReleaseChanges(await readerFor(request, deps), {
          since: sinceOf(since),
          limit,
        });
        reply.header('cache-control', PUBLIC_CACHE);
        return {
          changes: changes.map(({ cursor, agency, ...release }) => ({
            ...presentReleaseSummary(agency.id, release),
            cursor: String(cursor),
            agency,
          })),
          next_since: changes.length > 0 ? String(changes.at(-1)!.cursor) : (since ?? null),
          has_more: hasMore,
        };
      },
    );
  });
}
