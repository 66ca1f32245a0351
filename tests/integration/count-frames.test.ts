import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../../analytics/methodology/params.js';
import { readCountFrames } from '../../analytics/sql/count-frames.js';
import { subjectSetKey } from '../../analytics/sql/keys.js';
import { fromPgPool } from '../../db/queryable.js';
import { testDatabaseUrl } from '../support/server.js';

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());

describe('packed count frames', () => {
  it('unpack to exactly the pooled rows they were built from, with each school’s place and type', async () => {
    const years = [2025, 2026];
    const framed = await readCountFrames(fromPgPool(pool), subjectSetKey(DEFAULT_V1), years);
    const { rows } = await pool.query(
      `select c.school_id, s.municipality_id, m.region_id, s.type::text as type, c.year,
              c.vpr_n2, c.vpr_n, c.oge_n2, c.oge_n, c.ege_below, c.ege_n
       from school_year_counts c join school s on s.id = c.school_id join municipality m on m.id = s.municipality_id
       where c.set_key = $1 and c.year = any($2::int[]) order by c.year, c.school_id`,
      [subjectSetKey(DEFAULT_V1), years],
    );
    expect(rows.length).toBeGreaterThan(1000);
    const sorted = [...(framed ?? [])].sort((a, b) => a.year - b.year || a.schoolId - b.schoolId);
    expect(
      sorted.map((f) => [
        f.schoolId,
        f.municipalityId,
        f.regionId,
        f.schoolType,
        f.year,
        f.vprN2,
        f.vprN,
        f.ogeN2,
        f.ogeN,
        f.egeBelow,
        f.egeN,
      ]),
    ).toEqual(
      rows.map((r) => [
        r.school_id,
        r.municipality_id,
        r.region_id,
        r.type,
        r.year,
        r.vpr_n2,
        r.vpr_n,
        r.oge_n2,
        r.oge_n,
        r.ege_below,
        r.ege_n,
      ]),
    );
  });
});
