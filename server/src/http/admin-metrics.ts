/** The admin panel's vendors, reporting agencies and custom "Other" sub-categories (02-http-api §2.10). */
import {
  deleteVendorResponse,
  otherSubDimensionsResponse,
  reportingAgenciesResponse,
  saveOtherSubDimensionsBody,
  saveReportingAgenciesBody,
  saveVendorBody,
  vendor,
  vendorParams,
  vendorsResponse,
} from '../contract/admin-metrics.ts';
import { anyAgencyParams } from '../contract/admin-agencies.ts';
import { OK, okBody } from '../contract/common.ts';
import { getOtherOptions, setOtherOptions } from '../domain/metric-settings/other-options.ts';
import { getReportingAgencies, setReportingAgencies } from '../domain/metric-settings/reporting-agencies.ts';
import { deleteVendor, listVendors, saveVendor } from '../domain/vendors/vendors.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentOtherOptions, presentReportingAgencies } from './presenters/admin-metrics.ts';

export function adminMetricRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const params = anyAgencyParams;

  app.get('/admin/vendors', { schema: { response: { 200: vendorsResponse } } }, async (request) =>
    listVendors(db, actorOf(request)),
  );

  app.put('/admin/vendors', { schema: { body: saveVendorBody, response: { 200: vendor } } }, async (request) =>
    saveVendor(db, actorOf(request), { vendorId: request.body.id, name: request.body.name, url: request.body.url }),
  );

  app.delete(
    '/admin/vendors/:vendorId',
    { schema: { params: vendorParams, response: { 200: deleteVendorResponse } } },
    async (request) => {
      await deleteVendor(db, actorOf(request), request.params);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/admin/agency/:anyAgencyId/reporting-agency',
    { schema: { params, response: { 200: reportingAgenciesResponse } } },
    async (request) =>
      presentReportingAgencies(
        await getReportingAgencies(db, actorOf(request), { agencyId: request.params.anyAgencyId }),
      ),
  );

  app.put(
    '/admin/agency/:anyAgencyId/reporting-agency',
    { schema: { params, body: saveReportingAgenciesBody, response: { 200: okBody } } },
    async (request) => {
      const choices = request.body.reporting_agencies.map((choice) => ({
        metricKey: choice.metric_key,
        reportingAgencyId: choice.reporting_agency_id,
        isSelfReported: choice.is_self_reported,
      }));
      await setReportingAgencies(db, actorOf(request), {
        agencyId: request.params.anyAgencyId,
        choices,
        now: deps.clock.now(),
      });
      return OK;
    },
  );

  app.get(
    '/admin/agency/:anyAgencyId/metric-setting',
    { schema: { params, response: { 200: otherSubDimensionsResponse } } },
    async (request) =>
      presentOtherOptions(await getOtherOptions(db, actorOf(request), { agencyId: request.params.anyAgencyId })),
  );

  app.put(
    '/admin/agency/:anyAgencyId/metric-setting',
    { schema: { params, body: saveOtherSubDimensionsBody, response: { 200: okBody } } },
    async (request) => {
      const metrics = request.body.updates.map((update, i) => ({
        metricKey: update.metric_key,
        updates: update.breakdowns.flatMap((breakdown, j) =>
          breakdown.sub_dimensions.map((member, k) => ({
            dimensionId: breakdown.dimension_id,
            member: member.dimension_key,
            options: member.other_options,
            breakdownField: `updates.${i}.breakdowns.${j}`,
            memberField: `updates.${i}.breakdowns.${j}.sub_dimensions.${k}`,
          })),
        ),
      }));
      await setOtherOptions(db, actorOf(request), {
        agencyId: request.params.anyAgencyId,
        metrics,
        now: deps.clock.now(),
      });
      return OK;
    },
  );
}
