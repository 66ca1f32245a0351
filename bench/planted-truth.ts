import pg from 'pg';
import { DEFAULT_V1 } from '../analytics/methodology/params.js';
import { computeShnorCandidates } from '../analytics/shnor/index.js';
import { readMarkers } from '../analytics/sql/markers-store.js';
import { fromPgPool } from '../db/queryable.js';
import { readSchoolYearCounts } from '../analytics/sql/school-year-counts.js';
import { coreMarkedSchoolYears } from '../analytics/markers/index.js';
import { benchDatabaseUrl } from './support/databases.js';

/**
 * `npm run bench:truth`: does default-v1 recover what the seed planted? For every list year y:
 * schools planted low in y and y − 1 (PERSISTENTLY_LOW, and IMPROVING in its low years) against
 * the ELIGIBLE/REVIEW statuses; planted INFLATED schools against the schools carrying any marker in y.
 */
const url = benchDatabaseUrl();
const pool = new pg.Pool({ connectionString: url });
const db = fromPgPool(pool);

const truth = await db.query<{ id: number; kind: string; years: number[] }>(
  `select s.id, t.kind, t.years from seed_truth t join school s on s.code = t.school_code`,
);
const years = (
  await db.query<{ year: number }>(`select distinct year from school_year_counts order by year`)
).map((r) => r.year);
const markers = await readMarkers(db, DEFAULT_V1, null);
const coreMarked = coreMarkedSchoolYears(markers, DEFAULT_V1);

const score = (flagged: Set<number>, planted: Set<number>) => {
  const hit = [...flagged].filter((id) => planted.has(id)).length;
  return {
    flagged: flagged.size,
    planted: planted.size,
    hit,
    precision: +(hit / flagged.size).toFixed(3),
    recall: +(hit / planted.size).toFixed(3),
  };
};

const rows = [];
for (const year of years.slice(1)) {
  const counts = await readSchoolYearCounts(db, DEFAULT_V1, [year - 1, year]);
  const candidates = computeShnorCandidates({
    year,
    counts,
    markedSchoolYears: coreMarked,
    params: DEFAULT_V1,
  });
  const listed = new Set(
    candidates.filter((c) => c.status === 'ELIGIBLE' || c.status === 'REVIEW').map((c) => c.schoolId),
  );
  const plantedLow = new Set(
    truth
      .filter((t) => t.kind !== 'INFLATED' && t.years.includes(year) && t.years.includes(year - 1))
      .map((t) => t.id),
  );
  const marked = new Set(markers.filter((m) => m.year === year).map((m) => m.schoolId));
  const inflated = new Set(
    truth.filter((t) => t.kind === 'INFLATED' && t.years.includes(year)).map((t) => t.id),
  );
  const review = candidates.filter((c) => c.status === 'REVIEW').length;
  rows.push({
    year,
    low: score(listed, plantedLow),
    markers: score(marked, inflated),
    review,
    coreMarkedSchools: [...coreMarked].filter((k) => k.endsWith(`:${year}`)).length,
  });
}
console.log(JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
await pool.end();
