/** An agency's metric configuration ("Set Up Metrics"): GET/PUT /api/agencies/:id/metrics, and its history. */
import { z } from 'zod';
import { idParam, notModifiedBody, OK, okBody } from '../contract/common.ts';
import { settingHistoryQuery, settingHistoryResponse } from '../contract/metric-setting-history.ts';
import { metricSettingsResponse, updateMetricSettingsBody } from '../contract/metric-settings.ts';
import { findMetricSettings } from '../domain/metric-settings/find-metric-settings.ts';
import { findSettingHistory } from '../domain/metric-settings/find-setting-history.ts';
import { getMetricSettingsVersion } from '../domain/metric-settings/metric-settings-version.ts';
import { updateMetricSettings } from '../domain/metric-settings/update-metric-settings.ts';
import type { App, AppDeps } from './app-types.ts';
import { notModified } from './conditional.ts';
import { actorOf, gatedAgency } from './plugins/auth.ts';
import { presentSettingHistoryEntry } from './presenters/metric-setting-history.ts';
import { presentMetricSetting } from './presenters/metric-settings.ts';
import { presentOnce } from './presenters/present-once.ts';
import type { MetricWithSetting } from '../db/queries/current-settings.ts';

const params = z.object({ agencyId: idParam });
/** The same settings come back until they change: present them once (about 200 KB of JSON for a jail). */
const presentAll = presentOnce((metrics: readonly MetricWithSetting[]) => metrics.map(presentMetricSetting));

export function metricSettingsRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:agencyId/metrics',
    { schema: { params, response: { 200: metricSettingsResponse, 304: notModifiedBody } } },
    async (request, reply) => {
      const agency = gatedAgency(request, request.params.agencyId);
      const version = await getMetricSettingsVersion(db, actorOf(request), { agency });
      if (notModified(request, reply, version)) return reply.code(304).send(null);
      return presentAll(await findMetricSettings(db, actorOf(request), { agency }));
    },
  );

  app.put(
    '/api/agencies/:agencyId/metrics',
    { schema: { params, body: updateMetricSettingsBody, response: { 200: okBody } } },
    async (request) => {
      await updateMetricSettings(db, actorOf(request), {
        agencyId: request.params.agencyId,
        ...request.body,
        now: deps.clock.now(),
      });
      return OK;
    },
  );

  app.get(
    '/api/agencies/:agencyId/metrics/history',
    { schema: { params, querystring: settingHistoryQuery, response: { 200: settingHistoryResponse } } },
    async (request) => {
      const history = await findSettingHistory(db, actorOf(request), {
        agency: gatedAgency(request, request.params.agencyId),
        metricKey: request.query.metric,
      });
      return { history: history.map(presentSettingHistoryEntry) };
    },
  );
}
