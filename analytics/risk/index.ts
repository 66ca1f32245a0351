export { type IndicatorRisk, indicatorRisk } from './indicator-risk.js';
export {
  type RiskFactorResult,
  type RiskIndicatorResult,
  type RiskLevel,
  type RiskParams,
  type RiskProfile,
  priorityRisks,
  riskProfile,
  SR_VPR_LOW,
} from './profile.js';
export {
  orderProfiles,
  placeFactorSummary,
  profileMatches,
  type PlaceFactorSummaryRow,
  type ProfilePlace,
  type RiskFactorSummaryRow,
  riskFactorSummary,
} from './summary.js';
