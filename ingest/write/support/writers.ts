import { type Queryable } from '../../../db/queryable.js';
import { type AssignmentRow } from '../../formats/support/assignments.js';
import { type SupportRow } from '../../formats/support/common.js';
import { type DiagnosticRow } from '../../formats/support/diagnostics.js';
import { type PartnershipRow } from '../../formats/support/partnerships.js';
import { type SupportImportKind } from '../../formats/types.js';

/**
 * The write of each support-list kind: the validated rows as one jsonb parameter per chunk, matched
 * to the stored rows by natural key; a stored row with other values is updated, a new key
 * inserted, the rest counted unchanged. Importing the same file again changes nothing.
 */

export interface SupportWriteCounts {
  inserted: number;
  updated: number;
}

type Writer = (db: Queryable, rows: readonly SupportRow[]) => Promise<SupportWriteCounts>;

const CHUNK = 5000;

async function inChunks<T>(
  db: Queryable,
  rows: readonly T[],
  statement: string,
  toJson: (row: T) => object,
): Promise<SupportWriteCounts> {
  const total = { inserted: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map(toJson);
    const [counts] = await db.query<SupportWriteCounts>(statement, [JSON.stringify(chunk)]);
    total.inserted += counts?.inserted ?? 0;
    total.updated += counts?.updated ?? 0;
  }
  return total;
}

const COUNTS = `select (select count(*) from ins)::int as inserted, (select count(*) from upd)::int as updated`;

/** Key: kind, person key, municipality, school, from; values: full name, to. */
const ASSIGNMENTS = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(kind text, person_full_name text, person_key text,
      region_id int, municipality_id int, school_id int, valid_from date, valid_to date)),
  matched as (
    select i.*, e.id as stored_id,
      (e.person_full_name, e.valid_to) is distinct from (i.person_full_name, i.valid_to) as differs
    from input i left join lateral (
      select a.id, a.person_full_name, a.valid_to from assignment a
      where a.kind = i.kind and a.person_key = i.person_key and a.municipality_id = i.municipality_id
        and a.school_id is not distinct from i.school_id and a.valid_from = i.valid_from
      order by a.id limit 1) e on true),
  upd as (
    update assignment a set person_full_name = m.person_full_name, valid_to = m.valid_to
    from matched m where a.id = m.stored_id and m.differs returning 1),
  ins as (
    insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to)
    select kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to
    from matched where stored_id is null returning 1)
  ${COUNTS}`;

/** Key: listed school, partner school, from; value: to. */
const PARTNERSHIPS = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(listed_school_id int, partner_school_id int,
      valid_from date, valid_to date)),
  matched as (
    select i.*, e.id as stored_id, e.valid_to is distinct from i.valid_to as differs
    from input i left join lateral (
      select p.id, p.valid_to from partnership p
      where p.listed_school_id = i.listed_school_id and p.partner_school_id = i.partner_school_id
        and p.valid_from = i.valid_from
      order by p.id limit 1) e on true),
  upd as (
    update partnership p set valid_to = m.valid_to from matched m where p.id = m.stored_id and m.differs returning 1),
  ins as (
    insert into partnership (listed_school_id, partner_school_id, valid_from, valid_to)
    select listed_school_id, partner_school_id, valid_from, valid_to from matched where stored_id is null returning 1)
  ${COUNTS}`;

/** The table's unique key (school, grade, subject, stage, date); values: the counts. */
const DIAGNOSTICS = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(school_id int, grade smallint, subject text, stage text,
      date date, participants int, n2 int, n3 int, n4 int, n5 int)),
  matched as (
    select i.*, e.id as stored_id,
      (e.participants, e.n2, e.n3, e.n4, e.n5) is distinct from (i.participants, i.n2, i.n3, i.n4, i.n5) as differs
    from input i left join diagnostic e on e.school_id = i.school_id and e.grade = i.grade
      and e.subject = i.subject and e.stage = i.stage and e.date = i.date),
  upd as (
    update diagnostic d set participants = m.participants, n2 = m.n2, n3 = m.n3, n4 = m.n4, n5 = m.n5
    from matched m where d.id = m.stored_id and m.differs returning 1),
  ins as (
    insert into diagnostic (school_id, grade, subject, stage, date, participants, n2, n3, n4, n5)
    select school_id, grade, subject, stage, date, participants, n2, n3, n4, n5
    from matched where stored_id is null returning 1)
  ${COUNTS}`;

export const SUPPORT_WRITERS: Readonly<Record<SupportImportKind, Writer>> = {
  assignments: (db, rows) =>
    inChunks(db, rows as readonly AssignmentRow[], ASSIGNMENTS, (r) => ({
      kind: r.kind,
      person_full_name: r.personFullName,
      person_key: r.personKey,
      region_id: r.regionId,
      municipality_id: r.municipalityId,
      school_id: r.schoolId,
      valid_from: r.validFrom,
      valid_to: r.validTo,
    })),
  partnerships: (db, rows) =>
    inChunks(db, rows as readonly PartnershipRow[], PARTNERSHIPS, (r) => ({
      listed_school_id: r.listedSchoolId,
      partner_school_id: r.partnerSchoolId,
      valid_from: r.validFrom,
      valid_to: r.validTo,
    })),
  diagnostics: (db, rows) =>
    inChunks(db, rows as readonly DiagnosticRow[], DIAGNOSTICS, (r) => ({
      school_id: r.schoolId,
      grade: r.grade,
      subject: r.subject,
      stage: r.stage,
      date: r.date,
      participants: r.participants,
      n2: r.n2,
      n3: r.n3,
      n4: r.n4,
      n5: r.n5,
    })),
};
