import { computeMarkers, type Marker } from '../markers/index.js';
import { type MethodologyParams } from '../methodology/params.js';
import { markerParamsKey } from './keys.js';
import { readMarkerCandidates } from './marker-cells.js';
import { type Queryable } from '../../db/queryable.js';
import { sql } from '../../db/sql.js';
import { readRegionCells } from './region-cells.js';

/** Computes the markers of every year for one marker parameter set and stores them under its key. */
export async function buildMarkers(db: Queryable, p: MethodologyParams): Promise<number> {
  const key = markerParamsKey(p);
  const cells = await readMarkerCandidates(db, p);
  const years = [...new Set(cells.map((c) => c.year))];
  const markers = computeMarkers(cells, await readRegionCells(db, years), p);
  await db.query(`delete from objectivity_marker where params_key = $1`, [key]);
  if (markers.length === 0) return 0;
  await db.query(
    `insert into objectivity_marker (params_key, school_id, year, grade, subject, code, value, threshold, region_value, detail, figures)
     select $1, * from unnest($2::int[], $3::int[], $4::int[], $5::subject[], $6::text[], $7::float8[], $8::float8[], $9::float8[], $10::text[], $11::jsonb[])`,
    [
      key,
      markers.map((m) => m.schoolId),
      markers.map((m) => m.year),
      markers.map((m) => m.grade),
      markers.map((m) => m.subject),
      markers.map((m) => m.code),
      markers.map((m) => m.value),
      markers.map((m) => m.threshold),
      markers.map((m) => m.regionValue),
      markers.map((m) => m.detail),
      markers.map((m) => JSON.stringify(m.figures)),
    ],
  );
  return markers.length;
}

/** Markers of some years (all schools or some), as computed for the parameter set. */
export async function readMarkers(
  db: Queryable,
  p: MethodologyParams,
  years: readonly number[] | null,
  schoolIds?: readonly number[],
): Promise<Marker[]> {
  const where = sql.where([
    sql`params_key = ${markerParamsKey(p)}`,
    years && sql`year = any(${[...years]}::int[])`,
    schoolIds && sql`school_id = any(${[...schoolIds]}::int[])`,
  ]);
  return db.query<Marker>(
    sql`select school_id as "schoolId", year, grade, subject::text as subject, code, value, threshold,
            region_value as "regionValue", detail, figures
     from objectivity_marker ${where}
     order by school_id, year, grade, subject, code`,
  );
}
