import { describe, expect, it } from 'vitest';
import { CheckedRows } from './checked-rows.ts';
import { findMetricFile } from './metric-files.ts';
import { formatAmount, planUpload } from './plan-upload.ts';
import type { UploadRow } from './upload-row.ts';
import { arrestsByType, arrestsTotal, month2021 } from './upload-rows.fixture.ts';
import { MessageLog } from './upload-messages.ts';

const [total, byType] = [arrestsTotal, arrestsByType];
const bySex = findMetricFile('LAW_ENFORCEMENT', 'arrests_by_biological_sex')!;
const january = month2021(1);

let rowNumber = 1;
function row(file: typeof total, value: number, memberIndex?: number, period = january): UploadRow {
  const member = memberIndex === undefined ? null : file.dimension!.members[memberIndex]!;
  rowNumber += 1;
  return {
    sheetName: file.sheetName,
    rowNumber,
    singlePage: false,
    file,
    agencyId: 1,
    member,
    period,
    value,
  };
}

const noLabel = () => null;

function checked(...rows: UploadRow[]): CheckedRows {
  const list = new CheckedRows();
  for (const one of rows) list.push(one);
  return list;
}

describe('planUpload', () => {
  it('keeps explicit totals and breakdowns, and warns when they differ by more than 1', () => {
    const log = new MessageLog();
    const planned = [...planUpload(checked(row(total, 10), row(byType, 0, 0), row(byType, 0, 1)), log, noLabel)];
    expect(planned.map((p) => [p.member?.name ?? 'total', p.value])).toEqual([
      ['total', 10],
      ['PERSON', 0],
      ['PROPERTY', 0],
    ]);
    expect(log.list()).toMatchObject([
      {
        type: 'WARNING',
        title: 'Breakdown Total Warning',
        metricKey: 'LAW_ENFORCEMENT_ARRESTS',
        sheetName: null,
        description:
          'The sum of all values (0.0) in the arrests_by_type sheet for 01/01/2021-02/01/2021 does not equal the total value provided in the aggregate sheet (10.0).',
      },
    ]);
  });

  it('tolerates a difference of 1 and names the agency when asked', () => {
    const log = new MessageLog();
    planUpload(checked(row(total, 10), row(byType, 9, 0)), log, noLabel);
    expect(log.list()).toEqual([]);
    planUpload(checked(row(total, 10), row(byType, 5, 0)), log, () => 'Child A');
    expect(log.list()[0]?.description).toContain('sheet for agency Child A for 01/01/2021');
  });

  it('infers a missing total from the first breakdown sheet, to be written only where none exists', () => {
    const planned = [
      ...planUpload(checked(row(bySex, 7, 0), row(byType, 3, 0), row(byType, 4, 1)), new MessageLog(), noLabel),
    ];
    const inferred = planned.filter((p) => p.member === null);
    expect(inferred).toMatchObject([{ value: 7, onlyIfEmpty: true, dimension: null }]);
  });

  it('drops every row of a period with duplicate rows and says which rows', () => {
    const log = new MessageLog();
    const planned = planUpload(checked(row(total, 5), row(total, 7)), log, noLabel);
    expect([...planned]).toEqual([]);
    expect(log.list()).toMatchObject([{ type: 'ERROR', title: 'Too Many Rows', sheetName: 'arrests' }]);
    expect(log.list()[0]?.description).toMatch(/time period 1\/2021\. Rows \d+, \d+ all give data/);
  });

  it('names each group of duplicate rows once, in the order of its first row, and keeps other periods', () => {
    const log = new MessageLog();
    const [february, march] = [month2021(2), month2021(3)];
    const rows = [row(total, 1, undefined, february), row(total, 2), row(total, 3, undefined, february)];
    rows.push(row(total, 4), row(total, 5, undefined, march), row(total, 6, undefined, february));
    const planned = [...planUpload(checked(...rows), log, noLabel)];
    expect(planned.map((p) => [p.period.label, p.value])).toEqual([['3/2021', 5]]);
    const numbers = rows.map((one) => one.rowNumber);
    expect(log.list().map((message) => message.description)).toEqual([
      expect.stringContaining(`time period 2/2021. Rows ${numbers[0]}, ${numbers[2]}, ${numbers[5]} all give data`),
      expect.stringContaining(`time period 1/2021. Rows ${numbers[1]}, ${numbers[3]} all give data`),
    ]);
  });
});

describe('formatAmount', () => {
  it('shows numbers as the reference did', () => {
    expect(formatAmount(10)).toBe('10.0');
    expect(formatAmount(2.5)).toBe('2.5');
    expect(formatAmount(0.1 + 0.2)).toBe('0.3');
  });
});
