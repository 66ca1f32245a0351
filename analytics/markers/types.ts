/** Objectivity markers (признаки необъективности) of METHODOLOGY-V1 §3. */

export type MarkerCode = 'HIGH_VS_REGION' | 'JOURNAL_MISMATCH' | 'COHORT_DROP' | 'SCORE_SPIKE';

/** The codes in the order the methodology lists them: markers on one cell are reported in this order. */
export const MARKER_CODES: readonly MarkerCode[] = [
  'HIGH_VS_REGION',
  'JOURNAL_MISMATCH',
  'COHORT_DROP',
  'SCORE_SPIKE',
];

/** One marker on one ВПР row (s, y, g, j), with the evidence an analyst needs to defend it. */
export interface Marker {
  schoolId: number;
  year: number;
  grade: number;
  subject: string;
  code: MarkerCode;
  /**
   * The quantity compared with `threshold` (round12, so `value >= threshold` always holds):
   * HIGH_VS_REGION the quality gap school − region; JOURNAL_MISMATCH raised/N; COHORT_DROP the
   * school's 4→5 mean-mark drop minus the region's; SCORE_SPIKE the largest share of N at one high score.
   */
  value: number;
  threshold: number;
  /** The region's side of the comparison (quality, or the region's 4→5 drop); null when the rule has none. */
  regionValue: number | null;
  /** Russian one-liner, e.g. «качество 78,0 % при 41,5 % по региону (разница 36,5 п.п. ≥ 25 п.п.)» */
  detail: string;
  /** The figures of `detail` as numbers, so that the marker can be checked by hand without parsing text. */
  figures: MarkerFigures;
}

/**
 * A marker's own figures: `participants` always, the rest by rule (absent where the rule has none).
 * Means and shares are as compared (round12), counts as imported.
 */
export interface MarkerFigures {
  /** N of the marked row (for COHORT_DROP the grade-4 row) */
  participants: number;
  /** HIGH_VS_REGION: n4 + n5 of the row, its quality and the region's */
  qualityCount?: number;
  quality?: number;
  regionQuality?: number;
  /** JOURNAL_MISMATCH: «Повысили» */
  raised?: number;
  /** COHORT_DROP: mean marks of grade 4 in y and grade 5 in y + 1, the school's and the region's */
  meanMark?: number;
  nextMeanMark?: number;
  nextParticipants?: number;
  regionMeanMark?: number;
  regionNextMeanMark?: number;
  schoolDrop?: number;
  regionDrop?: number;
  /** SCORE_SPIKE: the score held by the most, how many hold it, the maximum and the lowest score counted */
  score?: number;
  scoreCount?: number;
  maxScore?: number;
  minCountedScore?: number;
}

/** What the markers need of a region's pooled row of one (y, g, j), computed once per row. */
export interface RegionStats {
  quality: number | null;
  meanMark: number | null;
}

/**
 * Values are round12'ed (§7) before any comparison, and round12 moves a value by far less than this.
 * A raw value this far below its cut-off cannot reach it after rounding, so the exact (and costlier)
 * rounded comparison is only done for candidates: that keeps 1.6 M cells fast.
 */
export const PREFILTER_SLACK = 1e-9;
