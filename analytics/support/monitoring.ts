import { type SchoolDocumentKind } from './params.js';
import { activityStatus, type ActivityStatus, lastRecordAsOf, type StatusRecord } from './status.js';

/**
 * SUPPORT-V1 §5 Execution monitoring as pure functions of rows already read (the service reads
 * them for a place, a list year and a date D): activity counts, a school's reports and the
 * submission tracking, its documents against the required ones, and whether an assignment holds
 * on D. Dates are ISO strings, so comparing them as text compares the days.
 */

export interface MonitoredActivity {
  id: string;
  due: string | null;
  requiresSchoolReport: boolean;
  records: readonly StatusRecord[];
}

export type ActivityCounts = Record<ActivityStatus, number> & { total: number };

/** Each activity's status as of D (§2), and their counts. */
export function activityStatuses(activities: readonly MonitoredActivity[], asOf: string) {
  const counts: ActivityCounts = { total: 0, DONE: 0, IN_PROGRESS: 0, PLANNED: 0, OVERDUE: 0 };
  const statuses = new Map<string, ActivityStatus>();
  for (const activity of activities) {
    const status = activityStatus(activity.records, activity.due, asOf);
    statuses.set(activity.id, status);
    counts[status] += 1;
    counts.total += 1;
  }
  return { counts, statuses };
}

export interface ReportRecord {
  activityId: string;
  date: string;
  seq: number;
  status: 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';
}

export interface SchoolReports {
  total: number;
  due: number;
  submitted: number;
  done: number;
  /** The due activities without a report dated ≤ D: the submission tracking, in the activities' order. */
  missing: string[];
}

/**
 * §5 Reports of one school over the activities that require school reports (of its
 * municipality's roadmaps): `due` when due is defined and D > due; `submitted` with a report
 * dated ≤ D; `done` when the latest such report (by date, then seq) is DONE; `missing` the due
 * ones without one.
 */
export function schoolReports(
  activities: readonly MonitoredActivity[],
  reports: readonly ReportRecord[],
  asOf: string,
): SchoolReports {
  const byActivity = new Map<string, ReportRecord[]>();
  for (const report of reports) {
    const list = byActivity.get(report.activityId);
    if (list) list.push(report);
    else byActivity.set(report.activityId, [report]);
  }
  const result: SchoolReports = { total: 0, due: 0, submitted: 0, done: 0, missing: [] };
  for (const activity of activities) {
    if (!activity.requiresSchoolReport) continue;
    result.total += 1;
    const latest = lastRecordAsOf(byActivity.get(activity.id) ?? [], asOf);
    const isDue = activity.due !== null && asOf > activity.due;
    if (isDue) result.due += 1;
    if (latest) result.submitted += 1;
    if (latest?.status === 'DONE') result.done += 1;
    if (isDue && !latest) result.missing.push(activity.id);
  }
  return result;
}

export type DocumentStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface MonitoredDocument {
  kind: SchoolDocumentKind;
  riskFactor: number | null;
  records: readonly { date: string; seq: number; status: DocumentStatus }[];
}

/** A required item: a kind, and for an anti-risk programme its factor (`ANTI_RISK_PROGRAMME:R3`). */
export interface RequiredDocument {
  kind: SchoolDocumentKind;
  riskFactor: number | null;
}

export const requiredKey = (r: RequiredDocument) =>
  r.riskFactor === null ? r.kind : `${r.kind}:R${r.riskFactor}`;

/**
 * §5 `required`: the kinds of `requiredDocuments` in order, the anti-risk programme once per
 * priority risk of (s, y) (none when the school has no priority risk).
 */
export function requiredDocuments(
  kinds: readonly SchoolDocumentKind[],
  priorityRisks: readonly number[],
): RequiredDocument[] {
  return kinds.flatMap((kind): RequiredDocument[] =>
    kind === 'ANTI_RISK_PROGRAMME'
      ? priorityRisks.map((riskFactor) => ({ kind, riskFactor }))
      : [{ kind, riskFactor: null }],
  );
}

export interface SchoolDocuments {
  counts: Record<DocumentStatus, number>;
  /** SUBMITTED or APPROVED. */
  submitted: number;
  approved: number;
  missingRequired: RequiredDocument[];
}

/**
 * §5 Documents of (s, y) as of D: a document's status is its last record dated ≤ D; one without
 * such a record does not exist yet. `missingRequired`: the required items with no SUBMITTED or
 * APPROVED document.
 */
export function schoolDocuments(
  documents: readonly MonitoredDocument[],
  required: readonly RequiredDocument[],
  asOf: string,
): SchoolDocuments {
  const counts: Record<DocumentStatus, number> = { DRAFT: 0, SUBMITTED: 0, APPROVED: 0, RETURNED: 0 };
  const covered = new Set<string>();
  for (const document of documents) {
    const status = lastRecordAsOf(document.records, asOf)?.status;
    if (!status) continue;
    counts[status] += 1;
    if (status === 'SUBMITTED' || status === 'APPROVED') covered.add(requiredKey(document));
  }
  return {
    counts,
    submitted: counts.SUBMITTED + counts.APPROVED,
    approved: counts.APPROVED,
    missingRequired: required.filter((r) => !covered.has(requiredKey(r))),
  };
}

/** An assignment or a partnership holds on D: from ≤ D ≤ to, an open `to` counting. */
export const holdsOn = (from: string, to: string | null, asOf: string) =>
  from <= asOf && (to === null || asOf <= to);
