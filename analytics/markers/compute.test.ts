import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { computeMarkers } from './compute.js';
import { region, scores, vpr } from './test-fixtures.js';

describe('computeMarkers', () => {
  // School 1, 4 RU 2023: 20 × «5» (quality 1.0, mean 5.0), 5 of 20 raised, 10 of 20 at the maximum score.
  const inflated = vpr({ n5: 20 }, { raised: 5, maxScore: 38, scores: scores(38, { 38: 10, 20: 10 }) });
  // its grade 5 a year later: 20 × «3» (mean 3.0)
  const next = vpr({ n3: 20 }, { year: 2024, grade: 5 });
  const regions = [region({ n3: 50, n4: 50 }), region({ n3: 50, n4: 50 }, { year: 2024, grade: 5 })];

  it('lets one row carry all four markers, in MARKER_CODES order', () => {
    const ms = computeMarkers([inflated, next], regions, DEFAULT_V1);
    // quality 1.0 − 0.5 = 0.5; raised 5/20 = 0.25; (5.0 − 3.0) − (3.5 − 3.5) = 2; 10/20 = 0.5 at 38
    expect(ms.map((m) => [m.code, m.value])).toEqual([
      ['HIGH_VS_REGION', 0.5],
      ['JOURNAL_MISMATCH', 0.25],
      ['COHORT_DROP', 2],
      ['SCORE_SPIKE', 0.5],
    ]);
    expect(ms.every((m) => m.schoolId === 1 && m.year === 2023 && m.grade === 4 && m.subject === 'RU')).toBe(
      true,
    );
  });

  it('exempts a lyceum from HIGH_VS_REGION only', () => {
    const lyceum = { ...inflated, schoolType: 'LYCEUM' };
    const ms = computeMarkers([lyceum, { ...next, schoolType: 'LYCEUM' }], regions, DEFAULT_V1);
    expect(ms.map((m) => m.code)).toEqual(['JOURNAL_MISMATCH', 'COHORT_DROP', 'SCORE_SPIKE']);
  });

  it('keeps schools and regions apart', () => {
    // school 2 in region 78, whose 4 RU quality is 1.0: no HIGH_VS_REGION for it, while school 1 keeps its own
    const other = { ...inflated, schoolId: 2, regionId: 78, raised: null, scores: null, maxScore: null };
    const ms = computeMarkers(
      [inflated, other],
      [...regions, region({ n5: 10 }, { regionId: 78 })],
      DEFAULT_V1,
    );
    expect(ms.filter((m) => m.schoolId === 2)).toEqual([]);
    expect(ms.filter((m) => m.code === 'HIGH_VS_REGION').map((m) => m.schoolId)).toEqual([1]);
  });

  it('returns nothing for no rows', () => {
    expect(computeMarkers([], [], DEFAULT_V1)).toEqual([]);
  });
});
