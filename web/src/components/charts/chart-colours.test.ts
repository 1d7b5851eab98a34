import { describe, expect, it } from 'vitest';
import { chartSeries, colourOf } from './chart-colours.ts';

describe('chartSeries', () => {
  it('keeps members with figures, each in the colour of its place in the breakdown', () => {
    const members = ['Person', 'Property', 'Drug'];
    expect(chartSeries(members, (m) => m !== 'Property')).toEqual([
      { name: 'Person', colour: colourOf(0) },
      { name: 'Drug', colour: colourOf(2) },
    ]);
  });

  it('keeps every member when none has a figure', () => {
    expect(chartSeries(['A', 'B'], () => false).map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('cycles through the colours for long breakdowns', () => {
    expect(colourOf(11)).toBe(colourOf(0));
  });
});
