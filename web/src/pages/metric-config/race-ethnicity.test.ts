import { describe, expect, it } from 'vitest';
import {
  dimensionFlags,
  enabledCells,
  ETHNICITIES,
  formFromDimensions,
  RACES,
  type RaceForm,
} from './race-ethnicity.ts';
import { dimensionJson } from '../../rules/test-metrics.ts';

const ALL = RACES.flatMap((race) =>
  ETHNICITIES.map((ethnicity) => dimensionJson(`${race} / ${ethnicity}`, { race, ethnicity })),
);
const everyRace = [...RACES];

describe('enabledCells', () => {
  it('gives 24 cells when ethnicity is recorded apart from race', () => {
    expect(enabledCells({ canSpecifyEthnicity: true, hispanicAsRace: false, races: everyRace }).size).toBe(24);
  });

  it('gives 9 cells when Hispanic is recorded as a race, with Unknown forced on', () => {
    const cells = enabledCells({ canSpecifyEthnicity: false, hispanicAsRace: true, races: ['White'] });
    expect([...cells].sort()).toEqual([
      'Unknown / Hispanic or Latino',
      'Unknown / Not Hispanic or Latino',
      'White / Not Hispanic or Latino',
    ]);
    expect(enabledCells({ canSpecifyEthnicity: false, hispanicAsRace: true, races: everyRace }).size).toBe(9);
  });

  it('gives 8 cells with unknown ethnicity when Hispanic is not recorded at all', () => {
    expect(enabledCells({ canSpecifyEthnicity: false, hispanicAsRace: false, races: everyRace }).size).toBe(8);
  });
});

describe('formFromDimensions', () => {
  it.each<[string, RaceForm]>([
    ['ethnicity recorded', { canSpecifyEthnicity: true, hispanicAsRace: false, races: ['Asian', 'White'] }],
    ['Hispanic as a race', { canSpecifyEthnicity: false, hispanicAsRace: true, races: ['Black', 'Unknown'] }],
    ['no ethnicity', { canSpecifyEthnicity: false, hispanicAsRace: false, races: ['Other'] }],
  ])('reads back the answers that gave the cells (%s)', (_name, form) => {
    const dimensions = ALL.map((d, i) => ({ ...d, enabled: dimensionFlags(ALL, form)[i]!.enabled }));
    expect(formFromDimensions(dimensions)).toEqual(form);
  });
});
