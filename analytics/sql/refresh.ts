import { type MethodologyParams } from '../methodology/params.js';
import { bumpDataVersion, currentDataVersion } from '../../db/data-version.js';
import { buildIndicatorSets } from './indicator-sets.js';
import { ensureDefaultMethodology, listMethodologies } from './methodologies.js';
import { markerParamsKey, subjectSetKey } from './keys.js';
import { buildMarkers } from './markers-store.js';
import { queryOver, type Queryable } from '../../db/queryable.js';
import { buildRegionCells } from './region-cells.js';
import { buildSchoolYearCounts } from './school-year-counts.js';

type Kind = 'region_cells' | 'indicator_sets' | 'school_year_counts' | 'markers';
/** The reductions that depend on the methodology's parameters, in the order their locks are taken. */
type ParamsKind = 'school_year_counts' | 'markers';
const PARAMS_KINDS: readonly ParamsKind[] = ['school_year_counts', 'markers'];

/**
 * Locking (issue 9). Readers of reductions take no lock at all. Every load or import refreshes under
 * the import's lock, exclusive; a build of reductions for one parameter set holds it shared — a
 * what-if only if it is free at once — so builds never overlap a refresh, and builds of different
 * parameter sets run side by side. A reduction being built or evicted holds its own lock.
 */
const IMPORT_LOCK = `hashtext('shnor-import')`;
const reductionLock = (kind: ParamsKind, key: string) => `analytics-reductions:${kind}:${key}`;

async function timed(db: Queryable, kind: Kind, key: string, version: number, build: () => Promise<unknown>) {
  const started = performance.now();
  await build();
  await db.query(
    `insert into reduction_state (kind, key, data_version, milliseconds) values ($1, $2, $3, $4)
     on conflict (kind, key) do update set data_version = excluded.data_version, built_at = now(),
       last_used_at = now(), milliseconds = excluded.milliseconds`,
    [kind, key, version, Math.round(performance.now() - started)],
  );
}

/**
 * Called in the transaction of every load or import: bumps the data version and rebuilds the
 * reductions for the given parameter sets (the stored methodology versions), so the next analytics
 * query — cold — reads reduced rows. Sets shared by several versions are built once. What-if
 * reductions are dropped with the rest: they were of the old data.
 */
export async function refreshAnalytics(
  db: Queryable,
  paramSets: readonly MethodologyParams[],
): Promise<number> {
  // Waits for builds in flight (a what-if's are bounded by its timeout) and keeps new ones out until
  // commit. An import already holds it; loads and tests that refresh directly take it here.
  await db.query(`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
  const version = await bumpDataVersion(db);
  await db.query(`delete from reduction_state`);
  await db.query(`delete from school_year_counts`);
  await db.query(`delete from school_year_frame`);
  await db.query(`delete from objectivity_marker`);
  await timed(db, 'region_cells', '-', version, () => buildRegionCells(db));
  await timed(db, 'indicator_sets', '-', version, () => buildIndicatorSets(db));
  for (const p of paramSets) {
    for (const kind of await missingReductions(db, p, version)) await buildOne(db, p, kind, version);
  }
  return version;
}

function keyOf(p: MethodologyParams, kind: ParamsKind): string {
  return kind === 'school_year_counts' ? subjectSetKey(p) : markerParamsKey(p);
}

function buildOne(db: Queryable, p: MethodologyParams, kind: ParamsKind, version: number): Promise<void> {
  return timed(db, kind, keyOf(p, kind), version, () =>
    kind === 'school_year_counts' ? buildSchoolYearCounts(db, p) : buildMarkers(db, p),
  );
}

/** The reductions of a parameter set not built for the data version (current one unless given). */
export async function missingReductions(
  db: Queryable,
  p: MethodologyParams,
  version?: number,
): Promise<ParamsKind[]> {
  const v = version ?? (await currentDataVersion(db));
  const fresh = await db.query<{ kind: ParamsKind }>(
    `select kind from reduction_state
     where data_version = $1 and ((kind = 'school_year_counts' and key = $2) or (kind = 'markers' and key = $3))`,
    [v, subjectSetKey(p), markerParamsKey(p)],
  );
  return PARAMS_KINDS.filter((kind) => !fresh.some((r) => r.kind === kind));
}

/**
 * A what-if read its reductions: they become the most recently used. Never waits — a row being
 * rebuilt or evicted at this moment is skipped.
 */
export async function touchReductions(db: Queryable, p: MethodologyParams): Promise<void> {
  await db.query(
    `update reduction_state set last_used_at = now()
     where (kind, key) in (select kind, key from reduction_state
       where (kind = 'school_year_counts' and key = $1) or (kind = 'markers' and key = $2)
       for update skip locked)`,
    [subjectSetKey(p), markerParamsKey(p)],
  );
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

/** How a what-if's reductions are built (config/settings.ts `whatIf`). */
export interface WhatIfBuild {
  /** statement_timeout of the build and a deadline for the whole of it, in ms; 0: none. */
  timeoutMs: number;
  /** Reductions of each kind kept for parameter sets that are no stored version (at least 1). */
  keep: number;
}

/** A what-if build refused because an import is refreshing the reductions: retry once it has committed. */
export class ReductionsBusyError extends Error {
  constructor() {
    super('An import is refreshing the analytics reductions');
    this.name = 'ReductionsBusyError';
  }
}

/** Raised like PostgreSQL's statement_timeout (SQLSTATE 57014), so callers treat both alike. */
function timeoutError(ms: number): Error {
  return Object.assign(new Error(`the what-if build ran longer than ${ms} ms`), { code: '57014' });
}

/** The transaction, refusing every statement once the deadline has passed (the build then rolls back). */
function withDeadline(tx: Queryable, timeoutMs: number): Queryable {
  if (timeoutMs <= 0) return tx;
  const deadline = performance.now() + timeoutMs;
  const bounded: Queryable = {
    query: queryOver((text, values) =>
      performance.now() > deadline ? Promise.reject(timeoutError(timeoutMs)) : tx.query(text, values),
    ),
    transaction: (fn) => fn(bounded),
  };
  return bounded;
}

/**
 * Builds what is missing of a parameter set's reductions for the current data version, in one
 * transaction: either all of it or nothing. `stored`: a methodology version (no time limit, kept);
 * a what-if is bounded by its timeout, refused while an import refreshes (ReductionsBusyError), and
 * evicts the least recently used what-if reductions beyond `keep` in the same transaction.
 * Two builds of the same reduction wait for each other; builds of different ones do not.
 */
export async function buildReductions(
  db: Queryable,
  p: MethodologyParams,
  how: { stored: true } | ({ stored: false } & WhatIfBuild),
): Promise<void> {
  await db.transaction(async (outer) => {
    const tx = how.stored ? outer : withDeadline(outer, how.timeoutMs);
    const timeout = how.stored ? 0 : Math.max(0, Math.floor(how.timeoutMs));
    // A stored version's first build scans the raw rows: longer than a request's statement timeout.
    await tx.query(`set local statement_timeout = ${timeout}`);
    if (how.stored) {
      await tx.query(`select pg_advisory_xact_lock_shared(${IMPORT_LOCK})`);
    } else {
      const [lock] = await tx.query<{ ok: boolean }>(
        `select pg_try_advisory_xact_lock_shared(${IMPORT_LOCK}) as ok`,
      );
      if (!lock?.ok) throw new ReductionsBusyError();
    }
    const version = await currentDataVersion(tx);
    for (const kind of await missingReductions(tx, p, version)) {
      await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [reductionLock(kind, keyOf(p, kind))]);
      // Whoever held the lock may have built it meanwhile.
      if ((await missingReductions(tx, p, version)).includes(kind)) await buildOne(tx, p, kind, version);
    }
    if (!how.stored) {
      await touchReductions(tx, p);
      await evictWhatIfs(tx, p, how.keep);
    }
  });
}

/**
 * Deletes the reductions of parameter sets that are no stored version, beyond the `keep` most
 * recently used of each kind (those of `p`, just built or read, always count as kept). One being
 * built or evicted by another transaction at this moment is left alone.
 */
async function evictWhatIfs(tx: Queryable, p: MethodologyParams, keep: number): Promise<void> {
  const versions = await listMethodologies(tx);
  const rows = await tx.query<{ kind: ParamsKind; key: string }>(
    `select kind, key from reduction_state where kind in ('school_year_counts', 'markers')
     order by last_used_at desc, built_at desc, key`,
  );
  for (const kind of PARAMS_KINDS) {
    const stored = new Set(versions.map((v) => keyOf(v.params, kind)));
    const current = keyOf(p, kind);
    const others = rows.filter((r) => r.kind === kind && r.key !== current && !stored.has(r.key));
    const room = Math.max(keep, 1) - (stored.has(current) ? 0 : 1);
    for (const { key } of others.slice(Math.max(room, 0))) {
      const [lock] = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(hashtext($1)) as ok`, [
        reductionLock(kind, key),
      ]);
      if (!lock?.ok) continue;
      if (kind === 'school_year_counts') {
        await tx.query(`delete from school_year_frame where set_key = $1`, [key]);
        await tx.query(`delete from school_year_counts where set_key = $1`, [key]);
      } else {
        await tx.query(`delete from objectivity_marker where params_key = $1`, [key]);
      }
      await tx.query(`delete from reduction_state where kind = $1 and key = $2`, [kind, key]);
    }
  }
}

/**
 * Before analytics reads with a stored version whose reductions may not exist (one stored after
 * the last load): builds what is missing, once (otherwise one cheap check).
 */
export async function ensureReductions(db: Queryable, p: MethodologyParams): Promise<void> {
  if ((await missingReductions(db, p)).length === 0) return;
  await buildReductions(db, p, { stored: true });
}
