import { describe, expect, it } from 'vitest';
import { DEFAULT_V1, type MethodologyParams } from '../methodology/params.js';
import { countsRow } from './fixtures.js';
import { lowIndexOf, memoizedRatio, schoolLowIndicators } from './indicators.js';

const withIndicators = (over: Partial<MethodologyParams['indicators']>): MethodologyParams => ({
  ...DEFAULT_V1,
  indicators: { ...DEFAULT_V1.indicators, ...over },
});

describe('schoolLowIndicators (METHODOLOGY-V1 §1)', () => {
  it('defines vprLow from exactly minPooledVpr = 20 participants, not from 19', () => {
    // 5 / 20 = 0.25; with no ОГЭ/ЕГЭ the index is vprLow itself
    expect(schoolLowIndicators(countsRow(1, 1, 2024, { vprN2: 5, vprN: 20 }), DEFAULT_V1)).toEqual({
      vprLow: 0.25,
      ogeLow: null,
      egeLow: null,
      lowIndex: 0.25,
    });
    // 19 < 20: no vprLow, hence no index (not ranked), whatever ОГЭ says
    expect(
      schoolLowIndicators(countsRow(1, 1, 2024, { vprN2: 5, vprN: 19, ogeN2: 1, ogeN: 10 }), DEFAULT_V1),
    ).toEqual({ vprLow: null, ogeLow: 0.1, egeLow: null, lowIndex: null });
  });

  it('defines ogeLow and egeLow from exactly minPooledGia = 5, not from 4', () => {
    const at5 = schoolLowIndicators(
      countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, ogeN2: 1, ogeN: 5, egeBelow: 2, egeN: 5 }),
      DEFAULT_V1,
    );
    expect([at5.ogeLow, at5.egeLow]).toEqual([0.2, 0.4]); // 1/5, 2/5
    const at4 = schoolLowIndicators(
      countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, ogeN2: 1, ogeN: 4, egeBelow: 2, egeN: 4 }),
      DEFAULT_V1,
    );
    expect([at4.ogeLow, at4.egeLow, at4.lowIndex]).toEqual([null, null, 0.2]);
  });

  it('weights all three components 0.5 / 0.25 / 0.25', () => {
    // vpr 4/20 = 0.2, oge 1/10 = 0.1, ege 2/5 = 0.4: 0.5·0.2 + 0.25·0.1 + 0.25·0.4 = 0.225
    const row = countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, ogeN2: 1, ogeN: 10, egeBelow: 2, egeN: 5 });
    expect(schoolLowIndicators(row, DEFAULT_V1).lowIndex).toBe(0.225);
  });

  it('renormalises the weights over the defined components', () => {
    // no ЕГЭ: (0.5·0.2 + 0.25·0.1) / 0.75 = 0.125 / 0.75 = 0.1666… → 0.166666666667
    const noEge = countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, ogeN2: 1, ogeN: 10 });
    expect(schoolLowIndicators(noEge, DEFAULT_V1).lowIndex).toBe(0.166666666667);
    // no ОГЭ: (0.5·0.2 + 0.25·0.4) / 0.75 = 0.2 / 0.75 = 0.2666… → 0.266666666667
    const noOge = countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, egeBelow: 2, egeN: 5 });
    expect(schoolLowIndicators(noOge, DEFAULT_V1).lowIndex).toBe(0.266666666667);
  });

  it('rounds shares to 12 decimals (§7)', () => {
    // 1/3 = 0.333333333333|33… → 0.333333333333; 2/6 lands on the same number
    const a = schoolLowIndicators(countsRow(1, 1, 2024, { vprN2: 10, vprN: 30 }), DEFAULT_V1);
    const b = schoolLowIndicators(countsRow(2, 1, 2024, { vprN2: 20, vprN: 60 }), DEFAULT_V1);
    expect(a.vprLow).toBe(0.333333333333);
    expect(b.lowIndex).toBe(a.lowIndex);
  });

  it('follows parameter overrides: wEge = 0 and a higher minimum', () => {
    const row = countsRow(1, 1, 2024, { vprN2: 4, vprN: 20, ogeN2: 1, ogeN: 10, egeBelow: 2, egeN: 5 });
    // wEge 0: (0.5·0.2 + 0.25·0.1 + 0·0.4) / 0.75 = 0.166666666667 instead of 0.225
    expect(schoolLowIndicators(row, withIndicators({ wEge: 0 })).lowIndex).toBe(0.166666666667);
    // minPooledVpr 25: 20 participants are too few
    expect(schoolLowIndicators(row, withIndicators({ minPooledVpr: 25 })).lowIndex).toBeNull();
  });

  it('gives no index when the defined components all weigh 0 (unvalidated what-if)', () => {
    const p = { ...DEFAULT_V1.indicators, wVpr: 0 };
    expect(lowIndexOf({ vprLow: 0.2, ogeLow: null, egeLow: null }, p)).toBeNull();
    // wVpr 0 with ОГЭ defined: 0.25·0.1 / 0.25 = 0.1
    expect(lowIndexOf({ vprLow: 0.2, ogeLow: 0.1, egeLow: null }, p)).toBe(0.1);
  });

  it('memoizedRatio returns what ratio returns', () => {
    const ratioOf = memoizedRatio();
    expect([ratioOf(1, 3), ratioOf(1, 3), ratioOf(2, 6), ratioOf(0, 0), ratioOf(5, 40_000)]).toEqual([
      0.333333333333,
      0.333333333333,
      0.333333333333,
      null,
      0.000125,
    ]);
  });
});
