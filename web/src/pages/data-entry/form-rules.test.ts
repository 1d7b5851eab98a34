import { describe, expect, it } from 'vitest';
import {
  INVALID_NUMBER,
  TOTAL_REQUIRED,
  contextField,
  dimensionField,
  fieldParts,
  formatNumberInput,
  initialValues,
  metricErrors,
  metricStatus,
  metricChanges,
  parseNumberInput,
  totalField,
} from './form-rules.ts';
import { testMetric } from './test-report.ts';

const OFFENSE = 'metric/offense/type';

describe('number inputs', () => {
  it('add thousands separators as people type, keep decimals, cap at 15 digits', () => {
    expect(formatNumberInput('1234567')).toBe('1,234,567');
    expect(formatNumberInput('1,2345.50')).toBe('12,345.50');
    expect(formatNumberInput('12.')).toBe('12.');
    expect(formatNumberInput('12345678901234567')).toBe('123,456,789,012,345');
    expect(formatNumberInput('12a')).toBe('12a');
    expect(formatNumberInput('')).toBe('');
  });

  it('read as numbers, empty, or invalid (negative numbers included)', () => {
    expect(parseNumberInput('1,234.5')).toBe(1234.5);
    expect(parseNumberInput('0')).toBe(0);
    expect(parseNumberInput('  ')).toBeNull();
    expect(parseNumberInput('-3')).toBe('invalid');
    expect(parseNumberInput('12a')).toBe('invalid');
  });
});

describe('metric validation', () => {
  const metric = testMetric();

  it('starts from the stored values', () => {
    const values = initialValues([metric]);
    expect(values[totalField(metric.key)]).toBe('1,200');
    expect(values[dimensionField(metric.key, OFFENSE, 'Drug Offenses')]).toBe('30');
    expect(metricStatus(metric, values)).toBe('complete');
  });

  it('flags bad numbers, and a missing total once anything else is filled in', () => {
    const values = {
      ...initialValues([metric]),
      [totalField(metric.key)]: '',
      [dimensionField(metric.key, OFFENSE, 'Person Offenses')]: '-1',
    };
    expect(metricErrors(metric, values)).toEqual({
      [totalField(metric.key)]: TOTAL_REQUIRED,
      [dimensionField(metric.key, OFFENSE, 'Person Offenses')]: INVALID_NUMBER,
    });
    expect(metricStatus(metric, values)).toBe('error');
  });

  it('allows a metric left entirely empty', () => {
    const empty = testMetric({ value: null, disaggregations: [] });
    expect(metricErrors(empty, initialValues([empty]))).toEqual({});
    expect(metricStatus(empty, initialValues([empty]))).toBe('empty');
  });
});

describe('metricChanges', () => {
  const metric = testMetric();
  const saved = initialValues([metric]);

  it('sends only what changed since the last save, empty fields as null', () => {
    const values = {
      ...saved,
      [totalField(metric.key)]: '1,250',
      [dimensionField(metric.key, OFFENSE, 'Drug Offenses')]: '',
    };
    expect(metricChanges(metric, values, saved)).toEqual({
      update: {
        key: metric.key,
        value: 1250,
        disaggregations: [{ key: OFFENSE, dimensions: [{ key: 'Drug Offenses', value: null }] }],
      },
      fields: [totalField(metric.key), dimensionField(metric.key, OFFENSE, 'Drug Offenses')],
    });
  });

  it('sends nothing when only formatting changed', () => {
    expect(metricChanges(metric, { ...saved, [totalField(metric.key)]: '1200' }, saved)).toBeNull();
  });
});

describe('fieldParts', () => {
  it('splits a member field into metric, breakdown and member, and keeps totals and notes to their metric', () => {
    expect(fieldParts(dimensionField('M', 'metric/offense/type', 'Drug Offenses'))).toEqual({
      metricKey: 'M',
      breakdownKey: 'metric/offense/type',
      memberKey: 'Drug Offenses',
    });
    expect(fieldParts(totalField('PROSECUTION_CASES REFERRED'))).toEqual({ metricKey: 'PROSECUTION_CASES REFERRED' });
    expect(fieldParts(contextField('M', 'ADDITIONAL_CONTEXT'))).toEqual({ metricKey: 'M' });
  });
});
