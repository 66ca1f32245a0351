import { type ObjectivityPolicy } from '../methodology/params.js';
import { type ShnorStatus } from './types.js';

/**
 * Which line of METHODOLOGY-V1 §2 decided a status: the machine-readable half of the explanation,
 * so an analyst (or a BI filter) can tell «no results at all» from «too few participants».
 */
export type StatusRule =
  | 'NO_RESULTS'
  | 'NOT_RANKED_BOTH_YEARS'
  | 'NOT_RANKED_LIST_YEAR'
  | 'NOT_RANKED_PREVIOUS_YEAR'
  | 'NOT_LOW'
  | 'LOW_TWICE'
  | 'LOW_TWICE_MARKED_REVIEW'
  | 'LOW_TWICE_MARKED_EXCLUDED'
  | 'LOW_TWICE_MARKED_IGNORED';

/** What the rule reads of one year: enough to be derived again from a stored list entry. */
interface YearFacts {
  low: boolean | null;
  hasResults?: boolean;
  vprN: number;
  ogeN: number;
  egeN: number;
}

export interface RuleFacts {
  status: ShnorStatus;
  current: YearFacts & { marked: boolean };
  previous: YearFacts & { marked: boolean };
  objectivityPolicy: ObjectivityPolicy;
}

/**
 * Whether a year had results: recorded since `hasResults` existed; before, participants of any exam
 * mean a row (a counts row always has some). The one reading of it, for the rule and the API alike.
 */
export const hadResults = (y: YearFacts): boolean => y.hasResults ?? y.vprN + y.ogeN + y.egeN > 0;

/** The rule behind `facts.status`; a pure function of the evidence, so stored lists get it too. */
export function statusRule(facts: RuleFacts): StatusRule {
  const { current, previous } = facts;
  if (facts.status === 'INSUFFICIENT_DATA') {
    if (!hadResults(current) && !hadResults(previous)) return 'NO_RESULTS';
    if (current.low === null && previous.low === null) return 'NOT_RANKED_BOTH_YEARS';
    return current.low === null ? 'NOT_RANKED_LIST_YEAR' : 'NOT_RANKED_PREVIOUS_YEAR';
  }
  if (!(current.low && previous.low)) return 'NOT_LOW';
  if (!(current.marked || previous.marked)) return 'LOW_TWICE';
  if (facts.status === 'REVIEW') return 'LOW_TWICE_MARKED_REVIEW';
  return facts.status === 'NOT_ELIGIBLE' ? 'LOW_TWICE_MARKED_EXCLUDED' : 'LOW_TWICE_MARKED_IGNORED';
}

/**
 * The integer rank behind a percent rank: lowRank = (rank − 1)/(n − 1), ties sharing the lowest, so
 * rank = lowRank·(n − 1) + 1 exactly (lowRank carries 12 decimals; n is far below 10¹²).
 */
export function rankOf(lowRank: number | null, schoolsRanked: number): number | null {
  if (lowRank === null) return null;
  return schoolsRanked <= 1 ? 1 : Math.round(lowRank * (schoolsRanked - 1)) + 1;
}
