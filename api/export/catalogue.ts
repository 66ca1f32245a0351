import { type ExportDefinition } from './define.js';
import { appendixPartnerships } from './exports/appendix-partnerships.js';
import { appendixShnorList } from './exports/appendix-shnor-list.js';
import { appendixWorkingGroup } from './exports/appendix-working-group.js';
import { candidates } from './exports/candidates.js';
import { monitoringReport } from './exports/monitoring-report.js';
import { riskProfiles } from './exports/risk-profiles.js';
import { roadmap } from './exports/roadmap.js';
import { shnorList } from './exports/shnor-list.js';
import { submissionTracking } from './exports/submission-tracking.js';
import { vprStatistics } from './exports/vpr-statistics.js';
import { type PrintDefinition } from './print/document.js';

/** Every export of `GET /export/<name>.<csv|xlsx>` and `npm run export`, by name. */
export const EXPORTS: ReadonlyMap<string, ExportDefinition> = new Map(
  [shnorList, candidates, riskProfiles, vprStatistics, submissionTracking].map((e) => [e.name, e]),
);

/**
 * Printed documents of `GET /export/<name>.<xlsx|html|csv>` (api/export/print): a title block over
 * one table, built whole — the roadmap in its order's layout and the order's appendices.
 */
export const PRINTED: ReadonlyMap<string, PrintDefinition> = new Map(
  [roadmap, appendixShnorList, appendixWorkingGroup, appendixPartnerships, monitoringReport].map((e) => [
    e.name,
    e,
  ]),
);
