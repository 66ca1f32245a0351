import { round12 } from '../arithmetic.js';

/** What ranking needs of a school-year: its group and its index (null = not ranked). */
export interface RankInput {
  regionId: number;
  year: number;
  /** already rounded to 12 decimals (§7), as schoolLowIndicators returns it */
  lowIndex: number | null;
}

export interface LowRank {
  /** PERCENT_RANK of lowIndex ascending within (region, year); null when not ranked */
  lowRank: number | null;
  /** lowRank ≥ lowRankCut; null when not ranked — "not ranked" is not "not low" */
  low: boolean | null;
  /** how many schools of the region were ranked that year (the n of the percent rank) */
  schoolsRanked: number;
}

/**
 * PERCENT_RANK ascending of one group, written into `out`: (rank − 1)/(n − 1), ties sharing the
 * lowest rank, 0 when n = 1 — the definition of analytics/percent-rank.ts, whose tests this
 * module's tests repeat against it. It is not called here because it re-rounds every value, and
 * round12 of an already rounded number is its slow path (about 0.5 µs: 40 ms of the 80 ms budget
 * for a country); lowIndex arrives rounded, so equal-on-paper values are already equal.
 */
function rankGroup(
  rows: readonly RankInput[],
  members: readonly number[],
  cut: number,
  out: LowRank[],
): void {
  const n = members.length;
  // a typed array sorts numerically in native code, several times faster than indices + comparator
  const sorted = Float64Array.from(members, (i) => (rows[i] as RankInput).lowIndex as number).sort();
  // rank value by position of the first equal value, computed once per distinct value
  const rankAt = new Float64Array(n).fill(-1);
  for (const i of members) {
    const k = firstIndexOf(sorted, (rows[i] as RankInput).lowIndex as number);
    let lowRank = rankAt[k] as number;
    if (lowRank < 0) rankAt[k] = lowRank = n === 1 ? 0 : round12(k / (n - 1));
    out[i] = { lowRank, low: lowRank >= cut, schoolsRanked: n };
  }
}

/** The position of the first element ≥ value in ascending `sorted` (the number of smaller ones). */
function firstIndexOf(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * lowRank and low (METHODOLOGY-V1 §1) for rows of one or more years, in row order. Only ranked
 * schools (lowIndex defined) enter the percent rank, so schools without enough ВПР data neither
 * take a place in the region's order nor push others up or down.
 */
export function rankLowIndex(rows: readonly RankInput[], lowRankCut: number): LowRank[] {
  // region → year → row indices of the ranked schools
  const groups = new Map<number, Map<number, number[]>>();
  rows.forEach((row, i) => {
    if (row.lowIndex === null) return;
    let byYear = groups.get(row.regionId);
    if (!byYear) groups.set(row.regionId, (byYear = new Map()));
    const members = byYear.get(row.year);
    if (members) members.push(i);
    else byYear.set(row.year, [i]);
  });

  const out = new Array<LowRank>(rows.length);
  for (const byYear of groups.values()) {
    for (const members of byYear.values()) rankGroup(rows, members, lowRankCut, out);
  }
  rows.forEach((row, i) => {
    if (out[i] === undefined) {
      const schoolsRanked = groups.get(row.regionId)?.get(row.year)?.length ?? 0;
      out[i] = { lowRank: null, low: null, schoolsRanked };
    }
  });
  return out;
}
