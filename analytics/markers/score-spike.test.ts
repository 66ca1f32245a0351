import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { computeMarkers } from './compute.js';
import { scores, vpr, withMarkers } from './test-fixtures.js';

/** N = 20 × «3» (no other marker), with a score distribution 0..maxScore; the rest sits at score 10. */
function row(maxScore: number, at: Record<number, number>, n = 20) {
  const placed = Object.values(at).reduce((a, b) => a + b, 0);
  return vpr({ n3: n }, { maxScore, scores: scores(maxScore, { 10: n - placed, ...at }) });
}

describe('SCORE_SPIKE', () => {
  it('counts scores ≥ 0.85 × 38 = 32.3: 33 does, 32 does not', () => {
    // 5/20 = 0.25 at score 33 → flags
    const ms = computeMarkers([row(38, { 33: 5 })], [], DEFAULT_V1);
    expect(ms).toEqual([expect.objectContaining({ code: 'SCORE_SPIKE', value: 0.25, threshold: 0.25 })]);
    expect(ms[0]?.detail).toBe('балл 33 из 38 у 25,0 % участников (≥ 25 %; учитываются баллы ≥ 32,3)');
    expect(ms[0]?.figures).toEqual({
      participants: 20,
      score: 33,
      scoreCount: 5,
      maxScore: 38,
      minCountedScore: 32.3,
    });
    // 10/20 = 0.5 at score 32 < 32.3 → nothing
    expect(computeMarkers([row(38, { 32: 10 })], [], DEFAULT_V1)).toEqual([]);
  });

  it('is inclusive at an integer 0.85 × max: 0.85 × 20 = 17', () => {
    expect(computeMarkers([row(20, { 17: 5 })], [], DEFAULT_V1)).toHaveLength(1); // 5/20 = 0.25
    expect(computeMarkers([row(20, { 16: 5 })], [], DEFAULT_V1)).toEqual([]);
  });

  it('does not flag a share just below 0.25: 24/100', () => {
    expect(computeMarkers([row(38, { 36: 24 }, 100)], [], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([row(38, { 36: 25 }, 100)], [], DEFAULT_V1)).toHaveLength(1);
  });

  it('takes one score, not the sum above the cut: 4 + 4 of 20 at 35 and 36 is no spike', () => {
    expect(computeMarkers([row(38, { 35: 4, 36: 4 })], [], DEFAULT_V1)).toEqual([]);
  });

  it('reports the largest share: 5/20 at 34 and 7/20 at 36 → 0.35 at 36', () => {
    const [m] = computeMarkers([row(38, { 34: 5, 36: 7 })], [], DEFAULT_V1);
    expect(m?.value).toBe(0.35);
    expect(m?.detail).toMatch(/^балл 36 из 38 у 35,0 %/);
  });

  it('needs a distribution and N ≥ 10', () => {
    expect(computeMarkers([vpr({ n3: 20 })], [], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([row(38, { 38: 9 }, 9)], [], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([row(38, { 38: 10 }, 10)], [], DEFAULT_V1)).toHaveLength(1);
  });

  it('is raised for gymnasiums too', () => {
    const gymnasium = vpr(
      { n3: 20 },
      { schoolType: 'GYMNASIUM', maxScore: 38, scores: scores(38, { 38: 20 }) },
    );
    expect(computeMarkers([gymnasium], [], DEFAULT_V1).map((m) => m.code)).toEqual(['SCORE_SPIKE']);
  });

  it('follows parameter overrides', () => {
    // 0.8 × 38 = 30.4: score 32 now counts
    expect(computeMarkers([row(38, { 32: 10 })], [], withMarkers({ spikeScoreFraction: 0.8 }))).toHaveLength(
      1,
    );
    // 10/20 = 0.5 < 0.6
    expect(computeMarkers([row(38, { 36: 10 })], [], withMarkers({ spikeShare: 0.6 }))).toEqual([]);
  });
});
