import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000Initial } from './Migration20261123000000Initial.js';
import { Migration20261123010000Analytics } from './Migration20261123010000Analytics.js';
import { Migration20261123020000CountFrames } from './Migration20261123020000CountFrames.js';
import { Migration20261123030000AuditLog } from './Migration20261123030000AuditLog.js';
import { Migration20261123040000ApiKeys } from './Migration20261123040000ApiKeys.js';
import { Migration20261123050000Imports } from './Migration20261123050000Imports.js';
import { Migration20261123060000ShnorLists } from './Migration20261123060000ShnorLists.js';
import { Migration20261123070000ReductionUse } from './Migration20261123070000ReductionUse.js';
import { Migration20261123080000RegionTimeZone } from './Migration20261123080000RegionTimeZone.js';
import { Migration20261123090000MarkerFigures } from './Migration20261123090000MarkerFigures.js';
import { Migration20261202032234SupportModel } from './Migration20261202032234SupportModel.js';
import { Migration20261202040000BestPracticeSearch } from './Migration20261202040000BestPracticeSearch.js';
import { Migration20261202060000BestPracticePostingVisibility } from './Migration20261202060000BestPracticePostingVisibility.js';
import { Migration20261202072453MonitoringReport } from './Migration20261202072453MonitoringReport.js';

/** Every migration, in order. Listed by hand so the same list runs from TypeScript and from dist/. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
  { name: 'Migration20261123010000Analytics', class: Migration20261123010000Analytics },
  { name: 'Migration20261123020000CountFrames', class: Migration20261123020000CountFrames },
  { name: 'Migration20261123030000AuditLog', class: Migration20261123030000AuditLog },
  { name: 'Migration20261123040000ApiKeys', class: Migration20261123040000ApiKeys },
  { name: 'Migration20261123050000Imports', class: Migration20261123050000Imports },
  { name: 'Migration20261123060000ShnorLists', class: Migration20261123060000ShnorLists },
  { name: 'Migration20261123070000ReductionUse', class: Migration20261123070000ReductionUse },
  { name: 'Migration20261123080000RegionTimeZone', class: Migration20261123080000RegionTimeZone },
  { name: 'Migration20261123090000MarkerFigures', class: Migration20261123090000MarkerFigures },
  { name: 'Migration20261202032234SupportModel', class: Migration20261202032234SupportModel },
  { name: 'Migration20261202040000BestPracticeSearch', class: Migration20261202040000BestPracticeSearch },
  {
    name: 'Migration20261202060000BestPracticePostingVisibility',
    class: Migration20261202060000BestPracticePostingVisibility,
  },
  { name: 'Migration20261202072453MonitoringReport', class: Migration20261202072453MonitoringReport },
];
