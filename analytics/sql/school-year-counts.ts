import { type SchoolYearCounts } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { buildCountFrames, readCountFrames } from './count-frames.js';
import { subjectSetKey } from './keys.js';
import { type Queryable } from './queryable.js';

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

interface CountsRow {
  school_id: number;
  municipality_id: number;
  region_id: number;
  type: string;
  year: number;
  vpr_n2: number;
  vpr_n: number;
  oge_n2: number;
  oge_n: number;
  ege_below: number;
  ege_n: number;
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
  const rows = await db.query<CountsRow & Record<string, unknown>>(
    `select c.school_id, s.municipality_id, m.region_id, s.type, c.year,
            c.vpr_n2, c.vpr_n, c.oge_n2, c.oge_n, c.ege_below, c.ege_n
     from school_year_counts c join school s on s.id = c.school_id join municipality m on m.id = s.municipality_id
     where c.set_key = $1 and c.year = any($2::int[])`,
    [subjectSetKey(p), years],
  );
  return rows.map((r) => ({
    schoolId: r.school_id,
    municipalityId: r.municipality_id,
    regionId: r.region_id,
    schoolType: r.type,
    year: r.year,
    vprN2: r.vpr_n2,
    vprN: r.vpr_n,
    ogeN2: r.oge_n2,
    ogeN: r.oge_n,
    egeBelow: r.ege_below,
    egeN: r.ege_n,
  }));
}
