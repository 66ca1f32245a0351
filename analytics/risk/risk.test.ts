import { describe, expect, it } from 'vitest';
import { type SchoolYearIndicators } from '../frames.js';
import { DEFAULT_V1, type MethodologyParams, type RiskIndicatorParams } from '../methodology/params.js';
import { indicatorRisk, type RiskProfile, riskProfile } from './index.js';

const school = (values: Record<string, number>, schoolId = 1): SchoolYearIndicators => ({
  schoolId,
  regionId: 77,
  year: 2025,
  values,
});

const indicator = (code: string): RiskIndicatorParams => {
  const found = DEFAULT_V1.risk.indicators.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};

/** DEFAULT_V1 with other weights for some codes. */
const withWeights = (weights: Record<string, number>): MethodologyParams => ({
  ...DEFAULT_V1,
  risk: {
    ...DEFAULT_V1.risk,
    indicators: DEFAULT_V1.risk.indicators.map((i) => ({ ...i, weight: weights[i.code] ?? i.weight })),
  },
});

const factor = (p: RiskProfile, n: number) => p.factors.find((f) => f.factor === n);

describe('indicatorRisk (§4 r_i)', () => {
  it('HIGH_IS_RISK: ≥ cut1 gives 1, ≥ cut2 gives 2, exactly at the cut-offs', () => {
    const vacancy = indicator('ST_VACANCY_RATE'); // 0.05 / 0.15
    expect(indicatorRisk(0.049999, vacancy)).toBe(0);
    expect(indicatorRisk(0.05, vacancy)).toBe(1);
    expect(indicatorRisk(0.149999, vacancy)).toBe(1);
    expect(indicatorRisk(0.15, vacancy)).toBe(2);
    // 0.7 − 0.55 = 0.14999999999999991 in floating point: 0.15 on paper, so at the cut (§7)
    expect(indicatorRisk(0.7 - 0.55, vacancy)).toBe(2);
  });

  it('LOW_IS_RISK: ≤ cut1 gives 1, ≤ cut2 gives 2, exactly at the cut-offs', () => {
    const pcs = indicator('EQ_PC_PER_100'); // 10 / 5
    expect(indicatorRisk(10.01, pcs)).toBe(0);
    expect(indicatorRisk(10, pcs)).toBe(1);
    expect(indicatorRisk(5.01, pcs)).toBe(1);
    expect(indicatorRisk(5, pcs)).toBe(2);
    const mbps = indicator('EQ_INTERNET_MBPS'); // 50 / 10
    expect(indicatorRisk(50, mbps)).toBe(1);
    // 50 + 1e-13 is 50 to 12 decimals: at the cut (the raw ≤ would say no)
    expect(indicatorRisk(50 + 1e-13, mbps)).toBe(1);
    expect(indicatorRisk(50 + 1e-11, mbps)).toBe(0);
    expect(indicatorRisk(10, mbps)).toBe(2);
  });

  it('EQ_LIBRARY: 0 (no library) gives 2, 1 gives 0', () => {
    expect(indicatorRisk(0, indicator('EQ_LIBRARY'))).toBe(2);
    expect(indicatorRisk(1, indicator('EQ_LIBRARY'))).toBe(0);
  });

  it('flags with cut-offs 1 / 1: 1 (none) gives 2, 0 gives 0', () => {
    expect(indicatorRisk(1, indicator('PD_NO_MENTORING'))).toBe(2);
    expect(indicatorRisk(0, indicator('PD_NO_MENTORING'))).toBe(0);
  });
});

describe('riskProfile (§4)', () => {
  it('scores a factor as Σ w r / (2 Σ w) over the indicators with a value', () => {
    // R1: PCs 10 → 1, internet 10 → 2, library 0 → 2: (1 + 2 + 2) / (2 · 3) = 5/6
    const p = riskProfile(
      school({ EQ_PC_PER_100: 10, EQ_INTERNET_MBPS: 10, EQ_LIBRARY: 0 }),
      null,
      DEFAULT_V1,
    );
    const r1 = factor(p, 1);
    expect(r1?.score).toBe(Number((5 / 6).toFixed(12)));
    expect(r1?.level).toBe('HIGH');
    expect(r1?.indicators.map((i) => [i.code, i.value, i.risk])).toEqual([
      ['EQ_PC_PER_100', 10, 1],
      ['EQ_INTERNET_MBPS', 10, 2],
      ['EQ_LIBRARY', 0, 2],
    ]);
    expect(r1?.indicators[0]).toMatchObject({ cut1: 10, cut2: 5, direction: 'LOW_IS_RISK' });
  });

  it('leaves an indicator without a value out of its factor', () => {
    // R1 with the library only: 1 → r 0, score 0 / 2 = 0
    const r1 = factor(riskProfile(school({ EQ_LIBRARY: 1 }), null, DEFAULT_V1), 1);
    expect(r1?.indicators.map((i) => i.code)).toEqual(['EQ_LIBRARY']);
    expect(r1?.score).toBe(0);
    expect(r1?.level).toBe('LOW');
  });

  it('takes SR_VPR_LOW from vprLow, and leaves it out when vprLow is null', () => {
    // R6: term fails 0.1 → 1, vprLow 0.2 → 2, repeaters 0 → 0: (1 + 2 + 0) / 6 = 0.5
    const values = { SR_TERM_FAIL_SHARE: 0.1, SR_REPEATERS_SHARE: 0, SR_VPR_LOW: 0.9 };
    const withVpr = factor(riskProfile(school(values), 0.2, DEFAULT_V1), 6);
    expect(withVpr?.indicators.find((i) => i.code === 'SR_VPR_LOW')).toMatchObject({ value: 0.2, risk: 2 });
    expect(withVpr?.score).toBe(0.5);
    // vprLow null: the stored SR_VPR_LOW (0.9) is not a stand-in; (1 + 0) / 4 = 0.25
    const without = factor(riskProfile(school(values), null, DEFAULT_V1), 6);
    expect(without?.indicators.map((i) => i.code)).toEqual(['SR_TERM_FAIL_SHARE', 'SR_REPEATERS_SHARE']);
    expect(without?.score).toBe(0.25);
    expect(without?.level).toBe('LOW');
  });

  it('gives NO_DATA to a factor with no value, and lists all ten factors in order', () => {
    // a context share is not a risk indicator: CTX_NON_NATIVE_SHARE does not feed R7
    const p = riskProfile(school({ CTX_NON_NATIVE_SHARE: 0.9 }), null, DEFAULT_V1);
    expect(p.factors.map((f) => f.factor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(factor(p, 7)).toMatchObject({ score: null, level: 'NO_DATA', indicators: [] });
    expect(factor(p, 7)?.nameRu).toBe('Низкое качество преодоления языковых и культурных барьеров');
    expect(p.priorityRisks).toEqual([]);
  });

  it('is HIGH at exactly 0.6 and MEDIUM at exactly 0.3, with weights', () => {
    // R9 weights 3 and 2. r = (2, 0): (3·2 + 2·0) / (2 · 5) = 6/10 = 0.6 → HIGH
    const params = withWeights({ PA_NEVER_MEETINGS_SHARE: 3, PA_NO_CONTACT_SHARE: 2 });
    const high = factor(
      riskProfile(school({ PA_NEVER_MEETINGS_SHARE: 0.4, PA_NO_CONTACT_SHARE: 0 }), null, params),
      9,
    );
    expect(high).toMatchObject({ score: 0.6, level: 'HIGH' });
    // r = (1, 0): 3 / 10 = 0.3 → MEDIUM
    const medium = factor(
      riskProfile(school({ PA_NEVER_MEETINGS_SHARE: 0.2, PA_NO_CONTACT_SHARE: 0 }), null, params),
      9,
    );
    expect(medium).toMatchObject({ score: 0.3, level: 'MEDIUM' });
    // r = (0, 1): 2 / 10 = 0.2 → LOW
    const low = factor(
      riskProfile(school({ PA_NEVER_MEETINGS_SHARE: 0, PA_NO_CONTACT_SHARE: 0.25 }), null, params),
      9,
    );
    expect(low).toMatchObject({ score: 0.2, level: 'LOW' });
  });

  it('rounds the score before the level: 0.6 on paper is HIGH even when floating point says 0.5999…', () => {
    // R2 weights 0.7, 0.7, 0.35 with r = 2, 1, 0: (1.4 + 0.7) / (2 · 1.75) = 2.1 / 3.5 = 0.6,
    // which floating point computes as 0.5999999999999999
    const params = withWeights({
      ST_VACANCY_RATE: 0.7,
      ST_NONSPECIALIST_SHARE: 0.7,
      ST_PENSION_AGE_SHARE: 0.35,
    });
    const values = { ST_VACANCY_RATE: 0.15, ST_NONSPECIALIST_SHARE: 0.1, ST_PENSION_AGE_SHARE: 0.2 };
    expect((0.7 * 2 + 0.7 * 1) / (2 * (0.7 + 0.7 + 0.35))).toBeLessThan(0.6);
    expect(factor(riskProfile(school(values), null, params), 2)).toMatchObject({ score: 0.6, level: 'HIGH' });
  });

  it('picks the top factors ≥ MEDIUM by score, ties by factor number as a number (R2 before R10)', () => {
    const values = {
      ST_VACANCY_RATE: 0.15, // R2: 2 / 2 = 1
      OV_SHARE: 0.2, // R10: (2 + 2) / 4 = 1
      OV_NO_SPECIALISTS: 1,
      SR_TERM_FAIL_SHARE: 0.2, // R6: (2 + 1) / 4 = 0.75
      SR_REPEATERS_SHARE: 0.01,
      TC_NO_TRAINING_3Y_SHARE: 0.2, // R3: (1 + 1) / 4 = 0.5
      TC_DIFFICULTY_SHARE: 0.3,
      EN_BULLYING_SHARE: 0.15, // R8: (1 + 0) / 4 = 0.25 → LOW, never a priority
      EN_DISLIKE_SCHOOL_SHARE: 0,
    };
    const p = riskProfile(school(values), null, DEFAULT_V1);
    // string order would put "10" before "2"
    expect(p.priorityRisks).toEqual([2, 10, 6]);
    const one = riskProfile(school(values), null, { risk: { ...DEFAULT_V1.risk, priorityCount: 1 } });
    expect(one.priorityRisks).toEqual([2]);
    // fewer than priorityCount factors at MEDIUM or above: only those
    // R3: 1 / 2 = 0.5 MEDIUM; R8: 0 / 2 = 0 LOW
    const few = riskProfile(
      school({ TC_NO_TRAINING_3Y_SHARE: 0.2, EN_BULLYING_SHARE: 0.1 }),
      null,
      DEFAULT_V1,
    );
    expect(few.priorityRisks).toEqual([3]);
  });
});
