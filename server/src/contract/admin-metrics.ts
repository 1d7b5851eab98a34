/** The admin panel's vendors, reporting agencies and custom "Other" sub-categories (02-http-api §2.10 routes 52–58). */
import { z } from 'zod';
import { homepageUrl } from './agency-settings.ts';
import { idParam, idValue, requiredName, text } from './common.ts';
import { MAX_METRIC_KEYS } from './admin-agencies.ts';

export const MAX_OTHER_OPTIONS = 50;
export const MAX_LABEL_CHARS = 100;
const metricKey = text.trim().min(1).max(100);

export const vendorParams = z.object({ vendorId: idParam });
export const vendor = z.object({ id: z.number(), name: z.string(), url: z.string().nullable() });
export type Vendor = z.infer<typeof vendor>;
export const vendorsResponse = z.array(vendor);
export const saveVendorBody = z.object({
  /** Absent or null creates the vendor. */
  id: idValue.nullish(),
  name: requiredName,
  url: homepageUrl,
});
export type SaveVendorBody = z.input<typeof saveVendorBody>;
export const deleteVendorResponse = z.object({ status: z.literal('ok') });

export const reportingAgencyOption = z.object({
  reporting_agency_id: z.number(),
  reporting_agency_name: z.string(),
  category: z.enum(['VENDOR', 'AGENCY']),
});
export const reportingAgencyChoice = z.object({
  metric_key: z.string(),
  reporting_agency_id: z.number().nullable(),
  reporting_agency_name: z.string().nullable(),
  is_self_reported: z.boolean().nullable(),
});
export const reportingAgenciesResponse = z.object({
  reporting_agency_options: z.array(reportingAgencyOption),
  reporting_agencies: z.record(z.string(), z.array(reportingAgencyChoice)),
  metrics: z.record(z.string(), z.array(z.object({ key: z.string(), name: z.string() }))),
});
export type ReportingAgenciesResponse = z.infer<typeof reportingAgenciesResponse>;
export const saveReportingAgenciesBody = z.object({
  reporting_agencies: z
    .array(
      z.object({
        metric_key: metricKey,
        reporting_agency_id: idValue.nullable(),
        is_self_reported: z.boolean().nullable(),
      }),
    )
    .min(1)
    .max(MAX_METRIC_KEYS),
});
export type SaveReportingAgenciesBody = z.infer<typeof saveReportingAgenciesBody>;

export const otherSubDimensionsResponse = z.array(
  z.object({
    system: z.string(),
    metric_settings: z.array(
      z.object({
        metric_key: z.string(),
        metric_display_name: z.string(),
        disaggregations: z.array(
          z.object({
            disaggregation_display_name: z.string(),
            dimension_id: z.string(),
            other_sub_dimensions: z.array(
              z.object({ dimension_key: z.string(), dimension_name: z.string(), other_options: z.array(z.string()) }),
            ),
          }),
        ),
      }),
    ),
  }),
);
export type OtherSubDimensionsResponse = z.infer<typeof otherSubDimensionsResponse>;

export const saveOtherSubDimensionsBody = z.object({
  updates: z
    .array(
      z.object({
        metric_key: metricKey,
        breakdowns: z
          .array(
            z.object({
              dimension_id: text.trim().min(1).max(200),
              sub_dimensions: z
                .array(
                  z.object({
                    dimension_key: text.trim().min(1).max(200),
                    other_options: z
                      .array(text.trim().min(1, 'must not be empty').max(MAX_LABEL_CHARS))
                      .max(MAX_OTHER_OPTIONS),
                  }),
                )
                .max(50),
            }),
          )
          .max(50),
      }),
    )
    .min(1)
    .max(MAX_METRIC_KEYS),
});
export type SaveOtherSubDimensionsBody = z.infer<typeof saveOtherSubDimensionsBody>;
