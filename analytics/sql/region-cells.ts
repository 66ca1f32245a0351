import { type RegionCell } from '../frames.js';
import { type Queryable } from '../../db/queryable.js';

/** ВПР totals per region × year × grade × subject over all the region's schools (no minimum N). */
export async function buildRegionCells(db: Queryable): Promise<void> {
  await db.query(`truncate vpr_region_cell`);
  await db.query(
    `insert into vpr_region_cell (region_id, year, grade, subject, participants, n2, n3, n4, n5)
     select m.region_id, v.year, v.grade, v.subject, sum(v.participants), sum(v.n2), sum(v.n3), sum(v.n4), sum(v.n5)
     from vpr_result v join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id
     group by m.region_id, v.year, v.grade, v.subject`,
  );
}

export async function readRegionCells(db: Queryable, years: readonly number[]): Promise<RegionCell[]> {
  const rows = await db.query<{
    region_id: number;
    year: number;
    grade: number;
    subject: string;
    participants: string;
    n2: string;
    n3: string;
    n4: string;
    n5: string;
  }>(
    `select region_id, year, grade, subject::text as subject, participants, n2, n3, n4, n5
     from vpr_region_cell where year = any($1::int[])`,
    [years],
  );
  return rows.map((r) => ({
    regionId: r.region_id,
    year: r.year,
    grade: r.grade,
    subject: r.subject,
    participants: Number(r.participants),
    n2: Number(r.n2),
    n3: Number(r.n3),
    n4: Number(r.n4),
    n5: Number(r.n5),
  }));
}
