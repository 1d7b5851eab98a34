/**
 * writeDatapoints as bulk upload calls it: big batches in a few set-based statements, upload
 * methods in the history, the whole batch refused when one change is bad.
 */
import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.ts';
import { loadActor } from '../../src/domain/actor.ts';
import type { DatapointChange } from '../../src/domain/datapoints/datapoint-change-rules.ts';
import type { UploadMethod } from '../../src/domain/datapoints/datapoint-rules.ts';
import { writeDatapoints } from '../../src/db/queries/write-datapoints.ts';
import { givenAgency, givenUser } from '../support/given.ts';
import { datapointsOf, givenReport, historyOf } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import type { ReportRow } from '../../src/db/queries/reports.ts';

const { t, db } = await testFile();

function write(actor: Actor, method: UploadMethod, changes: DatapointChange[]) {
  return db().transaction((tx) => writeDatapoints(tx, actor, { method, changes, now: t.clock.now() }));
}

/** Every breakdown value of every monthly metric of law enforcement, on each record: a realistic upload. */
function everyValue(reports: ReportRow[], value: number): DatapointChange[] {
  const keys = ['LAW_ENFORCEMENT_CALLS_FOR_SERVICE', 'LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT_REPORTED_CRIME'];
  return reports.flatMap((r) =>
    keys.flatMap((key) => {
      const metric = getMetric(key)!;
      const total: DatapointChange = { reportId: r.id, metricKey: key, value };
      const members = metric.dimensions.flatMap((d) =>
        d.members.map((m): DatapointChange => ({
          reportId: r.id,
          metricKey: key,
          dimension: { identifier: d.identifier, member: m.name },
          value,
        })),
      );
      return [total, ...members];
    }),
  );
}

async function givenUploader() {
  const agency = await givenAgency(db());
  const user = await givenUser(db(), { agency, role: 'CONTRIBUTOR' });
  const reports: ReportRow[] = [];
  for (let month = 1; month <= 12; month += 1) reports.push(await givenReport(db(), agency, { year: 2023, month }));
  return { agency, reports, actor: (await loadActor(db(), user.id, 'session'))! };
}

describe('writeDatapoints', () => {
  it('writes a year of uploads in one call, then only what changed, recording the upload method', async () => {
    const { reports, actor } = await givenUploader();
    const first = everyValue(reports, 1);
    const inserted = await write(actor, 'BULK_UPLOAD', first);
    expect(inserted.written).toHaveLength(first.length);
    expect(inserted.written.every((w) => w.inserted && w.oldValue === null && w.newValue === '1')).toBe(true);

    const second = everyValue(reports, 1).map((c, i) => (i % 10 === 0 ? { ...c, value: 2 } : c));
    const updated = await write(actor, 'BULK_UPLOAD', second);
    expect(updated.written).toHaveLength(Math.ceil(second.length / 10));
    expect(updated.unchanged).toBe(second.length - updated.written.length);
    expect(updated.written[0]).toMatchObject({ inserted: false, oldValue: '1', newValue: '2' });

    const rows = await datapointsOf(db(), reports[0]!.id);
    expect(rows.every((r) => r.uploadMethod === 'BULK_UPLOAD')).toBe(true);
  });

  it('records manual entry → bulk upload in the history, with the uploader', async () => {
    const { reports, actor } = await givenUploader();
    const change: DatapointChange = { reportId: reports[0]!.id, metricKey: 'LAW_ENFORCEMENT_ARRESTS', value: 10 };
    await write(actor, 'MANUAL_ENTRY', [change]);
    await write(actor, 'BULK_UPLOAD', [{ ...change, value: 12 }]);
    const [entry] = await historyOf(db(), reports[0]!.id);
    expect(entry!.history).toMatchObject({
      userAccountId: actor.userId,
      oldValue: '10',
      newValue: '12',
      oldUploadMethod: 'MANUAL_ENTRY',
      newUploadMethod: 'BULK_UPLOAD',
    });
  });

  it('keeps the last of several changes to one datapoint in a batch, and one sub-category per label whatever its case', async () => {
    const { reports, actor } = await givenUploader();
    const other = { identifier: 'metric/offense/type', member: 'OTHER' };
    const base = { reportId: reports[0]!.id, metricKey: 'LAW_ENFORCEMENT_ARRESTS', dimension: other };
    const result = await write(actor, 'BULK_UPLOAD', [
      { ...base, subDimensionName: 'Littering', value: 1 },
      { ...base, subDimensionName: ' LITTERING ', value: 3 },
    ]);
    expect(result.written).toHaveLength(1);
    const rows = await datapointsOf(db(), reports[0]!.id);
    expect(rows.map((r) => [r.subDimensionName, r.value])).toEqual([['LITTERING', '3']]);
  });

  it('refuses the whole batch when one change is bad, listing it, and writes nothing', async () => {
    const { reports, actor } = await givenUploader();
    const good: DatapointChange = { reportId: reports[0]!.id, metricKey: 'LAW_ENFORCEMENT_ARRESTS', value: 1 };
    const bad: DatapointChange = {
      ...good,
      dimension: { identifier: 'metric/offense/type', member: 'JAYWALKING' },
    };
    await expect(write(actor, 'BULK_UPLOAD', [good, bad, { ...good, value: -1 }])).rejects.toThrow(
      /"JAYWALKING" is not a member of "metric\/offense\/type".*must be 0 or more \(got -1\)/,
    );
    expect(await datapointsOf(db(), reports[0]!.id)).toEqual([]);
  });
});
