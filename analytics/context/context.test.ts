import { describe, expect, it } from 'vitest';
import { type SchoolYearIndicators } from '../frames.js';
import { DEFAULT_V1 } from '../methodology/params.js';
import { resilient, socialWellbeing } from './index.js';

const HE = 'CTX_HIGHER_ED_PARENTS_SHARE'; // sign +
const SP = 'CTX_SINGLE_PARENT_SHARE'; // sign −
const LI = 'CTX_LOW_INCOME_SHARE'; // sign −
const WL = 'CTX_WATCH_LIST_SHARE'; // sign −

const row = (
  schoolId: number,
  regionId: number,
  year: number,
  values: Record<string, number>,
): SchoolYearIndicators => ({
  schoolId,
  regionId,
  year,
  values,
});
const r12 = (x: number) => Number(x.toFixed(12));

describe('socialWellbeing (§6)', () => {
  // region 1, 2025: HE 0.2, 0.2, 0.6, 0.6 → mean 0.4, population SD √((4 · 0.04) / 4) = 0.2, z = ∓1
  //   SP (−) only for schools 1, 2: 0.3, 0.1 → mean 0.2, SD 0.1, z = −(0.3 − 0.2)/0.1 = −1 and +1
  //   LI 0.5 everywhere → SD 0, left out; WL only school 3 → one value, left out
  //   swi: 1 → (−1 − 1)/2 = −1, 2 → (−1 + 1)/2 = 0, 3 → 1, 4 → 1; school 5 has no context share
  // region 1, 2024: one school, every component has one value → no swi (years are separate groups)
  // region 2, 2025: a single school → no swi
  const rows = [
    row(1, 1, 2025, { [HE]: 0.2, [SP]: 0.3, [LI]: 0.5 }),
    row(2, 1, 2025, { [HE]: 0.2, [SP]: 0.1, [LI]: 0.5 }),
    row(3, 1, 2025, { [HE]: 0.6, [LI]: 0.5, [WL]: 0.2 }),
    row(4, 1, 2025, { [HE]: 0.6, [LI]: 0.5, RISK_NOT_CONTEXT: 3 }),
    row(5, 1, 2025, { ST_VACANCY_RATE: 0.2 }),
    row(6, 1, 2024, { [HE]: 0.9, [SP]: 0.1 }),
    row(7, 2, 2025, { [HE]: 0.9, [SP]: 0.1 }),
  ];
  const result = socialWellbeing(rows, DEFAULT_V1);
  const of = (schoolId: number) => result.find((w) => w.schoolId === schoolId);

  it('averages signed within-(region, year) z-scores, leaving out zero-SD and single-value components', () => {
    expect(result.map((w) => w.swi)).toEqual([-1, 0, 1, 1, null, null, null]);
    expect(of(1)?.components).toEqual([
      { code: HE, value: 0.2, sign: 1, z: -1 },
      { code: SP, value: 0.3, sign: -1, z: -1 },
    ]);
    // (0.6 − 0.4) / 0.2 is 0.9999999999999998 in floating point: rounded, it is 1
    expect(of(3)?.components.map((c) => [c.code, c.z])).toEqual([[HE, 1]]);
  });

  it('gives no swi to a single school in a region-year, nor to a school without context shares', () => {
    expect(of(7)).toMatchObject({ swi: null, swiRank: null, difficultContext: null, components: [] });
    expect(of(6)?.swi).toBeNull();
    expect(of(5)?.swi).toBeNull();
  });

  it('ranks swi ascending within (region, year) among schools with a swi', () => {
    // −1 rank 1, 0 rank 2, 1 and 1 rank 3: (rank − 1) / (4 − 1) = 0, 1/3, 2/3, 2/3
    expect([1, 2, 3, 4].map((s) => of(s)?.swiRank)).toEqual([0, r12(1 / 3), r12(2 / 3), r12(2 / 3)]);
    expect([1, 2, 3, 4].map((s) => of(s)?.difficultContext)).toEqual([true, false, false, false]);
  });

  it('is difficult at exactly the 0.25 rank, with a negative sign putting the poorest first', () => {
    // LI (−) 0.1 … 0.5: mean 0.3, SD √((0.04 + 0.01 + 0 + 0.01 + 0.04)/5) = √0.02,
    // z(0.5) = −(0.5 − 0.3)/√0.02 = −√2; the ranks (n − 1 = 4) of LI 0.5, 0.4, 0.3, 0.2, 0.1
    // are 0, 0.25, 0.5, 0.75, 1
    const five = [0.1, 0.2, 0.3, 0.4, 0.5].map((li, i) => row(10 + i, 3, 2025, { [LI]: li }));
    const w = socialWellbeing(five, DEFAULT_V1);
    expect(w[4]?.swi).toBe(r12(-Math.SQRT2));
    expect(w[0]?.swi).toBe(r12(Math.SQRT2));
    expect(w.map((x) => x.swiRank)).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(w.map((x) => x.difficultContext)).toEqual([false, false, false, true, true]);
  });

  it('is empty for no rows', () => {
    expect(socialWellbeing([], DEFAULT_V1)).toEqual([]);
  });
});

describe('resilient (§6)', () => {
  it('needs a difficult context, lowRank ≤ 0.5 and no core marker this year', () => {
    expect(resilient(true, 0.5, false, DEFAULT_V1)).toBe(true);
    expect(resilient(true, 1.1 - 0.6, false, DEFAULT_V1)).toBe(true); // 0.5000000000000001, on paper 0.5
    expect(resilient(true, 0.51, false, DEFAULT_V1)).toBe(false);
    expect(resilient(true, 0.1, true, DEFAULT_V1)).toBe(false);
    expect(resilient(false, 0.1, false, DEFAULT_V1)).toBe(false);
  });

  it('is false when swi (difficultContext null) or lowRank is undefined', () => {
    expect(resilient(null, 0.1, false, DEFAULT_V1)).toBe(false);
    expect(resilient(true, null, false, DEFAULT_V1)).toBe(false);
  });
});
