import { type SupportImportKind } from '../types.js';
import { ACTIVITY_REPORTS_FORMAT } from './activity-reports.js';
import { ACTIVITY_STATUSES_FORMAT } from './activity-statuses.js';
import { ASSIGNMENTS_FORMAT } from './assignments.js';
import { type SupportFormat, type SupportRow } from './common.js';
import { DIAGNOSTICS_FORMAT } from './diagnostics.js';
import { DOCUMENTS_FORMAT } from './documents.js';
import { EVENTS_FORMAT } from './events.js';
import { ORDERS_FORMAT } from './orders.js';
import { PARTNERSHIPS_FORMAT } from './partnerships.js';

// Each format's row type widens to SupportRow here; its writer narrows it back (write/support).
const widen = <T extends SupportRow>(format: SupportFormat<T>) =>
  format as unknown as SupportFormat<SupportRow>;

export const SUPPORT_FORMATS: Readonly<Record<SupportImportKind, SupportFormat<SupportRow>>> = {
  orders: widen(ORDERS_FORMAT),
  assignments: widen(ASSIGNMENTS_FORMAT),
  partnerships: widen(PARTNERSHIPS_FORMAT),
  documents: widen(DOCUMENTS_FORMAT),
  'activity-statuses': widen(ACTIVITY_STATUSES_FORMAT),
  'activity-reports': widen(ACTIVITY_REPORTS_FORMAT),
  diagnostics: widen(DIAGNOSTICS_FORMAT),
  events: widen(EVENTS_FORMAT),
};
