import { round12 } from '../arithmetic.js';

export interface YearValue {
  year: number;
  value: number | null;
}

const defined = (x: number | null | undefined): x is number =>
  x !== null && x !== undefined && Number.isFinite(x);

/** delta(y) = x(y) − x(y − 1), rounded (§5, §7); null unless both years have a value. */
export function delta(
  current: number | null | undefined,
  previous: number | null | undefined,
): number | null {
  return defined(current) && defined(previous) ? round12(current - previous) : null;
}

/**
 * OLS slope per year of x over the calendar years lastYear − (trendYears − 1) … lastYear that have a
 * value (§5); null with fewer than 2 such years. Years are centred on their mean before the sums so
 * that calendar years (≈ 2 000) do not swamp the precision of the share differences. A gap year is
 * simply absent: the slope still uses the real distance between the years that remain.
 */
export function olsTrend(points: readonly YearValue[], lastYear: number, trendYears: number): number | null {
  const window = trendWindow(points, lastYear, trendYears);
  if (window.length < 2) return null;
  const meanX = window.reduce((s, p) => s + p.year, 0) / window.length;
  const meanY = window.reduce((s, p) => s + p.value, 0) / window.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of window) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  // sxx is 0 only when every point has the same year, i.e. duplicated input: no slope to speak of
  return sxx > 0 ? round12(sxy / sxx) : null;
}

/**
 * The points the trend of `lastYear` reads: the calendar years lastYear − (trendYears − 1) … lastYear
 * that have a value, in year order — reported beside the trend so it can be recomputed by hand.
 */
export function trendWindow(
  points: readonly YearValue[],
  lastYear: number,
  trendYears: number,
): { year: number; value: number }[] {
  const first = lastYear - (trendYears - 1);
  return points
    .filter(
      (p): p is { year: number; value: number } => p.year >= first && p.year <= lastYear && defined(p.value),
    )
    .sort((a, b) => a.year - b.year);
}
