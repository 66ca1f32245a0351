import { round12 } from '../arithmetic.js';
import { deltaOf } from './did.js';

/** SUPPORT-V1 §6: who is treated, who is a control, and the outcome Δ of each, over plain rows. */

export type DidGroup = 'TREATED' | 'CONTROL';

/** A school of region r as §6 needs it: METHODOLOGY-V1 values of y and of y + k, §7-rounded. */
export interface DidSchool {
  schoolId: number;
  /** included in the approved list of (r, y) */
  listed: boolean;
  /** lowIndex(s, y), lowRank(s, y); null: not ranked in y */
  lowIndex: number | null;
  lowRank: number | null;
  /** lowIndex(s, y + k); null: not ranked in y + k */
  outcomeLowIndex: number | null;
}

export interface DidDelta {
  schoolId: number;
  group: DidGroup;
  lowIndex: number;
  outcomeLowIndex: number;
  /** outcomeLowIndex − lowIndex, exact on the 12 decimals */
  delta: number;
}

/**
 * A school of T or C without a Δ: not ranked in y + k (`OUTCOME`, the case §6 names), or — a listed
 * school only, kept on the list by a decision without results — not ranked in y itself (`BASELINE`).
 */
export interface DidExcluded {
  schoolId: number;
  group: DidGroup;
  notRanked: 'BASELINE' | 'OUTCOME';
}

export interface DidGroups {
  deltas: DidDelta[];
  excluded: DidExcluded[];
}

/**
 * §6: T = the listed schools; C = the schools ranked in y, not listed, with lowRank(s, y) ≥
 * controlRankMin (the near-miss group, low but unlisted schools included), the cut-off compared
 * after §7 rounding as every cut-off is. A school of either group without lowIndex(s, y + k) leaves
 * its group for `excluded`. Rows keep the input order.
 */
export function didGroups(schools: readonly DidSchool[], controlRankMin: number): DidGroups {
  const cut = round12(controlRankMin);
  const deltas: DidDelta[] = [];
  const excluded: DidExcluded[] = [];
  for (const s of schools) {
    const ranked = s.lowIndex !== null && s.lowRank !== null;
    let group: DidGroup;
    if (s.listed) group = 'TREATED';
    else if (ranked && round12(s.lowRank as number) >= cut) group = 'CONTROL';
    else continue;
    if (!ranked) excluded.push({ schoolId: s.schoolId, group, notRanked: 'BASELINE' });
    else if (s.outcomeLowIndex === null) excluded.push({ schoolId: s.schoolId, group, notRanked: 'OUTCOME' });
    else {
      const lowIndex = s.lowIndex as number;
      deltas.push({
        schoolId: s.schoolId,
        group,
        lowIndex,
        outcomeLowIndex: s.outcomeLowIndex,
        delta: deltaOf(lowIndex, s.outcomeLowIndex),
      });
    }
  }
  return { deltas, excluded };
}
