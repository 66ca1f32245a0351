import { ApiKey } from './api-key.entity.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';
import { EgeMinimum } from './ege-minimum.entity.js';
import { EgeResult } from './ege-result.entity.js';
import { ImportLogEntry } from './import-log-entry.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { MethodologyVersion } from './methodology-version.entity.js';
import { Municipality } from './municipality.entity.js';
import { OgeResult } from './oge-result.entity.js';
import { Region } from './region.entity.js';
import { School } from './school.entity.js';
import { ShnorListDecision } from './shnor-list-decision.entity.js';
import { ShnorListEntry } from './shnor-list-entry.entity.js';
import { ShnorList } from './shnor-list.entity.js';
import { VprResult } from './vpr-result.entity.js';

export {
  ApiKey,
  AuditLogEntry,
  EgeMinimum,
  EgeResult,
  ImportLogEntry,
  IndicatorValue,
  MethodologyVersion,
  Municipality,
  OgeResult,
  Region,
  School,
  ShnorList,
  ShnorListDecision,
  ShnorListEntry,
  VprResult,
};

/**
 * Every entity, one per table that has one (README: Development, "A new table"). `npm run
 * schema:check` compares each with its migrated table; the tables of the reductions and caches
 * (school_year_counts, school_year_frame, vpr_region_cell, objectivity_marker,
 * school_year_indicators, reduction_state, data_version) are written in SQL only and have none.
 */
export const ENTITIES = [
  Region,
  Municipality,
  School,
  VprResult,
  OgeResult,
  EgeResult,
  EgeMinimum,
  IndicatorValue,
  MethodologyVersion,
  ApiKey,
  AuditLogEntry,
  ImportLogEntry,
  ShnorList,
  ShnorListEntry,
  ShnorListDecision,
];
