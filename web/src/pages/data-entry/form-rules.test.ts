import { describe, expect, it } from 'vitest';
import {
  INVALID_NUMBER,
  TOTAL_REQUIRED,
  contextField,
  dimensionField,
  fieldParts,
  formatNumberInput,
  formMismatches,
  initialValues,
  metricErrors,
  metricStatus,
  metricChanges,
  metricsWithValues,
  hasUnsavedValues,
  isSavable,
  EXACT_VALUE_MESSAGES,
  parseNumberInput,
  totalField,
} from './form-rules.ts';
import { testMetric } from './test-report.ts';

const OFFENSE = 'metric/offense/type';

describe('number inputs', () => {
  it('add thousands separators as people type, keep decimals and every digit', () => {
    expect(formatNumberInput('1234567')).toBe('1,234,567');
    expect(formatNumberInput('1,2345.50')).toBe('12,345.50');
    expect(formatNumberInput('12.')).toBe('12.');
    expect(formatNumberInput('12345678901234567')).toBe('12,345,678,901,234,567');
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

describe('saved values', () => {
  it('are what the cached record holds, so reopening shows them', () => {
    const metric = testMetric();
    const values = {
      ...initialValues([metric]),
      [totalField(metric.key)]: '1,300',
      [dimensionField(metric.key, OFFENSE, 'Person Offenses')]: '12',
      [contextField(metric.key, 'INCLUDES_EXCLUDES_DESCRIPTION')]: ' Counted by booking. ',
    };
    const [cached] = metricsWithValues([metric], values);
    expect(cached?.value).toBe(1300);
    expect(cached?.disaggregations[0]?.dimensions.map((d) => d.value)).toEqual([30, 12, null]);
    expect(cached?.contexts[0]?.value).toBe('Counted by booking.');
    expect(initialValues([cached!])).toMatchObject({ [totalField(metric.key)]: '1,300' });
  });

  it('count as unsaved while they differ from the server or are not numbers', () => {
    const metric = testMetric();
    const saved = initialValues([metric]);
    expect(hasUnsavedValues([metric], saved, saved)).toBe(false);
    expect(hasUnsavedValues([metric], { ...saved, [totalField(metric.key)]: '1,201' }, saved)).toBe(true);
    expect(hasUnsavedValues([metric], { ...saved, [totalField(metric.key)]: '12 arrests' }, saved)).toBe(true);
  });
});

describe('numbers the server cannot store exactly', () => {
  it('are refused beside the field, naming the limit, and not saved', () => {
    const metric = testMetric();
    const values = { ...initialValues([metric]), [totalField(metric.key)]: '99,999,999,999,999,999,999,999' };
    expect(metricErrors(metric, values)[totalField(metric.key)]).toBe(EXACT_VALUE_MESSAGES.too_large);
    expect(metricErrors(metric, values)[totalField(metric.key)]).toContain('999,999,999,999,999');
    expect(isSavable(metric, values)).toBe(false);
    const precise = { ...values, [totalField(metric.key)]: '1.0000000000000001' };
    expect(metricErrors(metric, precise)[totalField(metric.key)]).toBe(EXACT_VALUE_MESSAGES.too_many_digits);
    const largest = { ...values, [totalField(metric.key)]: '999,999,999,999,999' };
    expect(isSavable(metric, largest)).toBe(true);
  });
});

describe('breakdowns that do not add up', () => {
  const metric = testMetric();
  const typed = (total: string, drug: string, person = '', other = '') => ({
    [totalField(metric.key)]: total,
    [dimensionField(metric.key, OFFENSE, 'Drug Offenses')]: drug,
    [dimensionField(metric.key, OFFENSE, 'Person Offenses')]: person,
    [dimensionField(metric.key, OFFENSE, 'Other Offenses')]: other,
  });

  it('are found from the values as typed, above or below the total', () => {
    expect(formMismatches(metric, typed('30', '20', '15'))).toEqual([
      { breakdown: 'Offense Types', problem: 'more', sum: 35, total: 30 },
    ]);
    expect(formMismatches(metric, typed('1,200', '30'))).toEqual([
      { breakdown: 'Offense Types', problem: 'less', sum: 30, total: 1200 },
    ]);
  });

  it('are not reported when the breakdown adds up, is blank, or has no total', () => {
    expect(formMismatches(metric, typed('30', '20', '10'))).toEqual([]);
    expect(formMismatches(metric, typed('30', ''))).toEqual([]);
    expect(formMismatches(metric, typed('', '20', '15'))).toEqual([]);
  });

  it('leave out members the agency switched off and text that is not a number', () => {
    expect(formMismatches(metric, typed('30', '20', '10', '500'))).toEqual([]);
    expect(formMismatches(metric, typed('30', '20', 'ten'))).toEqual([
      { breakdown: 'Offense Types', problem: 'less', sum: 20, total: 30 },
    ]);
  });
});
