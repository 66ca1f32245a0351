import { describe, expect, it } from 'vitest';
import { statusRule } from './status-rule.js';
import { round12 } from '../arithmetic.js';
import { DEFAULT_V1, type MethodologyParams, type ObjectivityPolicy } from '../methodology/params.js';
import { computeShnorCandidates, isExitCandidate, markedSchoolYearKey, shnorStatus } from './eligibility.js';
import { explainShnorCandidate } from './explain.js';
import { countsRow } from './fixtures.js';
import { type ShnorCandidate } from './types.js';

/**
 * Region 1: schools 1…10 with vprLow k/20 (0.05 … 0.5) and school 11 with 16/20 = 0.8 and ОГЭ 2/10,
 * lowIndex (0.5·0.8 + 0.25·0.2) / 0.75 = 0.6, the same both years: 11 ranked schools, ranks
 * (k − 1)/10 — school 11 → 1, school 10 → 0.9 (at the cut), school 9 → 0.8.
 * Region 2: 2024 — 21 unranked (14 participants), 22: 2/20 = 0.1, 23: 10/20 = 0.5, 24: 1/20 = 0.05
 * → ranks 24: 0, 22: 0.5, 23: 1; 2023 — 21: 2/20 = 0.1 → 0, 22: 10/20 = 0.5 → 1, 25: 6/20 = 0.3 → 0.5
 * (23 and 24 are new in 2024, 25 closed after 2023).
 * Region 3: one school, both years.
 */
function region1(year: number) {
  return [
    ...Array.from({ length: 10 }, (_, k) => countsRow(k + 1, 1, year, { vprN2: k + 1, vprN: 20 })),
    countsRow(11, 1, year, { vprN2: 16, vprN: 20, ogeN2: 2, ogeN: 10 }),
  ];
}
const counts = [
  ...region1(2024),
  ...region1(2023),
  countsRow(21, 2, 2024, { vprN2: 7, vprN: 14 }),
  countsRow(22, 2, 2024, { vprN2: 2, vprN: 20 }),
  countsRow(23, 2, 2024, { vprN2: 10, vprN: 20 }),
  countsRow(24, 2, 2024, { vprN2: 1, vprN: 20 }),
  countsRow(21, 2, 2023, { vprN2: 2, vprN: 20 }),
  countsRow(22, 2, 2023, { vprN2: 10, vprN: 20 }),
  countsRow(25, 2, 2023, { vprN2: 6, vprN: 20 }),
  countsRow(31, 3, 2024, { vprN2: 15, vprN: 20 }),
  countsRow(31, 3, 2023, { vprN2: 15, vprN: 20 }),
  countsRow(41, 4, 2022, { vprN2: 15, vprN: 20 }), // another year: ignored
];
const marked = new Set([markedSchoolYearKey(10, 2023)]);

function run(
  over: { policy?: ObjectivityPolicy; lowRankCut?: number; approved?: number[] } = {},
): Map<number, ShnorCandidate> {
  const params: MethodologyParams = {
    ...DEFAULT_V1,
    eligibility: {
      lowRankCut: over.lowRankCut ?? DEFAULT_V1.eligibility.lowRankCut,
      objectivityPolicy: over.policy ?? DEFAULT_V1.eligibility.objectivityPolicy,
    },
  };
  const previousApprovedList = new Set(over.approved ?? []);
  const out = computeShnorCandidates({
    year: 2024,
    counts,
    markedSchoolYears: marked,
    previousApprovedList,
    params,
  });
  return new Map(out.map((c) => [c.schoolId, c]));
}
const statusOf = (results: Map<number, ShnorCandidate>, id: number) => results.get(id)?.status;

describe('computeShnorCandidates (METHODOLOGY-V1 §2)', () => {
  const results = run({ approved: [1, 11, 21, 22, 23, 24] });

  it('returns one result per school present in y or y − 1, and ignores other years', () => {
    expect([...results.keys()].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 21, 22, 23, 24, 25, 31,
    ]);
  });

  it('is ELIGIBLE when low both years without markers, the 0.9 cut included', () => {
    expect(statusOf(results, 11)).toBe('ELIGIBLE'); // rank 1 both years
    expect(results.get(10)?.current.lowRank).toBe(0.9); // low at exactly the cut, but marked → REVIEW
    expect(statusOf(results, 9)).toBe('NOT_ELIGIBLE'); // rank 0.8
    expect(statusOf(results, 1)).toBe('NOT_ELIGIBLE');
  });

  it('applies the objectivity policy to a low-twice school with a marker', () => {
    expect(statusOf(results, 10)).toBe('REVIEW');
    expect(results.get(10)).toMatchObject({
      markedCurrent: false,
      markedPrevious: true,
      objectivityPolicy: 'REVIEW',
    });
    expect(statusOf(run({ policy: 'EXCLUDE' }), 10)).toBe('NOT_ELIGIBLE');
    expect(statusOf(run({ policy: 'IGNORE' }), 10)).toBe('ELIGIBLE');
  });

  it('takes a lower lowRankCut from the parameters', () => {
    const at08 = run({ lowRankCut: 0.8 });
    expect(statusOf(at08, 9)).toBe('ELIGIBLE'); // rank 0.8 ≥ 0.8 both years
    expect(at08.get(9)?.cutoffs.lowRankCut).toBe(0.8);
  });

  it('is INSUFFICIENT_DATA when unranked in either year', () => {
    expect(statusOf(results, 21)).toBe('INSUFFICIENT_DATA'); // 14 < 20 participants in 2024
    expect(results.get(21)?.current).toMatchObject({ vprN: 14, vprLow: null, lowRank: null, low: null });
    expect(statusOf(results, 23)).toBe('INSUFFICIENT_DATA'); // no row in 2023
    expect(results.get(23)?.previous).toMatchObject({ vprN: 0, lowRank: null, schoolsRanked: 3 });
    expect(statusOf(results, 25)).toBe('INSUFFICIENT_DATA'); // no row in 2024
  });

  it('ranks the single school of a region 0: not low', () => {
    expect(results.get(31)).toMatchObject({
      status: 'NOT_ELIGIBLE',
      current: { lowRank: 0, low: false, schoolsRanked: 1 },
    });
  });

  it('marks EXIT candidates: on the approved list, not ELIGIBLE/REVIEW, and low(y) = false', () => {
    expect(results.get(22)?.exitCandidate).toBe(true); // low in 2023 (rank 1), rank 0.5 in 2024
    expect(results.get(1)?.exitCandidate).toBe(true);
    expect(results.get(11)?.exitCandidate).toBe(false); // still ELIGIBLE
    expect(results.get(23)?.exitCandidate).toBe(false); // low in 2024 (rank 1)
    expect(results.get(21)?.exitCandidate).toBe(false); // not ranked in 2024: low is null, not false
    expect(results.get(24)?.exitCandidate).toBe(true); // INSUFFICIENT_DATA (new), but ranked 0 in 2024
    expect(results.get(2)?.exitCandidate).toBe(false); // not on the list
    expect(run().get(22)?.exitCandidate).toBe(false); // no list given
  });

  it('carries the evidence of both years with the region values', () => {
    const c = results.get(11) as ShnorCandidate;
    // region 1 pooled: vpr (1 + … + 10 + 16) / 220 = 71/220, oge 2/10 = 0.2
    const regionVpr = round12(71 / 220);
    const regionValues = {
      vprLow: regionVpr,
      ogeLow: 0.2,
      egeLow: null,
      lowIndex: round12((0.5 * regionVpr + 0.25 * 0.2) / 0.75),
      // the pooled counts behind them
      ...{ vprN2: 71, vprN: 220, ogeN2: 2, ogeN: 10, egeBelow: 0, egeN: 0 },
    };
    expect(c).toMatchObject({
      regionId: 1,
      municipalityId: 101,
      cutoffs: { lowRankCut: 0.9, minPooledVpr: 20, minPooledGia: 5 },
      current: { year: 2024, vprLow: 0.8, ogeLow: 0.2, egeLow: null, lowIndex: 0.6, lowRank: 1, low: true },
      previous: {
        year: 2023,
        vprLow: 0.8,
        lowIndex: 0.6,
        lowRank: 1,
        low: true,
        vprN: 20,
        ogeN: 10,
        egeN: 0,
      },
    });
    expect(c.current.region).toEqual(regionValues);
    expect(c.previous.region).toEqual(regionValues);
    expect([c.current.schoolsRanked, c.previous.schoolsRanked]).toEqual([11, 11]);
  });

  it('explains a computed result with its own numbers', () => {
    // region 1 vpr 71/220 = 32,27… %, oge 2/10 = 20 %; school 11 ranks 1 → «100-й»
    expect(explainShnorCandidate(results.get(11) as ShnorCandidate)).toBe(
      'Доля «2» по ВПР 80,0 % (регион 32,3 %), «2» по ОГЭ 20,0 % (регион 20,0 %), 100-й процентиль в 2024 ' +
        'и 100-й в 2023 — в нижних 10 % региона два года подряд; признаков необъективности нет.',
    );
    expect(explainShnorCandidate(results.get(10) as ShnorCandidate)).toContain('90-й процентиль в 2024');
  });

  it('decides registry schools without a row in y or y − 1: INSUFFICIENT_DATA, rule NO_RESULTS', () => {
    const registry = [
      { schoolId: 11, regionId: 1, municipalityId: 101 }, // has rows: decided from them, not twice
      { schoolId: 90, regionId: 1, municipalityId: 102 },
      { schoolId: 91, regionId: 9, municipalityId: 901 }, // a region without any rows
    ];
    const out = computeShnorCandidates({
      year: 2024,
      counts,
      markedSchoolYears: marked,
      registry,
      params: DEFAULT_V1,
    });
    expect(out.filter((c) => c.schoolId === 11)).toHaveLength(1);
    const absent = out.find((c) => c.schoolId === 90) as ShnorCandidate;
    expect(absent).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      regionId: 1,
      municipalityId: 102,
      exitCandidate: false,
      current: { year: 2024, hasResults: false, vprN: 0, vprN2: 0, lowRank: null, schoolsRanked: 11 },
      previous: { year: 2023, hasResults: false, lowRank: null, schoolsRanked: 11 },
    });
    expect(absent.current.region).toEqual(results.get(11)?.current.region);
    const facts = {
      ...absent,
      current: { ...absent.current, marked: false },
      previous: { ...absent.previous, marked: false },
    };
    expect(statusRule(facts)).toBe('NO_RESULTS');
    expect(out.find((c) => c.schoolId === 91)?.current).toMatchObject({
      schoolsRanked: 0,
      region: { vprLow: null },
    });
    expect(out).toHaveLength(results.size + 2);
  });

  it('carries the pooled numerators beside the shares', () => {
    const c = results.get(11) as ShnorCandidate;
    expect(c.current.vprN2 / c.current.vprN).toBe(c.current.vprLow);
    expect(c.current.ogeN2 / c.current.ogeN).toBe(c.current.ogeLow);
    expect(c.current.hasResults).toBe(true);
  });

  it('rejects two rows of one school in one year', () => {
    const input = { year: 2024, counts: [counts[0], counts[0]].flatMap((r) => (r ? [r] : [])) };
    expect(() =>
      computeShnorCandidates({ ...input, markedSchoolYears: new Set(), params: DEFAULT_V1 }),
    ).toThrow(/two rows for school 1 in 2024/);
  });
});

describe('shnorStatus and isExitCandidate', () => {
  it('decide from low flags, markers and policy', () => {
    expect(shnorStatus(true, null, false, 'REVIEW')).toBe('INSUFFICIENT_DATA');
    expect(shnorStatus(true, false, true, 'REVIEW')).toBe('NOT_ELIGIBLE'); // a marker does not matter then
    expect(shnorStatus(true, true, true, 'EXCLUDE')).toBe('NOT_ELIGIBLE');
    expect(isExitCandidate(true, 'NOT_ELIGIBLE', null)).toBe(false);
    expect(isExitCandidate(true, 'REVIEW', false)).toBe(false);
  });
});
