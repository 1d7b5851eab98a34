import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import type { UploadedReport, UploadResult } from '../../domain/uploads/upload-result.ts';
import { uploadResultJson } from './uploads.ts';

const arrests = getMetric('LAW_ENFORCEMENT_ARRESTS')!;
const race = arrests.dimensions.find((dimension) => dimension.identifier.includes('race'))!;
const member = race.members[1]!;

const record = (id: number, status: UploadedReport['status']): UploadedReport => ({
  id,
  agencyId: 3,
  agencyName: 'County "North" Police',
  frequency: 'MONTHLY',
  start: '2024-01-01',
  end: '2024-02-01',
  status,
  lastModifiedAt: null,
  isRecurring: false,
  publishDate: null,
});

function resultOf(datapoints: UploadResult['metrics'][number]['datapoints']): UploadResult {
  return {
    spreadsheetId: 1,
    summary: {
      rowsSaved: datapoints.length,
      rowsBlank: 0,
      rowsSkipped: 0,
      recordsCreated: 1,
      recordsChanged: 1,
      recordsUnpublished: 0,
      errors: 0,
      warnings: 0,
    },
    fileName: 'arrests.csv',
    system: 'LAW_ENFORCEMENT',
    metrics: [{ key: arrests.key, displayName: arrests.displayName, enabled: true, messages: [], datapoints }],
    nonMetricMessages: [],
    newReports: [record(10, 'DRAFT')],
    updatedReports: [record(11, 'PUBLISHED')],
    unchangedReports: [],
  };
}

const parsed = (result: UploadResult) =>
  JSON.parse([...uploadResultJson(result)].join('')) as { metrics: { datapoints: unknown[] }[] };

describe('uploadResultJson', () => {
  it('writes each value as a datapoint with its record and names', () => {
    const body = parsed(
      resultOf([
        [1, 10, null, null, 12, null],
        [2, 11, race.identifier, member.name, 'a "quoted" text', 4.5],
        [3, 11, race.identifier, 'NOT_A_MEMBER', null, null],
      ]),
    );
    const common = {
      agency_name: 'County "North" Police',
      start_date: 'Mon, 01 Jan 2024 00:00:00 GMT',
      end_date: 'Thu, 01 Feb 2024 00:00:00 GMT',
      frequency: 'MONTHLY',
      metric_definition_key: arrests.key,
      sub_dimension_name: null,
    };
    expect(body.metrics[0]!.datapoints).toEqual([
      {
        ...common,
        id: 1,
        report_id: 10,
        metric_display_name: arrests.displayName,
        disaggregation_display_name: null,
        dimension_display_name: null,
        value: 12,
        old_value: null,
        is_published: false,
      },
      {
        ...common,
        id: 2,
        report_id: 11,
        metric_display_name: arrests.displayName,
        disaggregation_display_name: race.displayName,
        dimension_display_name: member.value,
        value: 'a "quoted" text',
        old_value: 4.5,
        is_published: true,
      },
      {
        ...common,
        id: 3,
        report_id: 11,
        metric_display_name: null,
        disaggregation_display_name: null,
        dimension_display_name: null,
        value: null,
        old_value: null,
        is_published: true,
      },
    ]);
  });

  it('refuses a value whose record the result does not list', () => {
    expect(() => parsed(resultOf([[1, 99, null, null, 1, null]]))).toThrow(/names record 99/);
  });
});
