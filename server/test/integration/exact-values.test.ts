/**
 * Numbers are never silently changed (issue 11, item 3): a figure the server cannot store exactly
 * (too large, or more significant digits than a stored number keeps) and a text value are refused
 * with a message naming the limit, in data entry and in uploads, and nothing of them is written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { patchReport, datapointsOf, historyOf, reportById } from '../support/given-reports.ts';
import { givenUploader, messageMap, uploadArrests, valuesOf } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, given } = await testFile();
beforeEach(() => t.clock.set(new Date('2024-07-15T12:00:00Z')));

describe('PATCH /api/reports/:id with a figure that cannot be stored exactly', () => {
  const bad: [string, unknown, string][] = [
    ['too large', 1e23, 'must be at most 999,999,999,999,999'],
    ['too many digits', 0.12345678901234568, 'at most 15 significant digits'],
    ['text', '120', 'number'],
  ];
  for (const [what, value, says] of bad) {
    it(`refuses a value that is ${what}, naming the limit, and writes nothing`, async () => {
      const { record, headers } = await given.agencyWithRecords();
      const before = await reportById(t.database.db, record.id);
      const res = await expectNoWrites(t.database.db, () =>
        patchReport(t, headers, record.id, {
          status: 'DRAFT',
          metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', value }],
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_input' });
      expect(JSON.stringify(res.json())).toContain(says);
      expect(await datapointsOf(t.database.db, record.id)).toEqual([]);
      expect(await historyOf(t.database.db, record.id)).toEqual([]);
      expect(await reportById(t.database.db, record.id)).toEqual(before);
    });
  }

  it('stores the largest figure and a 15-digit decimal exactly', async () => {
    const { record, headers } = await given.agencyWithRecords();
    for (const value of [999_999_999_999_999, 1234567.12345678]) {
      const res = await patchReport(t, headers, record.id, {
        status: 'DRAFT',
        metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', value }],
      });
      expect(res.statusCode).toBe(200);
      expect((await datapointsOf(t.database.db, record.id)).map((d) => d.value)).toEqual([String(value)]);
    }
  });
});

describe('uploads with a figure that cannot be stored exactly', () => {
  it('reports each such row as an error naming the limit, saves the good rows, rounds nothing', async () => {
    const { agency, headers } = await givenUploader(t, { systems: ['LAW_ENFORCEMENT'] });
    const result = await uploadArrests(
      t,
      headers,
      agency.id,
      [
        [2024, 1, 12.345],
        [2024, 2, '99999999999999999999999'],
        [2024, 3, 1e23],
        [2024, 4, '1.0000000000000001'],
        [2024, 5, 'a lot'],
      ],
      'figures.xlsx',
    );
    const problems = messageMap(result).get('LAW_ENFORCEMENT_ARRESTS')!;
    const said = problems.map((message) => message.description).join('\n');
    expect(problems).toHaveLength(4);
    expect(said).toMatch(/Row 3.*must be at most 999,999,999,999,999/);
    expect(said).toMatch(/Row 4.*must be at most 999,999,999,999,999/);
    expect(said).toMatch(/Row 5.*at most 15 significant digits/);
    expect(said).toContain('Row 6');
    expect((await valuesOf(t.database.db, agency.id, '01 2024 Metrics')).LAW_ENFORCEMENT_ARRESTS).toBe(12.345);
    for (const month of ['02', '03', '04', '05']) {
      expect(await valuesOf(t.database.db, agency.id, `${month} 2024 Metrics`)).toEqual({});
    }
  });
});
