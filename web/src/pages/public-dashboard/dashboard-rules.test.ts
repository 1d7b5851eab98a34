import { describe, expect, it } from 'vitest';
import type {
  DashboardAgencyJson,
  DatapointFull,
  PublishedDataResponse,
  PublishedMetricJson,
} from '@jc/server/contract';
import { dimensionJson, disaggregationJson, metricJson } from '../../rules/test-metrics.ts';
import type { ChartOptions } from '../../components/charts/use-metric-chart.ts';
import {
  chartSelection,
  chosenBreakdown,
  definitionOf,
  fileLabel,
  listedAgencies,
  metricsWithData,
  notePeriod,
  sectorsOf,
  totalsOnly,
} from './dashboard-rules.ts';

function agency(id: number, name: string, overrides: Partial<DashboardAgencyJson> = {}): DashboardAgencyJson {
  return {
    id,
    name,
    available_sectors: ['LAW_ENFORCEMENT'],
    available_metric_keys: ['LAW_ENFORCEMENT_ARRESTS'],
    available_disaggregations: {},
    is_dashboard_enabled: true,
    is_demo: false,
    state_geoid: null,
    county_geoid: null,
    state_name: 'California',
    county_name: null,
    ...overrides,
  };
}

const datapoint = (value: number | null, overrides: Partial<DatapointFull> = {}): DatapointFull => ({
  id: 1,
  report_id: 1,
  agency_name: 'A',
  start_date: 'Fri, 01 Mar 2024 00:00:00 GMT',
  end_date: 'Mon, 01 Apr 2024 00:00:00 GMT',
  frequency: 'MONTHLY',
  metric_definition_key: 'LAW_ENFORCEMENT_ARRESTS',
  metric_display_name: 'Arrests',
  disaggregation_display_name: null,
  dimension_display_name: null,
  sub_dimension_name: null,
  value,
  old_value: null,
  is_published: true,
  ...overrides,
});

function published(key: string, system: string, overrides: Partial<PublishedMetricJson> = {}): PublishedMetricJson {
  return {
    ...metricJson(key, system),
    enabled: true,
    datapoints: null,
    data_notes: [],
    disaggregations: [],
    ...overrides,
  };
}

describe('notePeriod', () => {
  it('names a month, or the dates of a longer period', () => {
    expect(notePeriod({ start_date: '2024-01-01', end_date: '2024-02-01' })).toBe('January 2024');
    expect(notePeriod({ start_date: '2023-12-01', end_date: '2024-01-01' })).toBe('December 2023');
    expect(notePeriod({ start_date: '2023-07-01', end_date: '2024-07-01' })).toBe('July 1, 2023 – June 30, 2024');
  });
});

describe('listedAgencies', () => {
  const agencies = [
    agency(2, 'Springfield Jail', { available_sectors: ['JAILS'], state_name: 'Illinois' }),
    agency(1, 'Riverside Police', { county_name: 'Riverside' }),
    agency(3, 'Empty Courts', { available_metric_keys: [] }),
  ];

  it('lists agencies with published metrics, by name', () => {
    expect(listedAgencies(agencies, '').map((a) => a.id)).toEqual([1, 2]);
  });

  it('finds every word of the search in the name, place or sector, in any case', () => {
    expect(listedAgencies(agencies, 'illinois').map((a) => a.id)).toEqual([2]);
    expect(listedAgencies(agencies, 'jails spring').map((a) => a.id)).toEqual([2]);
    expect(listedAgencies(agencies, 'RIVERSIDE law').map((a) => a.id)).toEqual([1]);
    expect(listedAgencies(agencies, 'prisons')).toEqual([]);
  });
});

describe('metricsWithData', () => {
  it('keeps metrics switched on with a figure, totals and breakdown values together', () => {
    const person = datapoint(5, { disaggregation_display_name: 'Offense Types', dimension_display_name: 'Person' });
    const data: PublishedDataResponse = {
      agency: {
        id: 1,
        is_dashboard_enabled: true,
        name: 'A',
        settings: [],
        systems: ['LAW_ENFORCEMENT'],
        population: { total: {} },
      },
      metrics: [
        published('LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT', {
          datapoints: [datapoint(10)],
          disaggregations: [
            disaggregationJson('offense', 'Offense Types', [
              { ...dimensionJson('Person'), enabled: true, datapoints: [person], contexts: [] },
            ]),
          ],
        }),
        published('LAW_ENFORCEMENT_FUNDING', 'LAW_ENFORCEMENT', { datapoints: [datapoint(null)] }),
        published('LAW_ENFORCEMENT_STAFF', 'LAW_ENFORCEMENT', { enabled: false, datapoints: [datapoint(3)] }),
        published('JAILS_ADMISSIONS', 'JAILS', { datapoints: [datapoint(7)] }),
      ],
    };
    const metrics = metricsWithData(data);
    expect(metrics.map((m) => m.metric.key)).toEqual(['LAW_ENFORCEMENT_ARRESTS', 'JAILS_ADMISSIONS']);
    expect(metrics[0]!.datapoints.map((d) => d.value)).toEqual([10, 5]);
    expect(sectorsOf(metrics)).toEqual(['LAW_ENFORCEMENT', 'JAILS']);
  });
});

describe('definitionOf', () => {
  it('reads the agency’s answers, the defaults where it gave none, and its own note', () => {
    const metric = published('LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT', {
      includes_excludes: [
        {
          description: null,
          multiselect: true,
          settings: [
            { key: 'A', label: 'Juveniles', included: 'No', default: 'Yes' },
            { key: 'B', label: 'Citations', included: null, default: 'Yes' },
            { key: 'C', label: 'Warrants', included: null, default: 'No' },
          ],
        },
      ],
      contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', display_name: null, value: ' Also summonses. ' }],
    });
    expect(definitionOf(metric)).toEqual({
      included: ['Citations'],
      excluded: ['Juveniles', 'Warrants'],
      note: 'Also summonses.',
    });
  });
});

describe('fileLabel', () => {
  it('names a feed file in words', () => {
    expect(fileLabel('arrests_by_type')).toBe('Arrests by type');
  });
});

describe('chartSelection', () => {
  const options: ChartOptions = {
    choices: [
      { key: 'annual-1', label: 'Calendar Year', frequency: 'ANNUAL', startingMonth: 1 },
      { key: 'monthly', label: 'Monthly', frequency: 'MONTHLY', startingMonth: 1 },
    ],
    breakdowns: [
      { name: 'Biological Sex', members: ['Male', 'Female'] },
      { name: 'Offense Types', members: ['Person Offenses'] },
    ],
    defaultBreakdown: 'Offense Types',
    canShowRate: true,
  };

  it('charts the latest frequency’s published figures, five years of an annual metric when recent', () => {
    expect(chartSelection(true, totalsOnly)(options)).toEqual({
      choice: options.choices[0],
      breakdown: null,
      range: 60,
      publishedOnly: true,
      asRate: false,
    });
    expect(chartSelection(false, totalsOnly)(options).range).toBe('all');
    expect(chartSelection(true, totalsOnly, true)(options).asRate).toBe(true);
  });

  it('splits by the breakdown named, else the default one', () => {
    expect(chartSelection(true, chosenBreakdown('Biological Sex'))(options).breakdown?.name).toBe('Biological Sex');
    expect(chartSelection(true, chosenBreakdown('No such breakdown'))(options).breakdown?.name).toBe('Offense Types');
    expect(chosenBreakdown(null)({ ...options, defaultBreakdown: null })).toBeNull();
  });
});
