import { ratio, round12 } from '../arithmetic.js';
import { type VprCell } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { cutPercentRu, percentRu, trimmedRu } from './format.js';
import { type Marker, PREFILTER_SLACK } from './types.js';

export type ScoreSpikeCheck = (cell: VprCell) => Marker | null;

/**
 * SCORE_SPIKE (METHODOLOGY-V1 §3): some primary score p ≥ spikeScoreFraction × maxScore (the product
 * unrounded to an integer, inclusive: max 38 → 32.3, so 33…38 count) is held by ≥ spikeShare of N.
 * A crowd at one near-maximal score is what coached or corrected works look like.
 * `value` is the largest such share; the detail names the (lowest) score that holds it.
 */
export function createScoreSpikeCheck(params: MethodologyParams): ScoreSpikeCheck {
  const { minMarkerN, spikeScoreFraction, spikeShare } = params.markers;
  const cut = round12(spikeShare);
  const cutText = cutPercentRu(spikeShare); // formatted once, not per marker
  // Per maxScore, the cut score and its text: the same few maxima recur across 1.6 M cells.
  const cutScores = new Map<number, { first: number; text: string; score: number }>();
  const cutScore = (maxScore: number): { first: number; text: string; score: number } => {
    let cached = cutScores.get(maxScore);
    if (cached === undefined) {
      const score = round12(spikeScoreFraction * maxScore);
      cached = { first: Math.max(0, Math.ceil(score)), text: trimmedRu(score), score };
      cutScores.set(maxScore, cached);
    }
    return cached;
  };

  return (cell) => {
    const { scores, maxScore } = cell;
    const n = cell.participants;
    if (scores === null || maxScore === null || n < minMarkerN) return null;
    const cutAt = cutScore(maxScore);
    const last = Math.min(maxScore, scores.length - 1);
    let bestScore = -1;
    let bestCount = 0;
    for (let p = cutAt.first; p <= last; p++) {
      const count = scores[p] ?? 0;
      if (count > bestCount) {
        bestCount = count;
        bestScore = p;
      }
    }
    if (bestScore < 0 || bestCount / n < cut - PREFILTER_SLACK) return null;
    const value = ratio(bestCount, n);
    if (value === null || value < cut) return null;
    return {
      schoolId: cell.schoolId,
      year: cell.year,
      grade: cell.grade,
      subject: cell.subject,
      code: 'SCORE_SPIKE',
      value,
      threshold: spikeShare,
      regionValue: null,
      detail:
        `балл ${bestScore} из ${maxScore} у ${percentRu(value)} участников ` +
        `(≥ ${cutText}; учитываются баллы ≥ ${cutAt.text})`,
      figures: {
        participants: n,
        score: bestScore,
        scoreCount: bestCount,
        maxScore,
        minCountedScore: cutAt.score,
      },
    };
  };
}
