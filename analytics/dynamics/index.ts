export {
  COHORT_FIRST_GRADE,
  COHORT_LAST_VPR_GRADE,
  COHORT_OGE_GRADE,
  type CohortStep,
  cohortPath,
} from './cohort.js';
export { type DynamicsParams, type DynamicsPoint, type DynamicsRow, dynamicsSeries } from './series.js';
export { delta, olsTrend, type YearValue } from './trend.js';
export { twoProportionZ, type ZTest } from './z-test.js';
