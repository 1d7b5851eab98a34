import { describe, expect, it } from 'vitest';
import { readStoredUploadResult, storedUploadResult, type StoredValue } from './stored-upload-result.ts';
import type { UploadedValue, UploadResult } from './upload-result.ts';

const result = (datapoints: UploadedValue[]): UploadResult => ({
  spreadsheetId: 3,
  summary: {
    rowsSaved: 2,
    rowsBlank: 0,
    rowsSkipped: 0,
    recordsCreated: 1,
    recordsChanged: 0,
    recordsUnpublished: 0,
    errors: 0,
    warnings: 0,
  },
  fileName: 'arrests.csv',
  system: 'LAW_ENFORCEMENT',
  metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', displayName: 'Arrests', enabled: true, messages: [], datapoints }],
  nonMetricMessages: [],
  newReports: [],
  updatedReports: [],
  unchangedReports: [],
});

const tuples: UploadedValue[] = [
  [10, 7, null, null, 12, null],
  [11, 7, 'metric/arrests/race', 'Asian', 5, 'n/a'],
];
const stored: StoredValue[] = [
  [10, 7, -1, 12, null],
  [11, 7, 0, 5, 'n/a'],
];

describe('the stored upload result', () => {
  it('keeps each value with its breakdown member as a place in one table, and reads back the same result', () => {
    const kept = storedUploadResult(
      result(tuples),
      [{ identifier: 'metric/arrests/race', member: 'Asian' }],
      () => stored,
    );
    const text = JSON.stringify(kept);
    expect(text).toContain('"breakdowns":[["metric/arrests/race","Asian"]]');
    expect(text).toContain('"values":[[10,7,-1,12,null],[11,7,0,5,"n/a"]]');
    const read = readStoredUploadResult(JSON.parse(text))!;
    expect(read.metrics[0]!.datapoints.slice(0, 2)).toEqual(tuples);
    expect({ ...read, metrics: [] }).toEqual({ ...result([]), metrics: [] });
  });

  it('reads results stored with six-item tuples as they are, and not those with values as objects', () => {
    const earlier = JSON.parse(JSON.stringify(result(tuples)));
    expect(readStoredUploadResult(earlier)!.metrics[0]!.datapoints).toEqual(tuples);
    const objects = { ...earlier, metrics: [{ ...earlier.metrics[0], datapoints: [{ id: 10 }] }] };
    expect(readStoredUploadResult(objects)).toBeNull();
    expect(readStoredUploadResult({ ...earlier, summary: undefined })).toBeNull();
  });
});
