import { describe, expect, it } from 'vitest';
import { isPlainText } from './common.ts';
import { exactNumberProblem, MAX_VALUE } from './values.ts';

describe('isPlainText', () => {
  it('accepts text, tabs, line breaks and paired surrogates', () => {
    for (const text of ['', 'Bench Child Jail 7', 'a\tb\r\nc', 'Zoë – €5', '😀 smile', '\u00a0\ud7ff\ue000\uffff']) {
      expect(isPlainText(text)).toBe(true);
    }
  });

  it('refuses C0 and C1 control characters, DEL and lone surrogates', () => {
    for (const text of [
      '\u0000',
      'a\u0001',
      '\u001f',
      'x\u007f',
      '\u0080',
      'end\u009f',
      '\ud800',
      'a\udfffb',
      '\ude00😀',
    ]) {
      expect(isPlainText(text)).toBe(false);
    }
  });
});

describe('exactNumberProblem', () => {
  it('passes whole numbers up to the largest figure and refuses larger ones', () => {
    expect(exactNumberProblem(0)).toBeUndefined();
    expect(exactNumberProblem(-0)).toBeUndefined();
    expect(exactNumberProblem(MAX_VALUE)).toBeUndefined();
    expect(exactNumberProblem(MAX_VALUE + 1)).toBe('too_large');
    expect(exactNumberProblem(-(MAX_VALUE + 1))).toBe('too_large');
  });

  it('still counts the digits of other numbers', () => {
    expect(exactNumberProblem(2.5)).toBeUndefined();
    expect(exactNumberProblem(0.1 + 0.2)).toBe('too_many_digits');
  });
});
