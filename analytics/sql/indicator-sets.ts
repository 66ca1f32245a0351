import { type SchoolYearIndicators } from '../frames.js';
import { type Queryable } from '../../db/queryable.js';

/** All indicators of a school × year in one jsonb row: a risk profile of a country reads 40 000 rows per year. */
export async function buildIndicatorSets(db: Queryable): Promise<void> {
  await db.query(`truncate school_year_indicators`);
  await db.query(
    `insert into school_year_indicators (school_id, year, values)
     select school_id, year, jsonb_object_agg(code, value) from indicator_value group by school_id, year`,
  );
}

export async function readIndicatorSets(
  db: Queryable,
  years: readonly number[],
  schoolIds?: readonly number[],
): Promise<SchoolYearIndicators[]> {
  const rows = await db.query<{
    school_id: number;
    region_id: number;
    year: number;
    values: Record<string, number>;
  }>(
    `select i.school_id, m.region_id, i.year, i.values
     from school_year_indicators i join school s on s.id = i.school_id join municipality m on m.id = s.municipality_id
     where i.year = any($1::int[])${schoolIds ? ' and i.school_id = any($2::int[])' : ''}`,
    schoolIds ? [years, schoolIds] : [years],
  );
  return rows.map((r) => ({ schoolId: r.school_id, regionId: r.region_id, year: r.year, values: r.values }));
}
