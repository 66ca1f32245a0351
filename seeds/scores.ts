import type { Subject } from '../schema/enums.js';
import type { Random } from './random.js';

/**
 * Primary-score distributions of ВПР grades 4–5 in Russian and maths, consistent with the marks:
 * each student's score lies in the band of their mark. Mark bands are illustrative (METHODOLOGY §3.2
 * says scales change by year); every value ≥ 0.85·max lies in the «5» band.
 */

export interface ScoreScale {
  readonly max: number;
  /** Lowest score of marks 2, 3, 4, 5. */
  readonly from: readonly [number, number, number, number];
}

const SCALES: Readonly<Record<string, ScoreScale>> = {
  'RU:4': { max: 38, from: [0, 14, 24, 33] },
  'MA:4': { max: 20, from: [0, 6, 10, 15] },
  'RU:5': { max: 45, from: [0, 18, 29, 39] },
  'MA:5': { max: 20, from: [0, 7, 11, 16] },
};

export function scoreScale(grade: number, subject: Subject): ScoreScale | undefined {
  return SCALES[`${subject}:${grade}`];
}

/** The lowest score that counts as "high" for SCORE_SPIKE (≥ 0.85·max, inclusive). */
export function spikeFloor(scale: ScoreScale): number {
  return Math.ceil(0.85 * scale.max - 1e-9);
}

function band(scale: ScoreScale, mark: number): readonly [number, number] {
  const i = mark - 2;
  const lo = scale.from[i] ?? 0;
  const next = scale.from[i + 1];
  return [lo, next === undefined ? scale.max : next - 1];
}

/**
 * Counts per score 0..max summing to N. `spike` (inflated schools) puts that share of N on one high
 * score; otherwise, for N ≥ 10, no high score holds 20 % of N or more (no accidental SCORE_SPIKE).
 */
export function scoreDistribution(
  rng: Random,
  scale: ScoreScale,
  marks: readonly [number, number, number, number],
  spike: number | null,
): number[] {
  const counts = new Array<number>(scale.max + 1).fill(0);
  const n = marks[0] + marks[1] + marks[2] + marks[3];
  const high = spikeFloor(scale);
  for (let mark = 2; mark <= 5; mark++) {
    const [lo, hi] = band(scale, mark);
    let k = marks[mark - 2] ?? 0;
    if (mark === 5 && spike !== null) {
      const at = Math.min(k, Math.ceil(spike * n));
      const score = Math.min(hi, high + 1);
      counts[score] = (counts[score] ?? 0) + at;
      k -= at;
    }
    // Scores within a band lean towards its middle (sum of two uniforms), like real distributions.
    for (let i = 0; i < k; i++) {
      const x = (rng.next() + rng.next()) / 2;
      const score = lo + Math.min(hi - lo, Math.floor(x * (hi - lo + 1)));
      counts[score] = (counts[score] ?? 0) + 1;
    }
  }
  if (spike === null && n >= 10) capHighScores(counts, scale, Math.floor(0.2 * n));
  return counts;
}

/** Moves students off over-full high scores to other scores of the «5» band with room. */
function capHighScores(counts: number[], scale: ScoreScale, cap: number): void {
  const high = spikeFloor(scale);
  const [lo, hi] = band(scale, 5);
  const room = (p: number) => (p >= high ? cap - (counts[p] ?? 0) : Number.POSITIVE_INFINITY);
  for (let p = high; p <= scale.max; p++) {
    while ((counts[p] ?? 0) > cap) {
      let target = -1;
      for (let q = lo; q <= hi; q++)
        if (q !== p && room(q) > 0 && (target < 0 || room(q) > room(target))) target = q;
      if (target < 0) return; // cannot happen for N ≥ 10 with these scales; leave as is rather than loop
      counts[p] = (counts[p] ?? 0) - 1;
      counts[target] = (counts[target] ?? 0) + 1;
    }
  }
}
