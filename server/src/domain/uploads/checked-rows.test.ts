import { describe, expect, it } from 'vitest';
import { CheckedRows } from './checked-rows.ts';
import { findMetricFile, metricFileForSubsystem } from './metric-files.ts';
import type { UploadRow } from './upload-row.ts';
import { arrestsByType, arrestsTotal, month2021 } from './upload-rows.fixture.ts';

const [total, byType] = [arrestsTotal, arrestsByType];
const [january, february] = [month2021(1), month2021(2)];

const rows: UploadRow[] = [
  {
    sheetName: 'arrests',
    rowNumber: 2,
    singlePage: false,
    file: total,
    agencyId: 7,
    member: null,
    period: january,
    value: 10,
  },
  {
    sheetName: 'arrests_by_type',
    rowNumber: 3,
    singlePage: false,
    file: byType,
    agencyId: 8,
    member: byType.dimension!.members[1]!,
    period: february,
    value: 2.5,
  },
  {
    sheetName: 'arrests',
    rowNumber: 4,
    singlePage: false,
    file: total,
    agencyId: 7,
    member: null,
    period: february,
    value: 0,
  },
];

function packed(list: readonly UploadRow[]): CheckedRows {
  const checked = new CheckedRows();
  for (const row of list) checked.push(row);
  return checked;
}

describe('CheckedRows', () => {
  it('gives back each row as it was checked, sharing its sheet, member and period', () => {
    const checked = packed(rows);
    expect(checked.length).toBe(3);
    expect([...checked]).toEqual(rows);
    expect(checked.at(1).member).toBe(rows[1]!.member);
    expect(checked.at(1).period).toBe(february);
    expect(checked.at(2).file).toBe(total);
  });

  it('grows past its first capacity and forgets rows from a given length on', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({ ...rows[index % 3]!, rowNumber: index + 2 }));
    const checked = packed(many);
    expect(checked.at(2999)).toEqual(many[2999]);
    checked.truncate(1000);
    expect(checked.length).toBe(1000);
    expect([...checked].at(-1)).toEqual(many[999]);
  });

  it("tells a single-page sheet's rows and a sub-system's copy of a metric sheet apart", () => {
    const supervision = findMetricFile('SUPERVISION', 'funding')!;
    const parole = metricFileForSubsystem(supervision, 'PAROLE');
    const row = { ...rows[0]!, sheetName: 'single', singlePage: true };
    const checked = packed([
      { ...row, file: supervision },
      { ...row, file: parole },
    ]);
    expect(checked.at(0).file.metric.key).toBe(supervision.metric.key);
    expect(checked.at(1).file.metric.key).toBe(parole.metric.key);
    expect(checked.at(1).file.metric.key).not.toBe(supervision.metric.key);
    expect(checked.at(1)).toMatchObject({ sheetName: 'single', singlePage: true });
  });

  it("gives the planner a row's parts as table indices, agencies numbered first seen first", () => {
    const checked = packed([...rows, { ...rows[0]!, agencyId: 9, rowNumber: 5 }]);
    for (let index = 0; index < checked.length; index += 1) {
      const row = checked.at(index);
      expect(checked.fileList[checked.fileIndex(index)]).toBe(row.file);
      expect(checked.periodList[checked.periodIndex(index)]).toBe(row.period);
      expect(checked.agencyId(index)).toBe(row.agencyId);
      expect(checked.value(index)).toBe(row.value);
    }
    expect([0, 1, 2, 3].map((index) => checked.agencyIndex(index))).toEqual([0, 1, 0, 2]);
    expect([0, 1, 2, 3].map((index) => checked.memberIndex(index))).toEqual([-1, 0, -1, -1]);
    expect(checked.memberList[0]).toBe(rows[1]!.member);
  });
});
