import { type ActivityReportRow } from '../../formats/support/activity-reports.js';
import { type ActivityStatusRow } from '../../formats/support/activity-statuses.js';
import { COUNTS, inChunks, type Writer } from './write-common.js';

/**
 * The append-only kinds (activity status records, school reports): a row equal to a stored record
 * (every field) is unchanged; any other is a new record, inserted in the order of the file so that
 * `seq` orders the records of one date as the file does. Nothing is ever updated.
 */

const STATUSES = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(line int, activity_id bigint, date date, status text,
      note text, evidence_url text)),
  ins as (
    insert into activity_status_record (activity_id, date, status, note, evidence_url)
    select activity_id, date, status, note, evidence_url from input i
    where not exists (select 1 from activity_status_record e where e.activity_id = i.activity_id
      and e.date = i.date and e.status = i.status and e.note is not distinct from i.note
      and e.evidence_url is not distinct from i.evidence_url)
    order by i.line returning 1),
  upd as (select 1 where false)
  ${COUNTS}`;

const REPORTS = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(line int, activity_id bigint, school_id int, date date,
      status text, note text, evidence_url text)),
  ins as (
    insert into activity_report (activity_id, school_id, date, status, note, evidence_url)
    select activity_id, school_id, date, status, note, evidence_url from input i
    where not exists (select 1 from activity_report e where e.activity_id = i.activity_id
      and e.school_id = i.school_id and e.date = i.date and e.status = i.status
      and e.note is not distinct from i.note and e.evidence_url is not distinct from i.evidence_url)
    order by i.line returning 1),
  upd as (select 1 where false)
  ${COUNTS}`;

export const writeActivityStatuses: Writer = (db, rows) =>
  inChunks(db, rows as readonly ActivityStatusRow[], STATUSES, (r) => ({
    line: r.line,
    activity_id: r.activityId,
    date: r.date,
    status: r.status,
    note: r.note,
    evidence_url: r.evidenceUrl,
  }));

export const writeActivityReports: Writer = (db, rows) =>
  inChunks(db, rows as readonly ActivityReportRow[], REPORTS, (r) => ({
    line: r.line,
    activity_id: r.activityId,
    school_id: r.schoolId,
    date: r.date,
    status: r.status,
    note: r.note,
    evidence_url: r.evidenceUrl,
  }));
