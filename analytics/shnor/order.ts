import { type ShnorCandidate, type ShnorStatus } from './types.js';

/** ELIGIBLE first, then REVIEW, …: the order of the list and of shnorCandidates. */
export const STATUS_ORDER: Readonly<Record<ShnorStatus, number>> = {
  ELIGIBLE: 0,
  REVIEW: 1,
  NOT_ELIGIBLE: 2,
  INSUFFICIENT_DATA: 3,
};

/** What ranks candidates within a status: the percent rank of lowIndex (default) or lowIndex itself. */
export type CandidateOrderKey = 'lowRank' | 'lowIndex';

/**
 * The one candidate order (shnorCandidates and the stored list): by status, then the highest key of
 * the list year first (none last), then by school id. One numeric key per row and a plain sort: a
 * comparator reading nested objects for 40 000 rows took longer than ranking them. Both keys lie
 * in [0, 1], so `status × 4 − key` keeps the statuses apart.
 */
export function orderCandidates<C extends ShnorCandidate>(
  rows: readonly C[],
  key: CandidateOrderKey = 'lowRank',
): C[] {
  const order = rows.map((c) => STATUS_ORDER[c.status] * 4 - (c.current[key] ?? -1));
  return rows
    .map((_, i) => i)
    .sort((a, b) => order[a]! - order[b]! || rows[a]!.schoolId - rows[b]!.schoolId)
    .map((i) => rows[i]!);
}
