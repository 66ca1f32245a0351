import { describe, expect, it } from 'vitest';
import { daysInMonth, isValidYmd, lastOfMonth, parseIso, previousDay } from './dates.js';

describe('ISO date helpers', () => {
  it('knows month lengths and leap years (÷4, not ÷100 unless ÷400)', () => {
    expect([daysInMonth(2021, 1), daysInMonth(2021, 4), daysInMonth(2021, 2)]).toEqual([31, 30, 28]);
    expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 29]);
    expect(lastOfMonth(2021, 8)).toBe('2021-08-31');
  });

  it('steps back one day across months and years', () => {
    expect(previousDay('2021-09-01')).toBe('2021-08-31');
    expect(previousDay('2020-03-01')).toBe('2020-02-29');
    expect(previousDay('2021-01-01')).toBe('2020-12-31');
    expect(previousDay('2021-05-17')).toBe('2021-05-16');
  });

  it('validates', () => {
    expect(isValidYmd(2021, 2, 29)).toBe(false);
    expect(isValidYmd(2021, 12, 31)).toBe(true);
    expect(() => parseIso('2021-02-30')).toThrow(RangeError);
    expect(parseIso('2021-02-28')).toEqual({ y: 2021, m: 2, d: 28 });
  });
});
