import { type ExportDefinition } from './define.js';
import { candidates } from './exports/candidates.js';
import { riskProfiles } from './exports/risk-profiles.js';
import { shnorList } from './exports/shnor-list.js';
import { vprStatistics } from './exports/vpr-statistics.js';

/** Every export of `GET /export/<name>.<csv|xlsx>` and `npm run export`, by name. */
export const EXPORTS: ReadonlyMap<string, ExportDefinition> = new Map(
  [shnorList, candidates, riskProfiles, vprStatistics].map((e) => [e.name, e]),
);
