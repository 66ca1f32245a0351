import { type ActivityRecordStatus } from '../../../analytics/support/status.js';
import { type Queryable } from '../../../db/queryable.js';
import { sql } from '../../../db/sql.js';

/**
 * The rows «the cycle closed» reads for the listed schools of a support year y as of D (issue 13
 * item 5): their municipalities' roadmaps of y with the activities' status records, and their
 * curators and partners over the window [start, D]. One statement each, for a whole list; the
 * documents are read by monitoring's own statement (monitoring-read.ts).
 */

export interface CycleActivityRow {
  /** Null for a roadmap without activities (one row for it, so it still counts as a roadmap). */
  id: string | null;
  roadmapId: string;
  municipalityId: number;
  due: string | null;
}

/** The municipalities' own roadmaps of y and their activities (a school's or the region's are not theirs). */
export function readMunicipalActivities(db: Queryable, municipalityIds: readonly number[], year: number) {
  return db.query<CycleActivityRow>(
    sql`select a.id::text as id, r.id::text as "roadmapId", r.municipality_id as "municipalityId", a.due::text as due
      from roadmap r left join activity a on a.roadmap_id = r.id
      where r.level = 'MUNICIPALITY' and r.list_year = ${year} and r.municipality_id = any(${municipalityIds}::int[])
      order by r.id, a.ordinal`,
  );
}

export function readMunicipalStatusRecords(
  db: Queryable,
  municipalityIds: readonly number[],
  year: number,
  asOf: string,
) {
  return db.query<{ activityId: string; date: string; seq: number; status: ActivityRecordStatus }>(
    sql`select x.activity_id::text as "activityId", x.date::text as date, x.seq::float8 as seq, x.status
      from roadmap r join activity a on a.roadmap_id = r.id join activity_status_record x on x.activity_id = a.id
      where r.level = 'MUNICIPALITY' and r.list_year = ${year} and r.municipality_id = any(${municipalityIds}::int[])
        and x.date <= ${asOf}::date`,
  );
}

/** A period of an assignment or partnership; whether it held in the window is heldDuring's to say. */
interface Held {
  validFrom: string;
  validTo: string | null;
}

/** CURATOR assignments of the schools that may have held in [start, D] (they overlap it). */
export function readCuratorsDuring(db: Queryable, schoolIds: readonly number[], start: string, asOf: string) {
  return db.query<Held & { schoolId: number; fullName: string; key: string }>(
    sql`select a.school_id as "schoolId", a.person_full_name as "fullName", a.person_key as key,
        a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
      from assignment a where a.kind = 'CURATOR' and a.school_id = any(${schoolIds}::int[])
        and a.valid_from <= ${asOf}::date and (a.valid_to is null or a.valid_to >= ${start}::date)
      order by a.school_id, a.valid_from, a.id`,
  );
}

/** Partnerships of the schools (as the listed school) that overlap [start, D]. */
export function readPartnersDuring(db: Queryable, schoolIds: readonly number[], start: string, asOf: string) {
  return db.query<Held & { schoolId: number; code: string; name: string }>(
    sql`select p.listed_school_id as "schoolId", s.code, s.name,
        p.valid_from::text as "validFrom", p.valid_to::text as "validTo"
      from partnership p join school s on s.id = p.partner_school_id
      where p.listed_school_id = any(${schoolIds}::int[])
        and p.valid_from <= ${asOf}::date and (p.valid_to is null or p.valid_to >= ${start}::date)
      order by p.listed_school_id, s.code`,
  );
}

/** D: the day a list was made, where its region is (its time zone). */
export async function listDay(db: Queryable, listId: string): Promise<string> {
  const [row] = await db.query<{ day: string }>(
    sql`select (l.created_at at time zone g.time_zone)::date::text as day
      from shnor_list l join region g on g.id = l.region_id where l.id = ${listId}::bigint`,
  );
  return (row as { day: string }).day;
}
