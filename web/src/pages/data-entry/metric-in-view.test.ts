import { describe, expect, it } from 'vitest';
import { metricInView, metricKeyFromHash } from './metric-in-view.ts';

describe('metricInView', () => {
  const sections = [
    { key: 'A', top: -900 },
    { key: 'B', top: 200 },
    { key: 'C', top: 700 },
  ];

  it('picks the last section whose top is above the middle of the viewport', () => {
    expect(metricInView(sections, 1000)).toBe('B');
    expect(metricInView(sections, 300)).toBe('A');
  });

  it('picks the first section before any has reached the middle', () => {
    expect(
      metricInView(
        [
          { key: 'A', top: 400 },
          { key: 'B', top: 900 },
        ],
        600,
      ),
    ).toBe('A');
  });

  it('at the bottom of the page, picks the last section that shows at all', () => {
    expect(metricInView(sections, 1000, true)).toBe('C');
  });

  it('has no answer without sections', () => {
    expect(metricInView([], 800)).toBeUndefined();
  });
});

describe('metricKeyFromHash', () => {
  it('reads a metric key, spaces and all', () => {
    expect(metricKeyFromHash('#metric-LAW_ENFORCEMENT_ARRESTS')).toBe('LAW_ENFORCEMENT_ARRESTS');
    expect(metricKeyFromHash('#metric-PROSECUTION_CASES%20REFERRED')).toBe('PROSECUTION_CASES REFERRED');
  });

  it('ignores other hashes and broken encodings', () => {
    expect(metricKeyFromHash('')).toBeUndefined();
    expect(metricKeyFromHash('#top')).toBeUndefined();
    expect(metricKeyFromHash('#metric-%E0%A4%A')).toBeUndefined();
  });
});
