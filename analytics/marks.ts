import { ratio, round12 } from './arithmetic.js';

/** Additive mark counts of any slice (a row, a school, a region): ratios are pooled from them. */
export interface MarkCounts {
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

export interface MarkShares {
  share2: number | null;
  share3: number | null;
  share4: number | null;
  share5: number | null;
  /** «качество знаний»: (n4 + n5) / N */
  quality: number | null;
  /** «успеваемость»: 1 − share2 */
  success: number | null;
  meanMark: number | null;
}

/** The «Статистика по отметкам» figures of METHODOLOGY-V1 §1, from counts. */
export function markShares(c: MarkCounts): MarkShares {
  const n = c.participants;
  return {
    share2: ratio(c.n2, n),
    share3: ratio(c.n3, n),
    share4: ratio(c.n4, n),
    share5: ratio(c.n5, n),
    quality: ratio(c.n4 + c.n5, n),
    success: ratio(n - c.n2, n),
    meanMark: n > 0 ? round12((2 * c.n2 + 3 * c.n3 + 4 * c.n4 + 5 * c.n5) / n) : null,
  };
}
