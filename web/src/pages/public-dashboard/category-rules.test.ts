import { describe, expect, it } from 'vitest';
import { metricJson } from '../../rules/test-metrics.ts';
import {
  barHeights,
  categoriesOf,
  categoryBySlug,
  categorySlug,
  chosenSector,
  metricAnchor,
} from './category-rules.ts';
import type { PublicMetric } from './dashboard-rules.ts';

const entry = (key: string, system: string, category: string): PublicMetric => ({
  metric: { ...metricJson(key, system, { category }), data_notes: [], disaggregations: [] },
  datapoints: [],
});

describe('categories of a public dashboard', () => {
  it('put a category in the address as the reference does and find it again', () => {
    expect(categorySlug('Capacity and Costs')).toBe('capacity-and-costs');
    expect(categorySlug('Operations and Dynamics')).toBe('operations-and-dynamics');
    expect(categoryBySlug('capacity-and-costs')).toMatchObject({
      label: 'Capacity and Costs',
      heading: 'Understand the Finances',
    });
    expect(categoryBySlug('public-safety')?.label).toBe('Public Safety');
    expect(categoryBySlug('releases')).toBeNull();
    expect(categoryBySlug(undefined)).toBeNull();
  });

  it('group a sector’s metrics by category in the Justice Counts order, other sectors left out', () => {
    const metrics = [
      entry('LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT', 'Operations and Dynamics'),
      entry('LAW_ENFORCEMENT_FUNDING', 'LAW_ENFORCEMENT', 'Capacity and Costs'),
      entry('JAILS_FUNDING', 'JAILS', 'Capacity and Costs'),
      entry('LAW_ENFORCEMENT_EXPENSES', 'LAW_ENFORCEMENT', 'Capacity and Costs'),
    ];
    const groups = categoriesOf(metrics, 'LAW_ENFORCEMENT');
    expect(groups.map((g) => [g.category.heading, g.metrics.map((m) => m.metric.key)])).toEqual([
      ['Understand the Finances', ['LAW_ENFORCEMENT_FUNDING', 'LAW_ENFORCEMENT_EXPENSES']],
      ['Understand the Work', ['LAW_ENFORCEMENT_ARRESTS']],
    ]);
  });

  it('choose the sector the address names, in any case, else the first', () => {
    expect(chosenSector(['LAW_ENFORCEMENT', 'JAILS'], 'jails')).toBe('JAILS');
    expect(chosenSector(['LAW_ENFORCEMENT', 'JAILS'], 'prisons')).toBe('LAW_ENFORCEMENT');
    expect(chosenSector(['LAW_ENFORCEMENT'], null)).toBe('LAW_ENFORCEMENT');
    expect(chosenSector([], 'jails')).toBeUndefined();
  });

  it('anchor a metric by its key', () => {
    expect(metricAnchor('LAW_ENFORCEMENT_ARRESTS')).toBe('law_enforcement_arrests');
  });
});

describe('barHeights', () => {
  it('scales totals to the largest, keeps gaps and never goes below zero', () => {
    expect(barHeights([50, null, 100, -5])).toEqual([0.5, null, 1, 0]);
    expect(barHeights([0, 0])).toEqual([0, 0]);
    expect(barHeights([null])).toEqual([null]);
  });
});
