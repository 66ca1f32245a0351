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

describe('round12 fast path', () => {
  // The reference: the slow path alone (toPrecision(15) before rounding), as round12 was first written.
  const slow = (x: number) => {
    const rounded = Math.round(Number((Math.abs(x) * 1e12).toPrecision(15)));
    return (Math.sign(x) * rounded) / 1e12 || 0;
  };

  it('agrees with the slow path on every ratio k/d with d ≤ 400 and on their re-rounded values', () => {
    for (let d = 1; d <= 400; d += 1) {
      for (let k = 0; k <= d; k += 1) {
        const x = k / d;
        expect(round12(x)).toBe(slow(x));
        expect(round12(slow(x))).toBe(slow(x));
        expect(round12(-x)).toBe(slow(-x));
      }
    }
  });
});

describe('ratio', () => {
  it('divides counts and is null on an empty denominator', () => {
    expect(ratio(31, 100)).toBe(0.31);
    expect(ratio(1, 3)).toBe(0.333333333333);
    expect(ratio(0, 0)).toBeNull();
  });
});
