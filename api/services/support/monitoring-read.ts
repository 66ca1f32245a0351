import { type DocumentStatus, type ReportRecord } from '../../../analytics/support/monitoring.js';
import { type SchoolDocumentKind } from '../../../analytics/support/params.js';
import { type ActivityRecordStatus } from '../../../analytics/support/status.js';
import { type Queryable } from '../../../db/queryable.js';
import { sql, type Sql } from '../../../db/sql.js';

/**
 * The rows SUPPORT-V1 §5 reads for a place P (a region, or a municipality), a list year y and a
 * date D: P's roadmaps of y with their activities and status records, and for the listed schools
 * their reports, documents, curators, partners and diagnostics; P's events. One statement each,
 * run side by side; everything else is computed in analytics/support/monitoring.ts.
 */

export interface MonitoringPlace {
  regionId: number;
  municipalityId: number | null;
}

export interface ActivityRow {
  id: string;
  roadmapId: string;
  level: 'REGION' | 'MUNICIPALITY' | 'SCHOOL';
  roadmapMunicipalityId: number | null;
  periodStart: string;
  ordinal: number;
  number: string;
  title: string;
  start: string | null;
  due: string | null;
  requiresSchoolReport: boolean;
}

/** The roadmaps of P: a region's are every roadmap of the region (its own, its municipalities', their schools'). */
const roadmapsOf = (p: MonitoringPlace, year: number): Sql =>
  sql.and([
    sql`r.list_year = ${year}`,
    sql`r.region_id = ${p.regionId}`,
    p.municipalityId === null ? null : sql`r.municipality_id = ${p.municipalityId}`,
  ]);

export function readActivities(db: Queryable, p: MonitoringPlace, year: number) {
  return db.query<ActivityRow>(
    sql`select a.id::text as id, r.id::text as "roadmapId", r.level, r.municipality_id as "roadmapMunicipalityId",
        r.period_start::text as "periodStart", a.ordinal, a.number, a.title, a.start::text as start,
        a.due::text as due, a.requires_school_report as "requiresSchoolReport"
      from roadmap r join activity a on a.roadmap_id = r.id where ${roadmapsOf(p, year)}
      order by r.id, a.ordinal`,
  );
}

export function readStatusRecords(db: Queryable, p: MonitoringPlace, year: number, asOf: string) {
  return db.query<{ activityId: string; date: string; seq: number; status: ActivityRecordStatus }>(
    sql`select x.activity_id::text as "activityId", x.date::text as date, x.seq::float8 as seq, x.status
      from roadmap r join activity a on a.roadmap_id = r.id join activity_status_record x on x.activity_id = a.id
      where ${roadmapsOf(p, year)} and x.date <= ${asOf}::date`,
  );
}

export function readReports(db: Queryable, schoolIds: readonly number[], asOf: string) {
  return db.query<ReportRecord & { schoolId: number }>(
    sql`select x.school_id as "schoolId", x.activity_id::text as "activityId", x.date::text as date,
        x.seq::float8 as seq, x.status
      from activity_report x where x.school_id = any(${schoolIds}::int[]) and x.date <= ${asOf}::date`,
  );
}

export interface DocumentRecordRow {
  schoolId: number;
  documentId: string;
  kind: SchoolDocumentKind;
  riskFactor: number | null;
  date: string;
  seq: number;
  status: DocumentStatus;
}

export function readDocumentRecords(db: Queryable, schoolIds: readonly number[], year: number, asOf: string) {
  return db.query<DocumentRecordRow>(
    sql`select d.school_id as "schoolId", d.id::text as "documentId", d.kind, d.risk_factor as "riskFactor",
        r.date::text as date, r.seq::float8 as seq, r.status
      from school_document d join document_status_record r on r.document_id = d.id
      where d.school_id = any(${schoolIds}::int[]) and d.list_year = ${year} and r.date <= ${asOf}::date`,
  );
}

/** The curators of the schools whose assignment holds on D (from ≤ D ≤ to, an open end counting). */
export function readCurators(db: Queryable, schoolIds: readonly number[], asOf: string) {
  return db.query<{ schoolId: number; fullName: string; key: string }>(
    sql`select a.school_id as "schoolId", a.person_full_name as "fullName", a.person_key as key
      from assignment a where a.kind = 'CURATOR' and a.school_id = any(${schoolIds}::int[])
        and a.valid_from <= ${asOf}::date and (a.valid_to is null or a.valid_to >= ${asOf}::date)
      order by a.school_id, a.valid_from, a.id`,
  );
}

export function readPartners(db: Queryable, schoolIds: readonly number[], asOf: string) {
  return db.query<{ schoolId: number; code: string; name: string }>(
    sql`select p.listed_school_id as "schoolId", s.code, s.name
      from partnership p join school s on s.id = p.partner_school_id
      where p.listed_school_id = any(${schoolIds}::int[])
        and p.valid_from <= ${asOf}::date and (p.valid_to is null or p.valid_to >= ${asOf}::date)
      order by p.listed_school_id, s.code`,
  );
}

export interface DiagnosticRow {
  schoolId: number;
  grade: number;
  subject: 'RU' | 'MA';
  stage: 'ENTRANCE' | 'INTERMEDIATE' | 'FINAL';
  date: string;
  participants: number;
  n2: number;
}

export function readDiagnostics(db: Queryable, schoolIds: readonly number[], from: string, asOf: string) {
  return db.query<DiagnosticRow>(
    sql`select d.school_id as "schoolId", d.grade, d.subject, d.stage, d.date::text as date, d.participants, d.n2
      from diagnostic d where d.school_id = any(${schoolIds}::int[])
        and d.date >= ${from}::date and d.date <= ${asOf}::date`,
  );
}

/** P's events in [from, D] (organised by P or by a place in it) with the listed schools they reached. */
export function readEvents(
  db: Queryable,
  p: MonitoringPlace,
  listed: readonly number[],
  from: string,
  asOf: string,
) {
  return db.query<{ kind: string; participants: number; reached: number[] }>(
    sql`select e.kind, e.participants,
        array(select x.school_id from support_event_school x
              where x.event_id = e.id and x.school_id = any(${listed}::int[])) as reached
      from support_event e
      where ${sql.and([
        sql`e.region_id = ${p.regionId}`,
        p.municipalityId === null ? null : sql`e.municipality_id = ${p.municipalityId}`,
        sql`e.date >= ${from}::date and e.date <= ${asOf}::date`,
      ])}`,
  );
}
