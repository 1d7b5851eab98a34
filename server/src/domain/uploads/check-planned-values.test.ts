import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { checkDatapointChanges, type DatapointChange } from '../datapoints/datapoint-change-rules.ts';
import { checkPlannedValues } from './check-planned-values.ts';
import { PlannedValues, type BreakdownMember } from './planned-values.ts';

const arrests = getMetric('LAW_ENFORCEMENT_ARRESTS')!;
const race = arrests.dimensions.find((dimension) => dimension.identifier.includes('race'))!;
const white: BreakdownMember = { identifier: race.identifier, member: race.members[0]!.name };
const unknownMember: BreakdownMember = { identifier: race.identifier, member: 'NOT_A_MEMBER' };

/** Packed values of the given metrics, breakdowns and numbers, on records 1, 2, 3… */
function packed(values: { metricKey: string; breakdown: BreakdownMember | null; value: number }[]) {
  const metricKeys = [...new Set(values.map((value) => value.metricKey))];
  const breakdowns = [white, unknownMember];
  const planned = new PlannedValues({
    periods: [{ start: '2024-01-01', end: '2024-02-01', frequency: 'MONTHLY', label: '1/2024' }],
    metricKeys,
    breakdowns,
    agencyId: new Int32Array(values.length).fill(7),
    period: new Uint32Array(values.length),
    metric: Uint32Array.from(values, (value) => metricKeys.indexOf(value.metricKey)),
    breakdown: Int32Array.from(values, (value) => (value.breakdown ? breakdowns.indexOf(value.breakdown) : -1)),
    value: Float64Array.from(values, (value) => value.value),
    onlyIfEmpty: new Uint8Array(values.length),
  });
  const reportIds = Int32Array.from(values, (_, i) => i + 1);
  const changes = values.map((value, i): DatapointChange => ({
    reportId: i + 1,
    dimension: value.breakdown,
    ...value,
  }));
  return { planned, reportIds, changes };
}

/** What checkDatapointChanges throws for the same values, the refusal every write gives. */
function refusalOf(changes: DatapointChange[]): unknown {
  try {
    checkDatapointChanges(changes);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('checkPlannedValues', () => {
  it('passes values every write would take', async () => {
    const { planned, reportIds } = packed([
      { metricKey: arrests.key, breakdown: null, value: 12 },
      { metricKey: arrests.key, breakdown: white, value: 2.5 },
      { metricKey: arrests.key, breakdown: white, value: 0 },
    ]);
    await expect(checkPlannedValues(planned, reportIds)).resolves.toBeUndefined();
  });

  it('refuses as every write does: an unknown metric or member, a bad number, each value named', async () => {
    const { planned, reportIds, changes } = packed([
      { metricKey: arrests.key, breakdown: white, value: 3 },
      { metricKey: 'NOT_A_METRIC', breakdown: null, value: 1 },
      { metricKey: arrests.key, breakdown: unknownMember, value: 1 },
      { metricKey: arrests.key, breakdown: white, value: -1 },
      { metricKey: arrests.key, breakdown: null, value: 1e16 },
      { metricKey: arrests.key, breakdown: unknownMember, value: 2 },
      { metricKey: arrests.key, breakdown: null, value: Number.NaN },
    ]);
    const refusal = refusalOf(changes);
    expect(refusal).toMatchObject({ code: 'invalid_input' });
    await expect(checkPlannedValues(planned, reportIds)).rejects.toEqual(refusal);
    await expect(checkPlannedValues(planned, reportIds)).rejects.toHaveProperty(
      'details',
      (refusal as { details: unknown }).details,
    );
  });
});
