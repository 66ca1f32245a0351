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
import { Activity } from './support/activity.entity.js';
import { ActivityReport } from './support/activity-report.entity.js';
import { ActivityStatusRecord } from './support/activity-status-record.entity.js';
import { Assignment } from './support/assignment.entity.js';
import { BestPractice } from './support/best-practice.entity.js';
import { Diagnostic } from './support/diagnostic.entity.js';
import { DocumentStatusRecord } from './support/document-status-record.entity.js';
import { Measure } from './support/measure.entity.js';
import { Mmc } from './support/mmc.entity.js';
import { MmcAttachment } from './support/mmc-attachment.entity.js';
import { MonitoringReport } from './support/monitoring-report.entity.js';
import { Partnership } from './support/partnership.entity.js';
import { Roadmap } from './support/roadmap.entity.js';
import { SchoolDocument } from './support/school-document.entity.js';
import { SupportEvent } from './support/support-event.entity.js';
import { SupportEventSchool } from './support/support-event-school.entity.js';
import { SupportOrder } from './support/support-order.entity.js';
import { SupportVersion } from './support/support-version.entity.js';
import { WorkingGroup } from './support/working-group.entity.js';
import { WorkingGroupMember } from './support/working-group-member.entity.js';

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
  Activity,
  ActivityReport,
  ActivityStatusRecord,
  Assignment,
  BestPractice,
  Diagnostic,
  DocumentStatusRecord,
  Measure,
  Mmc,
  MmcAttachment,
  MonitoringReport,
  Partnership,
  Roadmap,
  SchoolDocument,
  SupportEvent,
  SupportEventSchool,
  SupportOrder,
  SupportVersion,
  WorkingGroup,
  WorkingGroupMember,
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
  // the support system (SUPPORT-V1 §1): schema/entities/support/
  SupportVersion,
  SupportOrder,
  Roadmap,
  Activity,
  ActivityStatusRecord,
  WorkingGroup,
  WorkingGroupMember,
  Assignment,
  Mmc,
  MmcAttachment,
  Partnership,
  SchoolDocument,
  DocumentStatusRecord,
  Measure,
  SupportEvent,
  SupportEventSchool,
  Diagnostic,
  ActivityReport,
  BestPractice,
  MonitoringReport,
];
