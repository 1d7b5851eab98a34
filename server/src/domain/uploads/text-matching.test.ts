import { describe, expect, it } from 'vitest';
import { bestMatch, matchKey, monthFromName, similarity } from './text-matching.ts';

const offenses = [
  'Person Offenses',
  'Property Offenses',
  'Drug Offenses',
  'Public Order Offenses',
  'Other Offenses',
  'Unknown Offenses',
];
const options = offenses.map((label) => ({ label, item: label }));

describe('matchKey', () => {
  it('ignores case, word order, punctuation, plurals and filler words', () => {
    expect(matchKey('Person Offenses')).toBe(matchKey('offense, person'));
    expect(matchKey('Cases Diverted/Deferred')).toBe(matchKey('cases  diverted / deferred'));
    expect(matchKey('Vacant Positions (Any Staff Type)')).toBe(matchKey('vacant position staff type'));
  });

  it('keeps "other" and "not", which tell options apart', () => {
    expect(matchKey('Black / Not Hispanic or Latino')).not.toBe(matchKey('Black / Hispanic or Latino'));
    expect(matchKey('Other Calls')).toContain('other');
  });

  it('drops words with digits, e-mail or web addresses', () => {
    expect(matchKey('Drug Offenses 2023 www.example.org')).toBe(matchKey('Drug Offenses'));
  });
});

describe('similarity', () => {
  it('is 100 for equal keys and lower for short forms', () => {
    expect(similarity('abc', 'abc')).toBe(100);
    expect(similarity(matchKey('Person'), matchKey('Person Offenses'))).toBeLessThan(70);
    expect(similarity('', '')).toBe(0);
  });
});

describe('bestMatch', () => {
  it('matches exact labels in any case and spacing', () => {
    expect(bestMatch('  person   OFFENSES ', options)).toBe('Person Offenses');
  });

  it('matches misspellings and plural changes that score 90 or more', () => {
    expect(bestMatch('Person Offense', options)).toBe('Person Offenses');
    expect(bestMatch('Offenses - Public Order', options)).toBe('Public Order Offenses');
  });

  it('refuses short forms and unrelated words', () => {
    expect(bestMatch('Person', options)).toBeUndefined();
    expect(bestMatch('Emergency', [{ label: 'Emergency Calls', item: 1 }])).toBeUndefined();
    expect(bestMatch('banana', options)).toBeUndefined();
  });
});

describe('monthFromName', () => {
  it('reads month names in any case, misspelt a little', () => {
    expect(monthFromName('march')).toBe(3);
    expect(monthFromName('JANUARY')).toBe(1);
    expect(monthFromName('Febuary')).toBe(2);
  });

  it('refuses abbreviations and nonsense', () => {
    expect(monthFromName('Jan')).toBeUndefined();
    expect(monthFromName('Marchuary')).toBeUndefined();
  });
});
