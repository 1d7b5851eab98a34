import { describe, expect, it } from 'vitest';
import { homepageProblem, reminderDays, withPopulations } from './settings-rules.ts';

describe('reminderDays', () => {
  it('takes whole days from 1 to 1000', () => {
    expect(reminderDays('15')).toBe(15);
    expect(reminderDays(' 1 ')).toBe(1);
    expect(reminderDays('1000')).toBe(1000);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '1001', '-3', '2.5', 'ten', '1e2']) expect(reminderDays(text)).toBeUndefined();
  });
});

describe('homepageProblem', () => {
  it('accepts web addresses, with or without the scheme, and an empty value', () => {
    expect(homepageProblem('https://www.springfield.gov/police')).toBeUndefined();
    expect(homepageProblem('springfield.gov')).toBeUndefined();
    expect(homepageProblem('')).toBeUndefined();
  });

  it('refuses other schemes and text that is not an address, in the server’s words', () => {
    expect(homepageProblem('javascript:alert(1)')).toMatch(/^Invalid URL: it must be a web address/);
    expect(homepageProblem('our website')).toMatch(/^Invalid URL/);
  });
});

describe('withPopulations', () => {
  it('sets the supervision populations and keeps every other system', () => {
    expect(withPopulations(['SUPERVISION', 'PAROLE', 'JAILS'], new Set(['PROBATION', 'OTHER_SUPERVISION']))).toEqual([
      'SUPERVISION',
      'JAILS',
      'PROBATION',
      'OTHER_SUPERVISION',
    ]);
    expect(withPopulations(['SUPERVISION', 'PAROLE'], new Set())).toEqual(['SUPERVISION']);
  });
});
