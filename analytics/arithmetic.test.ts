import { describe, expect, it } from 'vitest';
import { ratio, round12 } from './arithmetic.js';

describe('round12', () => {
  it('makes values equal on paper equal whatever the order of operations', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(round12(0.1 + 0.2)).toBe(round12(0.3));
    // 1/3 + 1/3 + 1/3 computed two ways
    expect(round12(1 / 3 + 1 / 3 + 1 / 3)).toBe(1);
  });

  it('rounds halves away from zero at the 12th decimal', () => {
    expect(round12(0.0000000000005)).toBe(0.000000000001);
    expect(round12(-0.0000000000005)).toBe(-0.000000000001);
    expect(round12(0.0000000000004)).toBe(0);
  });
});

describe('ratio', () => {
  it('divides counts and is null on an empty denominator', () => {
    expect(ratio(31, 100)).toBe(0.31);
    expect(ratio(1, 3)).toBe(0.333333333333);
    expect(ratio(0, 0)).toBeNull();
  });
});
