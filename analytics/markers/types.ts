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
