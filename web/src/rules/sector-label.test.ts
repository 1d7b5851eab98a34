import { describe, expect, it } from 'vitest';
import { SYSTEMS, systemLabel } from '@jc/catalogue';
import { sectorLabel } from './sector-label.ts';

describe('sectorLabel', () => {
  it('names every sector as the catalogue does', () => {
    expect(SYSTEMS.map(sectorLabel)).toEqual(SYSTEMS.map(systemLabel));
    expect(sectorLabel('COURTS_AND_PRETRIAL')).toBe('Courts and Pretrial');
  });
});
