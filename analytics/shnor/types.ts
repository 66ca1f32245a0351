import { type PooledCounts, type SchoolYearCounts } from '../frames.js';
import { type MethodologyParams, type ObjectivityPolicy } from '../methodology/params.js';
import { type LowIndicators } from './indicators.js';

export type ShnorStatus = 'ELIGIBLE' | 'REVIEW' | 'NOT_ELIGIBLE' | 'INSUFFICIENT_DATA';

export interface ShnorInput {
  /** the list year y; the rule reads y and y − 1 */
  year: number;
  /** pooled counts of y and y − 1 (rows of other years are ignored) */
  counts: readonly SchoolYearCounts[];
  /** `${schoolId}:${year}` of schools with an objectivity marker on a core (g, j) that year */
  markedSchoolYears: ReadonlySet<string>;
  /** school ids on the approved list of y − 1: the only schools that can be EXIT candidates */
  previousApprovedList?: ReadonlySet<number>;
  /**
   * Every school of the registry with its place: one without rows in y and y − 1 is still decided
   * (INSUFFICIENT_DATA, rule NO_RESULTS) — a school that took no part in ВПР is a signal, not a gap.
   */
  registry?: readonly SchoolPlace[];
  params: MethodologyParams;
}

/** A school of the registry and where it is now. */
export interface SchoolPlace {
  schoolId: number;
  municipalityId: number;
  regionId: number;
}

/** What one year contributes to the decision, with the region values to compare against. */
export interface YearEvidence extends LowIndicators {
  year: number;
  lowRank: number | null;
  low: boolean | null;
  /** pooled participants; 0 when the school has no row that year */
  vprN: number;
  ogeN: number;
  egeN: number;
  /** the pooled numerators of the three shares (Σ «2», Σ «2», Σ below minimum); 0 without a row */
  vprN2: number;
  ogeN2: number;
  egeBelow: number;
  /** the school has a row (results of any exam) that year */
  hasResults: boolean;
  /** shared by all schools of the region-year: do not mutate */
  region: Readonly<RegionValues>;
  /** n of the region's ranked schools that year */
  schoolsRanked: number;
}

/** A region's values of one year with the pooled counts they come from (0 where nobody took part). */
export interface RegionValues extends LowIndicators, PooledCounts {}

/** The thresholds the decision used, so the evidence can be read without the parameter set. */
export interface ShnorCutoffs {
  lowRankCut: number;
  minPooledVpr: number;
  minPooledGia: number;
}

export interface ShnorCandidate {
  schoolId: number;
  regionId: number;
  municipalityId: number;
  status: ShnorStatus;
  /** on the approved list of y − 1, not ELIGIBLE/REVIEW in y and low(s, y) = false */
  exitCandidate: boolean;
  current: YearEvidence;
  previous: YearEvidence;
  markedCurrent: boolean;
  markedPrevious: boolean;
  cutoffs: ShnorCutoffs;
  objectivityPolicy: ObjectivityPolicy;
}
