import * as aq from 'arquero';
import { round12 } from '../arithmetic.js';
import { type SchoolYearIndicators } from '../frames.js';

/** Mean and population SD of one context share over the schools of one (region, year) that have it. */
export interface ComponentStats {
  n: number;
  mean: number | null;
  sd: number | null;
  /** ≥ 2 values and an SD that is not 0 after rounding (§6, §7): otherwise the component is left out. */
  usable: boolean;
}

export const regionYearKey = (regionId: number, year: number): string => `${regionId}|${year}`;

/** A context share of the row; absent, null or non-finite values count as missing. */
export const contextValueOf = (row: SchoolYearIndicators, code: string): number | null => {
  const v = row.values[code];
  return v !== undefined && v !== null && Number.isFinite(v) ? v : null;
};

/**
 * Per (region, year) and component: count, mean and population standard deviation of the
 * component over the schools that have it (ranked or not, METHODOLOGY-V1 §6). A group-by rollup
 * is what arquero is for; its aggregates skip null, so "schools that have that share" needs no
 * extra filtering. Columns are named c0, c1, … so that codes never become expression text.
 */
export function componentStatsByRegionYear(
  rows: readonly SchoolYearIndicators[],
  codes: readonly string[],
): Map<string, ComponentStats[]> {
  const columns: Record<string, (number | null)[]> = {
    regionId: rows.map((r) => r.regionId),
    year: rows.map((r) => r.year),
  };
  const rollup: Record<string, string> = {};
  codes.forEach((code, k) => {
    columns[`c${k}`] = rows.map((r) => contextValueOf(r, code));
    rollup[`n${k}`] = `d => op.valid(d.c${k})`;
    rollup[`mean${k}`] = `d => op.mean(d.c${k})`;
    rollup[`sd${k}`] = `d => op.stdevp(d.c${k})`;
  });

  const stats = aq.table(columns).groupby('regionId', 'year').rollup(rollup);
  const num = (name: string, row: number): number | null => {
    const v = stats.get(name, row);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const out = new Map<string, ComponentStats[]>();
  for (let row = 0; row < stats.numRows(); row += 1) {
    const key = regionYearKey(stats.get('regionId', row) as number, stats.get('year', row) as number);
    out.set(
      key,
      codes.map((_, k) => {
        const n = num(`n${k}`, row) ?? 0;
        const mean = num(`mean${k}`, row);
        const sd = num(`sd${k}`, row);
        return { n, mean, sd, usable: n >= 2 && mean !== null && sd !== null && round12(sd) > 0 };
      }),
    );
  }
  return out;
}
