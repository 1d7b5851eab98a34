import { describe, expect, it } from 'vitest';
import {
  chainHash,
  contentHash,
  noteChanges,
  releaseContent,
  releaseDiff,
  releaseNotes,
  type PublicValue,
} from './release-rules.ts';

const value = (overrides: Partial<PublicValue>): PublicValue => ({
  metricKey: 'LAW_ENFORCEMENT_ARRESTS',
  startDate: '2024-01-01',
  endDate: '2024-02-01',
  dimension: null,
  subDimensionName: null,
  value: '10',
  ...overrides,
});

describe('release content', () => {
  it('is the same for the same figures in any order, and differs when a value does', () => {
    const a = value({});
    const b = value({ dimension: { 'metric/offense/type': 'Drug Offenses' }, value: '4' });
    expect(contentHash(releaseContent([a, b]))).toBe(contentHash(releaseContent([b, a])));
    expect(contentHash(releaseContent([a, b]))).not.toBe(contentHash(releaseContent([a, { ...b, value: '5' }])));
    expect(releaseContent([b, a])[1]).toEqual([
      'LAW_ENFORCEMENT_ARRESTS',
      '2024-01-01',
      '2024-02-01',
      'metric/offense/type',
      'Drug Offenses',
      null,
      '4',
    ]);
  });
});

describe('the chain hash', () => {
  const link = {
    agencyId: 7,
    number: 2,
    createdAt: new Date('2024-03-01T10:00:00Z'),
    contentHash: 'c',
    previousHash: 'p',
  };
  it('changes with the content, the number, the time and the previous release', () => {
    const hash = chainHash(link);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ ...link, contentHash: 'd' })).not.toBe(hash);
    expect(chainHash({ ...link, number: 3 })).not.toBe(hash);
    expect(chainHash({ ...link, createdAt: new Date('2024-03-01T10:00:01Z') })).not.toBe(hash);
    expect(chainHash({ ...link, previousHash: null })).not.toBe(hash);
  });
});

describe('the difference between releases', () => {
  it('counts and lists added, changed and removed values, leaving unchanged ones out', () => {
    const january = value({});
    const february = value({ startDate: '2024-02-01', endDate: '2024-03-01', value: '12' });
    const march = value({ startDate: '2024-03-01', endDate: '2024-04-01', value: '7' });
    const diff = releaseDiff(
      releaseContent([january, february]),
      releaseContent([january, { ...february, value: '13' }, march]),
    );
    expect(diff).toMatchObject({ added: 1, changed: 1, removed: 0 });
    expect(diff.changes.map((c) => [c.start, c.before, c.after])).toEqual([
      ['2024-02-01', '12', '13'],
      ['2024-03-01', null, '7'],
    ]);
    expect(releaseDiff(releaseContent([january, march]), releaseContent([january]))).toMatchObject({
      added: 0,
      changed: 0,
      removed: 1,
      changes: [{ start: '2024-03-01', before: '7', after: null }],
    });
  });

  it('counts everything as added in a first release', () => {
    expect(releaseDiff([], releaseContent([value({}), value({ startDate: '2023-01-01' })]))).toMatchObject({
      added: 2,
    });
  });
});

describe('data notes in a release', () => {
  const note = (startDate: string, text: string) => ({
    metricKey: 'LAW_ENFORCEMENT_ARRESTS',
    startDate,
    endDate: '2024-12-31',
    text,
  });

  it('joins the notes of one metric and period, oldest period first', () => {
    expect(
      releaseNotes([note('2024-02-01', 'Late.'), note('2024-01-01', 'New jail.'), note('2024-02-01', 'Moved.')]),
    ).toEqual([
      ['LAW_ENFORCEMENT_ARRESTS', '2024-01-01', '2024-12-31', 'New jail.'],
      ['LAW_ENFORCEMENT_ARRESTS', '2024-02-01', '2024-12-31', 'Late. Moved.'],
    ]);
  });

  it('are covered by the content hash, which stays that of the values alone when there are none', () => {
    const content = releaseContent([value({})]);
    const notes = releaseNotes([note('2024-01-01', 'New jail.')]);
    expect(contentHash(content, [])).toBe(contentHash(content));
    expect(contentHash(content, notes)).not.toBe(contentHash(content));
    expect(contentHash(content, notes)).not.toBe(contentHash(content, releaseNotes([note('2024-01-01', 'Old jail.')])));
  });

  it('lists the notes written, rewritten and taken back', () => {
    const before = releaseNotes([note('2024-01-01', 'New jail.'), note('2024-02-01', 'Late.')]);
    const after = releaseNotes([
      note('2024-01-01', 'New jail.'),
      note('2024-02-01', 'Late, fixed.'),
      note('2024-03-01', 'Flood.'),
    ]);
    expect(noteChanges(before, after).map((c) => [c.start, c.before, c.after])).toEqual([
      ['2024-02-01', 'Late.', 'Late, fixed.'],
      ['2024-03-01', null, 'Flood.'],
    ]);
    expect(noteChanges(after, []).map((c) => [c.start, c.after])).toEqual([
      ['2024-01-01', null],
      ['2024-02-01', null],
      ['2024-03-01', null],
    ]);
  });
});
