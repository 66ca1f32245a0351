import { type AssignmentRow } from '../../formats/support/assignments.js';
import { type DiagnosticRow } from '../../formats/support/diagnostics.js';
import { type PartnershipRow } from '../../formats/support/partnerships.js';
import { type OrderRow } from '../../formats/support/orders.js';
import { type SupportImportKind } from '../../formats/types.js';
import { writeDocuments } from './documents.js';
import { writeEvents } from './events.js';
import { writeActivityReports, writeActivityStatuses } from './records.js';
import { COUNTS, inChunks, type Writer } from './write-common.js';

/** The write of each support-list kind (write-common.ts: how they match stored rows). */

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

/** Key: region, municipality, number, date; values: issuer, title, the basis as written. */
const ORDERS = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(region_id int, municipality_id int, number text, date date,
      issuer text, title text, basis_number text, basis_date date, basis_issuer text)),
  matched as (
    select i.*, e.id as stored_id,
      (e.issuer, e.title, e.basis_number, e.basis_date, e.basis_issuer)
        is distinct from (i.issuer, i.title, i.basis_number, i.basis_date, i.basis_issuer) as differs
    from input i left join lateral (
      select o.id, o.issuer, o.title, o.basis_number, o.basis_date, o.basis_issuer from support_order o
      where o.region_id = i.region_id and o.municipality_id is not distinct from i.municipality_id
        and o.number = i.number and o.date = i.date
      order by o.id limit 1) e on true),
  upd as (
    -- a basis given as text replaces a stored basis order (the table keeps one or the other)
    update support_order o set issuer = m.issuer, title = m.title, basis_number = m.basis_number,
      basis_date = m.basis_date, basis_issuer = m.basis_issuer,
      basis_order_id = case when m.basis_number is null then o.basis_order_id end
    from matched m where o.id = m.stored_id and m.differs returning 1),
  ins as (
    insert into support_order (region_id, municipality_id, number, date, issuer, title, basis_number, basis_date, basis_issuer)
    select region_id, municipality_id, number, date, issuer, title, basis_number, basis_date, basis_issuer
    from matched where stored_id is null returning 1)
  ${COUNTS}`;

export const SUPPORT_WRITERS: Readonly<Record<SupportImportKind, Writer>> = {
  orders: (db, rows) =>
    inChunks(db, rows as readonly OrderRow[], ORDERS, (r) => ({
      region_id: r.regionId,
      municipality_id: r.municipalityId,
      number: r.number,
      date: r.date,
      issuer: r.issuer,
      title: r.title,
      basis_number: r.basisNumber,
      basis_date: r.basisDate,
      basis_issuer: r.basisIssuer,
    })),
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
  documents: writeDocuments,
  'activity-statuses': writeActivityStatuses,
  'activity-reports': writeActivityReports,
  events: writeEvents,
};
