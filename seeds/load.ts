import type pg from 'pg';
import { fromPgClient } from '../db/queryable.js';
import { ANALYTICS_TABLES, refreshAfterWrite } from '../analytics/sql/refresh.js';
import { copyRows, quoteIdent } from '../db/copy.js';
import { ChecksumBuilder } from './checksum.js';
import { generateCountry } from './generate.js';
import { DEFAULT_SEED, type ScaleName } from './model.js';
import { DOMAIN_TABLES } from './tables.js';

/**
 * Loads a generated country into a migrated database in one transaction: truncate the domain
 * tables, COPY every table (ids assigned by the generator), set the sequences, write the planted
 * truth and a manifest. The checksum is computed from the very bytes sent to COPY.
 */

export interface SeedReport {
  scale: ScaleName;
  seed: number;
  checksum: string;
  /** Rows copied per table, seed_truth included. */
  rowCounts: Record<string, number>;
  /** Wall time of the whole load (generation streams into COPY, so they overlap), analyze included. */
  milliseconds: number;
  /** Wall time per table (generation + COPY). */
  tableMilliseconds: Record<string, number>;
}

export interface SeedManifest {
  scale: ScaleName;
  seed: number;
  checksum: string;
}

// Not domain tables (no migration): they sit beside the data so tests can score the methodology.
const CREATE_SIDE_TABLES = [
  `create table if not exists seed_truth (school_code text not null, kind text not null, years smallint[] not null)`,
  `create table if not exists seed_manifest (scale text not null, seed int not null, checksum text not null, row_counts jsonb not null, loaded_at timestamptz not null default now())`,
];

const SERIAL_TABLES = ['region', 'municipality', 'school'] as const;

export async function loadSeed(
  pool: pg.Pool,
  options: { scale: ScaleName; seed?: number },
): Promise<SeedReport> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const country = generateCountry({ scale: options.scale, seed });
  const checksum = new ChecksumBuilder();
  const rowCounts: Record<string, number> = {};
  const tableMilliseconds: Record<string, number> = {};
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const sql of CREATE_SIDE_TABLES) await client.query(sql);
    const truncated = [...DOMAIN_TABLES, 'seed_truth', 'seed_manifest'].map(quoteIdent).join(', ');
    await client.query(`truncate ${truncated} restart identity cascade`);
    for (const table of country.tables) {
      const tableStarted = performance.now();
      checksum.table(table.name, table.columns);
      rowCounts[table.name] = await copyRows(client, table.name, table.columns, table.rows(), {
        onChunk: (chunk) => checksum.update(chunk),
        // Every table was truncated above, in this transaction, so FREEZE is allowed.
        freeze: true,
      });
      tableMilliseconds[table.name] = Math.round(performance.now() - tableStarted);
    }
    for (const table of SERIAL_TABLES) {
      // Explicit ids were copied; the sequences must continue after them for later inserts.
      await client.query(
        `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${quoteIdent(table)}), 1), (select count(*) > 0 from ${quoteIdent(table)}))`,
        [table],
      );
    }
    // The reductions analytics reads are rebuilt in the same transaction: data and derived rows change together.
    const refreshStarted = performance.now();
    await refreshAfterWrite(fromPgClient(client));
    tableMilliseconds.analytics = Math.round(performance.now() - refreshStarted);
    const digest = checksum.digest();
    await client.query(
      `insert into seed_manifest (scale, seed, checksum, row_counts, loaded_at) values ($1, $2, $3, $4, now())`,
      [country.scale, seed, digest, JSON.stringify(rowCounts)],
    );
    await client.query('commit');
    // Fresh statistics, so the first queries after a load get sensible plans.
    const analyzeStarted = performance.now();
    await client.query(
      `analyze ${[...DOMAIN_TABLES, ...ANALYTICS_TABLES, 'seed_truth'].map(quoteIdent).join(', ')}`,
    );
    tableMilliseconds.analyze = Math.round(performance.now() - analyzeStarted);
    return {
      scale: country.scale,
      seed,
      checksum: digest,
      rowCounts,
      milliseconds: Math.round(performance.now() - started),
      tableMilliseconds,
    };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** What was loaded last, or null when nothing was (no manifest table, or an empty one). */
export async function seedManifest(pool: pg.Pool): Promise<SeedManifest | null> {
  const exists = await pool.query<{ t: string | null }>(`select to_regclass('seed_manifest')::text as t`);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await pool.query<SeedManifest>(
    `select scale, seed, checksum from seed_manifest order by loaded_at desc limit 1`,
  );
  return rows[0] ?? null;
}
