import { describe, expect, it } from 'vitest';
import { explainShnorCandidate, formatPercentRu, percentileOf } from './explain.js';
import { type ShnorCandidate, type YearEvidence } from './types.js';

const counts0 = { vprN2: 98, vprN: 1000, ogeN2: 51, ogeN: 1000, egeBelow: 0, egeN: 0 };
const region = { vprLow: 0.098, ogeLow: 0.051, egeLow: null, lowIndex: 0.09, ...counts0 };
function year(y: number, over: Partial<YearEvidence> = {}): YearEvidence {
  const e = { year: y, vprLow: 0.312, ogeLow: null, egeLow: null, lowIndex: 0.312, lowRank: 0.96, low: true };
  const counts = { vprN: 250, ogeN: 0, egeN: 0, vprN2: 78, ogeN2: 0, egeBelow: 0, hasResults: true };
  return { ...e, ...counts, region, schoolsRanked: 120, ...over };
}
function candidate(over: Partial<ShnorCandidate>): ShnorCandidate {
  return {
    schoolId: 1,
    regionId: 1,
    municipalityId: 1,
    status: 'ELIGIBLE',
    exitCandidate: false,
    current: year(2024),
    previous: year(2023, { lowRank: 0.93 }),
    markedCurrent: false,
    markedPrevious: false,
    cutoffs: { lowRankCut: 0.9, minPooledVpr: 20, minPooledGia: 5 },
    objectivityPolicy: 'REVIEW',
    ...over,
  };
}

describe('explainShnorCandidate', () => {
  it('says why a school is ELIGIBLE, in one sentence', () => {
    expect(explainShnorCandidate(candidate({}))).toBe(
      'Доля «2» по ВПР 31,2 % (регион 9,8 %), 96-й процентиль в 2024 и 93-й в 2023 — ' +
        'в нижних 10 % региона два года подряд; признаков необъективности нет.',
    );
  });

  it('adds ОГЭ and ЕГЭ shares where defined', () => {
    const current = year(2024, { ogeLow: 0.12, egeLow: 0.04 });
    const text = explainShnorCandidate(candidate({ current }));
    expect(text).toContain('«2» по ОГЭ 12,0 % (регион 5,1 %)');
    expect(text).toContain('ниже минимума по ЕГЭ 4,0 %,'); // the region has no ЕГЭ share
  });

  it('names the marker years for REVIEW, EXCLUDE and IGNORE', () => {
    const review = candidate({ status: 'REVIEW', markedCurrent: true, markedPrevious: true });
    expect(explainShnorCandidate(review)).toContain(
      'но в 2023 и 2024 есть признаки необъективности — нужна проверка.',
    );
    const excluded = candidate({
      status: 'NOT_ELIGIBLE',
      markedPrevious: true,
      objectivityPolicy: 'EXCLUDE',
    });
    expect(explainShnorCandidate(excluded)).toContain('исключена из-за признаков необъективности в 2023.');
    const ignored = candidate({ markedCurrent: true, objectivityPolicy: 'IGNORE' });
    expect(explainShnorCandidate(ignored)).toContain('признаки необъективности в 2024 не учитываются');
  });

  it('says which year is not low for NOT_ELIGIBLE, and the EXIT candidacy', () => {
    const notLow = candidate({ status: 'NOT_ELIGIBLE', current: year(2024, { lowRank: 0.45, low: false }) });
    expect(explainShnorCandidate(notLow)).toMatch(
      /45-й процентиль в 2024 и 93-й в 2023 — в 2024 не в нижних 10 % региона\.$/,
    );
    const exit = candidate({
      status: 'NOT_ELIGIBLE',
      exitCandidate: true,
      current: year(2024, { lowRank: 0.2, low: false }),
      previous: year(2023, { lowRank: 0.5, low: false }),
    });
    expect(explainShnorCandidate(exit)).toContain(
      'ни в 2024, ни в 2023 не в нижних 10 % региона; кандидат на выход из списка (переход в эффективный режим).',
    );
  });

  it('says what is missing for INSUFFICIENT_DATA', () => {
    const few = candidate({
      status: 'INSUFFICIENT_DATA',
      current: year(2024, { vprN: 14, vprLow: null, lowIndex: null, lowRank: null, low: null }),
    });
    expect(explainShnorCandidate(few)).toBe(
      'Недостаточно данных для ранжирования: ВПР 2024 — 14 участников при минимуме 20 (в 2023 — 93-й процентиль).',
    );
    const none = candidate({
      status: 'INSUFFICIENT_DATA',
      current: year(2024, { vprN: 1, vprLow: null, lowIndex: null, lowRank: null, low: null }),
      previous: year(2023, { vprN: 0, vprLow: null, lowIndex: null, lowRank: null, low: null }),
    });
    expect(explainShnorCandidate(none)).toBe(
      'Недостаточно данных для ранжирования: ВПР 2024 — 1 участник при минимуме 20, ВПР 2023 — нет участников.',
    );
  });

  it('says when a school has no results at all', () => {
    const absent = { vprN: 0, vprLow: null, lowIndex: null, lowRank: null, low: null, hasResults: false };
    const nothing = candidate({
      status: 'INSUFFICIENT_DATA',
      current: year(2024, absent),
      previous: year(2023, absent),
    });
    expect(explainShnorCandidate(nothing)).toBe(
      'Нет результатов ни в 2024, ни в 2023: школа не участвовала в ВПР, ОГЭ и ЕГЭ по предметам методики — нужно выяснить причину.',
    );
  });

  it('uses the cut-off of the parameters', () => {
    const text = explainShnorCandidate(
      candidate({ cutoffs: { lowRankCut: 0.8, minPooledVpr: 20, minPooledGia: 5 } }),
    );
    expect(text).toContain('в нижних 20 % региона');
  });
});

describe('formatting', () => {
  it('floors the percentile without floating-point noise', () => {
    // 0.29 · 100 = 28.999999999999996 in binary floating point
    expect([percentileOf(0.29), percentileOf(0.969), percentileOf(1), percentileOf(0)]).toEqual([
      29, 96, 100, 0,
    ]);
  });

  it('writes percent with a decimal comma and one decimal', () => {
    expect([formatPercentRu(0.312), formatPercentRu(0.1), formatPercentRu(0)]).toEqual([
      '31,2 %',
      '10,0 %',
      '0,0 %',
    ]);
  });
});
