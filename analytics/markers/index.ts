export * from './types.js';
export { computeMarkers } from './compute.js';
export { coreMarkedSchoolYears, schoolYearKey } from './core.js';
export { createHighVsRegionCheck, type HighVsRegionCheck } from './high-vs-region.js';
export { createJournalMismatchCheck, type JournalMismatchCheck } from './journal-mismatch.js';
export {
  COHORT_FROM_GRADE,
  COHORT_TO_GRADE,
  createCohortDropCheck,
  type CohortDropCheck,
} from './cohort-drop.js';
export { createScoreSpikeCheck, type ScoreSpikeCheck } from './score-spike.js';
export * from './fis-oko-layout.js';
