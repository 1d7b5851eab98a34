import { describe, expect, it } from 'vitest';
import { dropdownName } from './dropdown-name-rules.ts';

describe('dropdownName', () => {
  it('adds the upper-case state', () => {
    expect(dropdownName('Agency Alpha', 'us_xx')).toBe('Agency Alpha (XX)');
  });

  it('leaves names that already carry the state, or have no state', () => {
    expect(dropdownName('Agency Alpha (CA)', 'us_ca')).toBe('Agency Alpha (CA)');
    expect(dropdownName('Agency Alpha', null)).toBe('Agency Alpha');
  });
});
