import { describe, expect, it } from 'vitest';
import {
  deltaOf,
  didArgumentProblems,
  didStatistics,
  isqrt,
  roundRational,
  withDidOverrides,
} from './did.js';
import { didGroups, type DidSchool } from './did-groups.js';
import { SUPPORT_V1 } from './params.js';

const P = SUPPORT_V1.did;

describe('didStatistics (SUPPORT-V1 §6), worked out by hand', () => {
  it('T = [0.1, 0.2, 0.3], C = [0, 0, 0.3]', () => {
    /*
     * mean ΔT = 0.6/3 = 0.2, mean ΔC = 0.3/3 = 0.1, DiD = 0.1.
     * s²T = (0.01 + 0 + 0.01)/2 = 0.01; s²C = (0.01 + 0.01 + 0.04)/2 = 0.03.
     * vT = s²T/nT = 1/300, vC = s²C/nC = 1/100; SE² = 1/300 + 3/300 = 1/75, SE = √3/15
     *   = 0.11547005383792515290182975610039149112952035… → 0.115470053838.
     * 1.96·SE = 0.22632130552233329968758632195676… → interval 0.1 ∓ it:
     *   −0.126321305522333299687… → −0.126321305522, 0.326321305522333299687… → 0.326321305522.
     * df = (1/75)² / ((1/300)²/2 + (1/100)²/2) = (1/5625) / (1/18000) = 18000/5625 = 3.2.
     */
    expect(didStatistics([0.1, 0.2, 0.3], [0, 0, 0.3], P)).toEqual({
      nT: 3,
      nC: 3,
      meanDeltaT: 0.2,
      meanDeltaC: 0.1,
      varianceT: 0.01,
      varianceC: 0.03,
      did: 0.1,
      se: 0.115470053838,
      ciLow: -0.126321305522,
      ciHigh: 0.326321305522,
      df: 3.2,
      defined: true,
    });
  });

  it('is exact where doubles are not: the mean of 0.1, 0.2, 0.3 is 0.2, whatever the order', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6); // the floating-point sum
    const a = didStatistics([0.3, 0.1, 0.2], [0.3, 0, 0], P);
    expect(a.meanDeltaT).toBe(0.2);
    expect(a).toEqual(didStatistics([0.1, 0.2, 0.3], [0, 0, 0.3], P));
  });

  it('negative changes: T = [−0.2, −0.1, −0.3, −0.2], C = [0.1, −0.1, 0]', () => {
    /*
     * mean ΔT = −0.8/4 = −0.2, mean ΔC = 0; DiD = −0.2.
     * s²T = (0 + 0.01 + 0.01 + 0)/3 = 0.02/3 = 0.006666666666666…→ 0.006666666667; s²C = (0.01 + 0.01 + 0)/2 = 0.01.
     * vT = 0.02/12 = 1/600, vC = 0.01/3 = 1/300; SE² = 3/600 = 1/200, SE = √2/20 = 0.070710678118654752… → 0.070710678119.
     * 1.96·SE = 0.138592929112563314… → −0.338592929112563… → −0.338592929113 and −0.061407070887436… → −0.061407070887.
     * df = (1/200)² / ((1/600)²/3 + (1/300)²/2) = (1/40000) / (1/1080000 + 1/180000) = (1/40000) / (7/1080000) = 27/7
     *   = 3.857142857142857… → 3.857142857143.
     */
    expect(didStatistics([-0.2, -0.1, -0.3, -0.2], [0.1, -0.1, 0], P)).toEqual({
      nT: 4,
      nC: 3,
      meanDeltaT: -0.2,
      meanDeltaC: 0,
      varianceT: 0.006666666667,
      varianceC: 0.01,
      did: -0.2,
      se: 0.070710678119,
      ciLow: -0.338592929113,
      ciHigh: -0.061407070887,
      df: 3.857142857143,
      defined: true,
    });
  });

  it('is undefined below didMinGroup = 3, still reporting n, the means and the variances', () => {
    // T = [0.1, 0.2]: mean 0.15, s² = (0.0025 + 0.0025)/1 = 0.005; C = [0.4]: mean 0.4, no variance
    expect(didStatistics([0.1, 0.2], [0.4], P)).toEqual({
      nT: 2,
      nC: 1,
      meanDeltaT: 0.15,
      meanDeltaC: 0.4,
      varianceT: 0.005,
      varianceC: null,
      did: null,
      se: null,
      ciLow: null,
      ciHigh: null,
      df: null,
      defined: false,
    });
    const empty = didStatistics([], [0, 0, 0], P);
    expect(empty).toMatchObject({
      nT: 0,
      nC: 3,
      meanDeltaT: null,
      meanDeltaC: 0,
      varianceC: 0,
      defined: false,
    });
    // the group size is a parameter: with didMinGroup 4 the hand example is undefined
    expect(didStatistics([0.1, 0.2, 0.3], [0, 0, 0.3], { ...P, didMinGroup: 4 }).defined).toBe(false);
    // below 2 no variance exists, whatever didMinGroup says
    expect(didStatistics([0.1], [0.2], { ...P, didMinGroup: 1 }).defined).toBe(false);
  });

  it('zero variance: SE 0 gives the point interval and df null (0/0); one zero variance gives df = n − 1 of the other', () => {
    expect(didStatistics([0.1, 0.1, 0.1], [0, 0, 0], P)).toMatchObject({
      did: 0.1,
      se: 0,
      ciLow: 0.1,
      ciHigh: 0.1,
      df: null,
      defined: true,
    });
    // vT = 0, vC = 0.03/3 = 0.01: SE = 0.1, the interval 0 ∓ 0.196, df = vC² / (vC²/2) = 2
    expect(didStatistics([0.1, 0.1, 0.1], [0, 0, 0.3], P)).toMatchObject({
      did: 0,
      se: 0.1,
      ciLow: -0.196,
      ciHigh: 0.196,
      df: 2,
      defined: true,
    });
  });

  it('takes didZ and didReportDecimals from the parameters', () => {
    const wide = didStatistics([0.1, 0.2, 0.3], [0, 0, 0.3], { ...P, didZ: 2.576, didReportDecimals: 4 });
    // SE = 0.11547005…; 2.576·SE = 0.297450858…: 0.1 ∓ it → −0.1975, 0.3975 at 4 decimals
    expect(wide).toMatchObject({ se: 0.1155, ciLow: -0.1975, ciHigh: 0.3975, df: 3.2 });
  });
});

describe('the exact arithmetic under §6', () => {
  it('rounds a rational half away from zero at the 12th decimal', () => {
    const half = 10n ** 13n;
    expect(roundRational({ n: 5n, d: half }, 12)).toBe(1e-12);
    expect(roundRational({ n: -5n, d: half }, 12)).toBe(-1e-12);
    expect(roundRational({ n: 4n, d: half }, 12)).toBe(0);
    expect(Object.is(roundRational({ n: -4n, d: half }, 12), 0)).toBe(true); // never −0
    expect(roundRational({ n: 2n, d: 3n }, 12)).toBe(0.666666666667);
    expect(roundRational({ n: -7n, d: 2n }, 0)).toBe(-4);
  });

  it('takes Δ exactly on the 12 decimals', () => {
    expect(0.1 - 0.3).not.toBe(-0.2);
    expect(deltaOf(0.3, 0.1)).toBe(-0.2);
    expect(deltaOf(0.123456789012, 0.223456789013)).toBe(0.100000000001);
  });

  it('isqrt is the floor of the square root', () => {
    expect([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n].map(isqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 3n, 4n, 4n]);
    const big = 10n ** 60n + 12345n;
    const r = isqrt(big);
    expect(r * r <= big && (r + 1n) * (r + 1n) > big).toBe(true);
    expect(isqrt((2n * 10n ** 50n) ** 2n - 1n)).toBe(2n * 10n ** 50n - 1n);
  });
});

describe('didGroups (SUPPORT-V1 §6 treated and controls)', () => {
  const school = (schoolId: number, s: Partial<DidSchool>): DidSchool => ({
    schoolId,
    listed: false,
    lowIndex: 0.5,
    lowRank: 0.8,
    outcomeLowIndex: 0.4,
    ...s,
  });

  it('T the listed, C the unlisted ranked ones at lowRank ≥ controlRankMin; no outcome leaves the group', () => {
    const groups = didGroups(
      [
        school(1, { listed: true, lowIndex: 0.6, lowRank: 0.95, outcomeLowIndex: 0.5 }),
        school(2, { lowRank: 0.75 }), // on the cut: a control
        school(3, { lowRank: 0.7500000000000001 }), // equal after §7 rounding
        school(4, { lowRank: 0.749999999999 }), // below
        school(5, { lowRank: 0.95 }), // low but unlisted: a control too (the near-miss group)
        school(6, { lowIndex: null, lowRank: null }), // not ranked in y: in no group
        school(7, { listed: true, outcomeLowIndex: null }), // not ranked in y + k
        school(8, { lowRank: 0.9, outcomeLowIndex: null }),
        school(9, { listed: true, lowIndex: null, lowRank: null }), // kept on the list without results
      ],
      P.didControlRankMin,
    );
    expect(groups.deltas).toEqual([
      { schoolId: 1, group: 'TREATED', lowIndex: 0.6, outcomeLowIndex: 0.5, delta: -0.1 },
      { schoolId: 2, group: 'CONTROL', lowIndex: 0.5, outcomeLowIndex: 0.4, delta: -0.1 },
      { schoolId: 3, group: 'CONTROL', lowIndex: 0.5, outcomeLowIndex: 0.4, delta: -0.1 },
      { schoolId: 5, group: 'CONTROL', lowIndex: 0.5, outcomeLowIndex: 0.4, delta: -0.1 },
    ]);
    expect(groups.excluded).toEqual([
      { schoolId: 7, group: 'TREATED', notRanked: 'OUTCOME' },
      { schoolId: 8, group: 'CONTROL', notRanked: 'OUTCOME' },
      { schoolId: 9, group: 'TREATED', notRanked: 'BASELINE' },
    ]);
    expect(0.6 - 0.5).not.toBe(0.1); // the Δ above is the exact one
  });

  it('a lower controlRankMin takes more controls', () => {
    const schools = [0.2, 0.5, 0.74, 0.8].map((lowRank, i) => school(i + 1, { lowRank }));
    expect(didGroups(schools, 0.75).deltas.map((d) => d.schoolId)).toEqual([4]);
    expect(didGroups(schools, 0.5).deltas.map((d) => d.schoolId)).toEqual([2, 3, 4]);
    expect(didGroups(schools, 0).deltas).toHaveLength(4);
  });
});

describe('the request’s horizon and controlRankMin', () => {
  it('names every wrong argument', () => {
    expect(didArgumentProblems({})).toEqual([]);
    expect(didArgumentProblems({ horizon: 1, controlRankMin: 0 })).toEqual([]);
    expect(didArgumentProblems({ horizon: 50, controlRankMin: 1 })).toEqual([]);
    expect(didArgumentProblems({ horizon: 0, controlRankMin: 1.5 }).map((p) => p.argument)).toEqual([
      'horizon',
      'controlRankMin',
    ]);
    expect(didArgumentProblems({ horizon: 1.5 })[0]?.message).toBe(
      'horizon: must be an integer from 1 to 50 years (got 1.5)',
    );
    expect(didArgumentProblems({ horizon: 51 })).toHaveLength(1);
    expect(didArgumentProblems({ controlRankMin: Number.NaN })[0]?.message).toBe(
      'controlRankMin: must be a percent rank from 0 to 1 (got NaN)',
    );
    expect(didArgumentProblems({ controlRankMin: -0.1 })).toHaveLength(1);
  });

  it('overrides didHorizon and didControlRankMin only', () => {
    expect(withDidOverrides(SUPPORT_V1, {})).toEqual(SUPPORT_V1);
    expect(withDidOverrides(SUPPORT_V1, { horizon: 2, controlRankMin: null }).did).toEqual({
      ...P,
      didHorizon: 2,
    });
    expect(withDidOverrides(SUPPORT_V1, { controlRankMin: 0.5 }).did).toEqual({
      ...P,
      didControlRankMin: 0.5,
    });
  });
});
