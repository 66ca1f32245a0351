import { type EventRow } from '../../formats/support/events.js';
import { CHUNK, type Writer } from './write-common.js';

/**
 * Events: matched by organiser, kind, date and title; level, participants and the schools reached
 * are the values. A new or changed event gets its schools written again as a whole (deleted and
 * inserted in two statements: one statement may not delete and insert the same key).
 */

const UPSERT = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(line int, kind text, date date, level text, region_id int,
      municipality_id int, school_id int, title text, participants int, schools int[])),
  matched as (
    select i.*, e.id as stored_id,
      (e.level, e.participants, e.schools) is distinct from (i.level, i.participants, i.schools) as differs
    from input i left join lateral (
      select v.id, v.level, v.participants,
        array(select es.school_id from support_event_school es where es.event_id = v.id order by es.school_id) as schools
      from support_event v
      where v.region_id = i.region_id and v.municipality_id is not distinct from i.municipality_id
        and v.school_id is not distinct from i.school_id and v.kind = i.kind and v.date = i.date and v.title = i.title
      order by v.id limit 1) e on true),
  upd as (
    update support_event v set level = m.level, participants = m.participants
    from matched m where v.id = m.stored_id and m.differs returning v.id),
  ins as (
    insert into support_event (kind, date, level, region_id, municipality_id, school_id, title, participants)
    select kind, date, level, region_id, municipality_id, school_id, title, participants
    from matched where stored_id is null order by line
    returning id, kind, date, region_id, municipality_id, school_id, title)
  select coalesce(m.stored_id, n.id)::text as id, m.stored_id is null as inserted,
    m.stored_id is not null and m.differs as updated, m.schools
  from matched m left join ins n on m.stored_id is null and n.kind = m.kind and n.date = m.date
    and n.region_id = m.region_id and n.municipality_id is not distinct from m.municipality_id
    and n.school_id is not distinct from m.school_id and n.title = m.title`;

const CLEAR_SCHOOLS = `delete from support_event_school where event_id = any($1::bigint[])`;
const ADD_SCHOOLS = `insert into support_event_school (event_id, school_id)
  select x.event_id, unnest(x.schools) from jsonb_to_recordset($1::jsonb) as x(event_id bigint, schools int[])`;

export const writeEvents: Writer = async (db, rows) => {
  const total = { inserted: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = (rows.slice(start, start + CHUNK) as unknown as readonly EventRow[]).map((r) => ({
      line: r.line,
      kind: r.kind,
      date: r.date,
      level: r.level,
      region_id: r.regionId,
      municipality_id: r.municipalityId,
      school_id: r.schoolId,
      title: r.title,
      participants: r.participants,
      schools: r.schoolIds,
    }));
    const written = await db.query<{ id: string; inserted: boolean; updated: boolean; schools: number[] }>(
      UPSERT,
      [JSON.stringify(chunk)],
    );
    const changed = written.filter((w) => w.inserted || w.updated);
    total.inserted += changed.filter((w) => w.inserted).length;
    total.updated += changed.filter((w) => w.updated).length;
    if (!changed.length) continue;
    await db.query(CLEAR_SCHOOLS, [changed.map((w) => w.id)]);
    await db.query(ADD_SCHOOLS, [
      JSON.stringify(changed.map((w) => ({ event_id: w.id, schools: w.schools }))),
    ]);
  }
  return total;
};
