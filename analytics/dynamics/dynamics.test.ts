import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { cohortPath, delta, dynamicsSeries, olsTrend, twoProportionZ } from './index.js';

const r12 = (x: number) => Number(x.toFixed(12));

describe('delta', () => {
  it('is x(y) − x(y − 1), rounded, and null unless both are defined', () => {
    expect(delta(0.3, 0.1)).toBe(0.2); // 0.19999999999999998 in floating point
    expect(delta(0.1, 0.3)).toBe(-0.2);
    expect(delta(null, 0.1)).toBeNull();
    expect(delta(0.1, undefined)).toBeNull();
  });
});

describe('olsTrend', () => {
  it('is the OLS slope over 3 points', () => {
    // x̄ = 2024, ȳ = (0.1 + 0.2 + 0.6)/3 = 0.3; Σ(x − x̄)(y − ȳ) = (−1)(−0.2) + 0 + (1)(0.3) = 0.5;
    // Σ(x − x̄)² = 2 → 0.25. 2022 lies outside 2023 … 2025 and is ignored.
    const points = [
      { year: 2022, value: 9 },
      { year: 2023, value: 0.1 },
      { year: 2024, value: 0.2 },
      { year: 2025, value: 0.6 },
    ];
    expect(olsTrend(points, 2025, 3)).toBe(0.25);
  });

  it('is the slope between 2 points across a gap year', () => {
    // 2024 has no value: (0.1 − 0.4) / (2025 − 2023) = −0.15 per year
    const points = [
      { year: 2023, value: 0.4 },
      { year: 2024, value: null },
      { year: 2025, value: 0.1 },
    ];
    expect(olsTrend(points, 2025, 3)).toBe(-0.15);
  });

  it('is null with fewer than 2 points in the window', () => {
    expect(olsTrend([{ year: 2025, value: 0.1 }], 2025, 3)).toBeNull();
    expect(
      olsTrend(
        [
          { year: 2021, value: 0.1 },
          { year: 2025, value: 0.2 },
        ],
        2025,
        3,
      ),
    ).toBeNull();
    expect(olsTrend([], 2025, 3)).toBeNull();
  });
});

describe('twoProportionZ', () => {
  it('matches the hand computation with the pooled proportion', () => {
    // p = 30/200 = 0.15; z = (0.2 − 0.1)/√(0.15 · 0.85 · (1/100 + 1/100)) = 0.1/√0.00255 = 1.98029508…
    const { z, significant } = twoProportionZ(10, 100, 20, 100, 1.96);
    expect(z).toBe(r12(0.1 / Math.sqrt(0.15 * 0.85 * 0.02)));
    expect(z).toBeCloseTo(1.980295, 6);
    expect(significant).toBe(true);
    // a fall is negative, and as significant
    expect(twoProportionZ(20, 100, 10, 100, 1.96)).toEqual({ z: -(z as number), significant: true });
  });

  it('is not significant below the critical value', () => {
    // p = 29/200 = 0.145; z = 0.09/√(0.145 · 0.855 · 0.02) = 0.09/√0.0024795 = 1.8074257…
    const { z, significant } = twoProportionZ(10, 100, 19, 100, 1.96);
    expect(z).toBeCloseTo(1.8074257, 6);
    expect(significant).toBe(false);
  });

  it('is undefined when p is 0 or 1 or a denominator is 0', () => {
    const none = { z: null, significant: null };
    expect(twoProportionZ(0, 100, 0, 80, 1.96)).toEqual(none);
    expect(twoProportionZ(100, 100, 80, 80, 1.96)).toEqual(none);
    expect(twoProportionZ(0, 0, 5, 80, 1.96)).toEqual(none);
    expect(twoProportionZ(5, 80, 0, 0, 1.96)).toEqual(none);
  });
});

describe('dynamicsSeries', () => {
  // vprLow: 2024 is undefined (Σ N below minPooledVpr) though its counts are known
  const points = [
    { year: 2025, numerator: 30, denominator: 100, value: 0.3 },
    { year: 2022, numerator: 10, denominator: 100, value: 0.1 },
    { year: 2024, numerator: 1, denominator: 10, value: null },
    { year: 2023, numerator: 20, denominator: 100, value: 0.2 },
  ];

  it('gives delta, trend and the z-test per year, needing both y and y − 1 for delta and z', () => {
    const z2023 = r12(0.1 / Math.sqrt(0.15 * 0.85 * 0.02));
    expect(dynamicsSeries(points, DEFAULT_V1, true)).toEqual([
      // first year: nothing to compare with, one point of trend
      { year: 2022, value: 0.1, delta: null, trend: null, trendYears: [2022], z: null, significant: null },
      // 0.2 − 0.1; trend of 2022, 2023 = 0.1; z as in the hand computation above
      {
        year: 2023,
        value: 0.2,
        delta: 0.1,
        trend: 0.1,
        trendYears: [2022, 2023],
        z: z2023,
        significant: true,
      },
      // undefined year: no delta, no z; the trend of 2022 … 2024 still has 2022 and 2023
      {
        year: 2024,
        value: null,
        delta: null,
        trend: 0.1,
        trendYears: [2022, 2023],
        z: null,
        significant: null,
      },
      // y − 1 undefined: no delta or z, even though 2023 is defined; trend (0.3 − 0.2)/2 = 0.05
      {
        year: 2025,
        value: 0.3,
        delta: null,
        trend: 0.05,
        trendYears: [2023, 2025],
        z: null,
        significant: null,
      },
    ]);
  });

  it('has no z-test for an indicator that is not a share, nor without counts', () => {
    const rows = dynamicsSeries(points, DEFAULT_V1, false);
    expect(rows.map((r) => [r.z, r.significant])).toEqual(Array(4).fill([null, null]));
    const noCounts = dynamicsSeries(
      [
        { year: 2022, value: 0.1 },
        { year: 2023, value: 0.2 },
      ],
      DEFAULT_V1,
      true,
    );
    expect(noCounts[1]).toEqual({
      year: 2023,
      value: 0.2,
      delta: 0.1,
      trend: 0.1,
      trendYears: [2022, 2023],
      z: null,
      significant: null,
    });
  });
});

describe('cohortPath', () => {
  it('follows grade g in y, g + 1 in y + 1, … ВПР to grade 8, then ОГЭ in grade 9', () => {
    expect(cohortPath(2021, 4)).toEqual([
      { year: 2021, grade: 4, exam: 'VPR' },
      { year: 2022, grade: 5, exam: 'VPR' },
      { year: 2023, grade: 6, exam: 'VPR' },
      { year: 2024, grade: 7, exam: 'VPR' },
      { year: 2025, grade: 8, exam: 'VPR' },
      { year: 2026, grade: 9, exam: 'OGE' },
    ]);
    expect(cohortPath(2025, 9)).toEqual([{ year: 2025, grade: 9, exam: 'OGE' }]);
  });

  it('stops at lastYear and refuses grades outside 4 … 9', () => {
    expect(cohortPath(2024, 7, 2025).map((s) => [s.year, s.grade])).toEqual([
      [2024, 7],
      [2025, 8],
    ]);
    expect(() => cohortPath(2024, 3)).toThrow(RangeError);
    expect(() => cohortPath(2024, 10)).toThrow(RangeError);
  });
});
