/** ШНОР: indicators, region values, ranks, the eligibility decision and its explanation (§1, §2). */
export {
  lowIndexOf,
  schoolLowIndicators,
  type IndicatorParams,
  type LowComponents,
  type LowIndicators,
} from './indicators.js';
export { regionValuesLookup, regionYearValues, type RegionYearValues } from './region-values.js';
export { rankLowIndex, type LowRank, type RankInput } from './ranking.js';
export { computeShnorCandidates, isExitCandidate, markedSchoolYearKey, shnorStatus } from './eligibility.js';
export { explainShnorCandidate, formatPercentRu, percentileOf } from './explain.js';
export { orderCandidates, STATUS_ORDER, type CandidateOrderKey } from './order.js';
export { statusSummary, type PlaceLevel, type StatusSummaryRow } from './summary.js';
export { hadResults, rankOf, statusRule, type RuleFacts, type StatusRule } from './status-rule.js';
export type {
  RegionValues,
  SchoolPlace,
  ShnorCandidate,
  ShnorCutoffs,
  ShnorInput,
  ShnorStatus,
  YearEvidence,
} from './types.js';
