import { type MethodologyParams } from '../methodology/params.js';
import { delta, olsTrend, trendWindow } from './trend.js';
import { twoProportionZ } from './z-test.js';

/** One year of an indicator; numerator/denominator are the pooled counts behind a share. */
export interface DynamicsPoint {
  year: number;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export interface DynamicsRow {
  year: number;
  value: number | null;
  delta: number | null;
  trend: number | null;
  /** the years with a value that the trend read (it needs at least 2) */
  trendYears: number[];
  z: number | null;
  significant: boolean | null;
}

export type DynamicsParams = Pick<MethodologyParams, 'dynamics'>;

/**
 * delta, trend and (for shares) the z-test per year of one indicator series (§5), in year order.
 * delta and z compare y with the calendar year y − 1 only — never with the last year that happens to
 * have data — and need the indicator defined in both; the z-test also needs both years' counts.
 * trend follows its own rule (the years of the window that have a value), so a year without a value
 * may still carry a trend of the years before it.
 */
export function dynamicsSeries(
  points: readonly DynamicsPoint[],
  params: DynamicsParams,
  isShare: boolean,
): DynamicsRow[] {
  const byYear = new Map(points.map((p) => [p.year, p]));
  return [...points]
    .sort((a, b) => a.year - b.year)
    .map((cur): DynamicsRow => {
      const prev = byYear.get(cur.year - 1);
      const bothDefined = cur.value !== null && prev !== undefined && prev.value !== null;
      const test =
        isShare &&
        bothDefined &&
        prev.numerator !== undefined &&
        prev.denominator !== undefined &&
        cur.numerator !== undefined &&
        cur.denominator !== undefined
          ? twoProportionZ(
              prev.numerator,
              prev.denominator,
              cur.numerator,
              cur.denominator,
              params.dynamics.zCritical,
            )
          : { z: null, significant: null };
      return {
        year: cur.year,
        value: cur.value,
        delta: delta(cur.value, prev?.value),
        trend: olsTrend(points, cur.year, params.dynamics.trendYears),
        trendYears: trendWindow(points, cur.year, params.dynamics.trendYears).map((p) => p.year),
        z: test.z,
        significant: test.significant,
      };
    });
}
