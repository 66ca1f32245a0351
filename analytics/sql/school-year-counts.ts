import { type SchoolYearCounts } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { buildCountFrames, readCountFrames } from './count-frames.js';
import { subjectSetKey } from './keys.js';
import { type Queryable } from '../../db/queryable.js';

/**
 * The reduction behind §1: pooled counts per school × year over the methodology's subject sets,
 * one INSERT … SELECT over the raw rows. Built when data changes (for the versions in use) and read
 * by every ranking, so a national list reads 80 000 rows instead of scanning 5 M.
 */
export async function buildSchoolYearCounts(db: Queryable, p: MethodologyParams): Promise<void> {
  const key = subjectSetKey(p);
  const { coreGrades, coreSubjects, ogeSubjects, egeSubjects } = p.indicators;
  await db.query(`delete from school_year_counts where set_key = $1`, [key]);
  // One aggregate per exam, joined: a single hash aggregate over a union of 5 M rows spills to disk.
  await db.query(
    `insert into school_year_counts (set_key, school_id, year, vpr_n2, vpr_n, oge_n2, oge_n, ege_below, ege_n)
     select $1, school_id, year, coalesce(v.n2, 0), coalesce(v.n, 0), coalesce(o.n2, 0), coalesce(o.n, 0),
            coalesce(e.below, 0), coalesce(e.n, 0)
     from (select school_id, year, sum(n2) as n2, sum(participants) as n from vpr_result
           where grade = any($2::int[]) and subject = any($3::subject[]) group by school_id, year) v
     full join (select school_id, year, sum(n2) as n2, sum(participants) as n from oge_result
           where subject = any($4::subject[]) group by school_id, year) o using (school_id, year)
     full join (select school_id, year, sum(below_min) as below, sum(participants) as n from ege_result
           where subject = any($5::subject[]) group by school_id, year) e using (school_id, year)`,
    [key, coreGrades, coreSubjects, ogeSubjects, egeSubjects],
  );
  await buildCountFrames(db, key);
}

/**
 * The counts of some years with the school's place and type: the frame §1–§2 work on. Read from the
 * packed frames; row by row only in a database whose reductions were built before frames existed.
 */
export async function readSchoolYearCounts(
  db: Queryable,
  p: MethodologyParams,
  years: readonly number[],
): Promise<SchoolYearCounts[]> {
  const framed = await readCountFrames(db, subjectSetKey(p), years);
  if (framed) return framed;
  return db.query<SchoolYearCounts & Record<string, unknown>>(
    `select c.school_id as "schoolId", s.municipality_id as "municipalityId", m.region_id as "regionId",
            s.type as "schoolType", c.year, c.vpr_n2 as "vprN2", c.vpr_n as "vprN", c.oge_n2 as "ogeN2",
            c.oge_n as "ogeN", c.ege_below as "egeBelow", c.ege_n as "egeN"
     from school_year_counts c join school s on s.id = c.school_id join municipality m on m.id = s.municipality_id
     where c.set_key = $1 and c.year = any($2::int[])`,
    [subjectSetKey(p), years],
  );
}
