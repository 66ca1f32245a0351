import { type MethodologyParams } from '../methodology/params.js';
import { bumpDataVersion, currentDataVersion } from './data-version.js';
import { buildIndicatorSets } from './indicator-sets.js';
import { ensureDefaultMethodology, listMethodologies } from './methodologies.js';
import { markerParamsKey, subjectSetKey } from './keys.js';
import { buildMarkers } from './markers-store.js';
import { type Queryable } from './queryable.js';
import { buildRegionCells } from './region-cells.js';
import { buildSchoolYearCounts } from './school-year-counts.js';

type Kind = 'region_cells' | 'indicator_sets' | 'school_year_counts' | 'markers';

async function timed(db: Queryable, kind: Kind, key: string, version: number, build: () => Promise<unknown>) {
  const started = performance.now();
  await build();
  await db.query(
    `insert into reduction_state (kind, key, data_version, milliseconds) values ($1, $2, $3, $4)
     on conflict (kind, key) do update set data_version = excluded.data_version, built_at = now(), milliseconds = excluded.milliseconds`,
    [kind, key, version, Math.round(performance.now() - started)],
  );
}

/**
 * Called in the transaction of every load or import: bumps the data version and rebuilds the
 * reductions for the given parameter sets (the stored methodology versions), so the next analytics
 * query — cold — reads reduced rows. Sets shared by several versions are built once.
 */
export async function refreshAnalytics(
  db: Queryable,
  paramSets: readonly MethodologyParams[],
): Promise<number> {
  const version = await bumpDataVersion(db);
  await db.query(`delete from reduction_state`);
  await db.query(`delete from school_year_counts`);
  await db.query(`delete from school_year_frame`);
  await db.query(`delete from objectivity_marker`);
  await timed(db, 'region_cells', '-', version, () => buildRegionCells(db));
  await timed(db, 'indicator_sets', '-', version, () => buildIndicatorSets(db));
  for (const p of paramSets) await ensureBuilt(db, p, version);
  return version;
}

async function ensureBuilt(db: Queryable, p: MethodologyParams, version: number): Promise<void> {
  const fresh = await db.query<{ kind: Kind; key: string }>(
    `select kind, key from reduction_state where data_version = $1`,
    [version],
  );
  const has = (kind: Kind, key: string) => fresh.some((r) => r.kind === kind && r.key === key);
  const setKey = subjectSetKey(p);
  if (!has('school_year_counts', setKey)) {
    await timed(db, 'school_year_counts', setKey, version, () => buildSchoolYearCounts(db, p));
  }
  const markerKey = markerParamsKey(p);
  if (!has('markers', markerKey)) await timed(db, 'markers', markerKey, version, () => buildMarkers(db, p));
}

/** The tables of the reductions (for ANALYZE after a load). */
export const ANALYTICS_TABLES = [
  'school_year_counts',
  'vpr_region_cell',
  'objectivity_marker',
  'school_year_indicators',
];

/** What every load or import calls in its transaction: the reductions for every stored methodology version. */
export async function refreshAfterWrite(db: Queryable): Promise<number> {
  // Group-bys over millions of rows: enough memory to hash instead of sorting on disk, for this transaction only.
  await db.query(`set local work_mem = '256MB'`);
  await ensureDefaultMethodology(db);
  const versions = await listMethodologies(db);
  return refreshAnalytics(
    db,
    versions.map((v) => v.params),
  );
}

/**
 * Before analytics reads with parameters whose reductions may not exist (a what-if, a new version):
 * builds what is missing for the current data version, once, under a lock.
 */
export async function ensureReductions(db: Queryable, p: MethodologyParams): Promise<void> {
  const version = await currentDataVersion(db);
  const [state] = await db.query<{ n: number }>(
    `select count(*)::int as n from reduction_state
     where data_version = $1 and ((kind = 'school_year_counts' and key = $2) or (kind = 'markers' and key = $3))`,
    [version, subjectSetKey(p), markerParamsKey(p)],
  );
  if (state?.n === 2) return;
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('analytics-reductions'))`);
    // Building reductions for a what-if scans the raw rows: longer than a request's statement timeout.
    await tx.query(`set local statement_timeout = 0`);
    await ensureBuilt(tx, p, await currentDataVersion(tx));
  });
}
