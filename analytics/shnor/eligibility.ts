import { type SchoolYearCounts } from '../frames.js';
import { type ObjectivityPolicy } from '../methodology/params.js';
import { memoizedRatio, schoolLowIndicators, type LowIndicators } from './indicators.js';
import { rankLowIndex, type LowRank } from './ranking.js';
import { absentEvidence, evidenceOf, regionContexts } from './evidence.js';
import {
  type SchoolPlace,
  type ShnorCandidate,
  type ShnorInput,
  type ShnorStatus,
  type YearEvidence,
} from './types.js';

/** The key of `markedSchoolYears`. */
export function markedSchoolYearKey(schoolId: number, year: number): string {
  return `${schoolId}:${year}`;
}

/**
 * The status of §2 from the two years' `low` flags (null = not ranked) and the markers.
 * A marker only matters for a school that would otherwise be ELIGIBLE: it questions whether the
 * low results are real, and a school that is not low twice is not on the list either way.
 */
export function shnorStatus(
  lowCurrent: boolean | null,
  lowPrevious: boolean | null,
  marked: boolean,
  policy: ObjectivityPolicy,
): ShnorStatus {
  if (lowCurrent === null || lowPrevious === null) return 'INSUFFICIENT_DATA';
  if (!(lowCurrent && lowPrevious)) return 'NOT_ELIGIBLE';
  if (!marked) return 'ELIGIBLE';
  if (policy === 'REVIEW') return 'REVIEW';
  return policy === 'EXCLUDE' ? 'NOT_ELIGIBLE' : 'ELIGIBLE';
}

/**
 * EXIT (§2): on the approved list of y − 1, status in y neither ELIGIBLE nor REVIEW, and
 * low(s, y) = false. The text asks for low = false, so a school that is not ranked in y
 * (low = null: too few ВПР participants) is NOT an exit candidate: missing data proves no
 * improvement. A school ranked and not low in y but unranked in y − 1 (INSUFFICIENT_DATA)
 * does qualify: the rule reads only y.
 */
export function isExitCandidate(
  onPreviousList: boolean,
  status: ShnorStatus,
  lowCurrent: boolean | null,
): boolean {
  return onPreviousList && status !== 'ELIGIBLE' && status !== 'REVIEW' && lowCurrent === false;
}

interface SchoolRows {
  current?: number;
  previous?: number;
}

/**
 * The ШНОР decision of list year y for every school with a row in y or y − 1 (METHODOLOGY-V1 §2),
 * each with the evidence of both years. Results come in order of the schools' first row in
 * `counts`. Each year is judged in the region of that year's row (a school that changed region
 * is ranked among its region of the time); the result carries the region of the newest row.
 * Schools of `registry` without rows in either year follow, INSUFFICIENT_DATA in their current
 * region; without a registry such a school gets no result.
 */
export function computeShnorCandidates(input: ShnorInput): ShnorCandidate[] {
  const { year, params } = input;
  const previousYear = year - 1;
  const rows = input.counts.filter((r) => r.year === year || r.year === previousYear);
  const ratioOf = memoizedRatio();
  const indicators = rows.map((r) => schoolLowIndicators(r, params, ratioOf));
  const ranks = rankLowIndex(
    rows.map((r, i) => ({
      regionId: r.regionId,
      year: r.year,
      lowIndex: (indicators[i] as LowIndicators).lowIndex,
    })),
    params.eligibility.lowRankCut,
  );
  const regionOf = regionContexts(rows, ranks, params);
  const bySchool = new Map<number, SchoolRows>();
  rows.forEach((r, i) => {
    let slot = bySchool.get(r.schoolId);
    if (!slot) bySchool.set(r.schoolId, (slot = {}));
    const key = r.year === year ? 'current' : 'previous';
    // a second row would be ranked twice and silently shadow the first: the input is wrong
    if (slot[key] !== undefined) throw new Error(`two rows for school ${r.schoolId} in ${r.year}`);
    slot[key] = i;
  });
  const evidence = (i: number | undefined, regionId: number, y: number): YearEvidence => {
    if (i === undefined) return absentEvidence(y, regionOf(regionId, y));
    const row = rows[i] as SchoolYearCounts;
    return evidenceOf(row, indicators[i] as LowIndicators, ranks[i] as LowRank, regionOf(row.regionId, y));
  };

  const { lowRankCut, objectivityPolicy } = params.eligibility;
  const cutoffs = {
    lowRankCut,
    minPooledVpr: params.indicators.minPooledVpr,
    minPooledGia: params.indicators.minPooledGia,
  };
  const out: ShnorCandidate[] = [];
  const decide = (schoolId: number, place: SchoolPlace, current: YearEvidence, previous: YearEvidence) => {
    const markedCurrent = input.markedSchoolYears.has(markedSchoolYearKey(schoolId, year));
    const markedPrevious = input.markedSchoolYears.has(markedSchoolYearKey(schoolId, previousYear));
    const status = shnorStatus(current.low, previous.low, markedCurrent || markedPrevious, objectivityPolicy);
    const onPreviousList = input.previousApprovedList?.has(schoolId) ?? false;
    out.push({
      schoolId,
      regionId: place.regionId,
      municipalityId: place.municipalityId,
      status,
      exitCandidate: isExitCandidate(onPreviousList, status, current.low),
      current,
      previous,
      markedCurrent,
      markedPrevious,
      cutoffs,
      objectivityPolicy,
    });
  };
  for (const [schoolId, slot] of bySchool) {
    const newest = rows[(slot.current ?? slot.previous) as number] as SchoolYearCounts;
    const previousRow = slot.previous === undefined ? undefined : (rows[slot.previous] as SchoolYearCounts);
    const current = evidence(slot.current, newest.regionId, year);
    const previous = evidence(slot.previous, previousRow?.regionId ?? newest.regionId, previousYear);
    decide(schoolId, newest, current, previous);
  }
  // Registry schools without a row in either year: nothing measured, still compared with their region.
  for (const place of input.registry ?? []) {
    if (bySchool.has(place.schoolId)) continue;
    const current = absentEvidence(year, regionOf(place.regionId, year));
    decide(
      place.schoolId,
      place,
      current,
      absentEvidence(previousYear, regionOf(place.regionId, previousYear)),
    );
  }
  return out;
}
