import os from 'node:os';
import pg from 'pg';
import { loadSeed } from '../seeds/load.js';
import { migrate } from '../schema/migrate.js';
import { serverUrl, withDatabase } from './support/databases.js';

/**
 * `npm run bench:seed`: a fresh database `shnor_bench` on DATABASE_URL's server, migrated and loaded
 * with the national country. The database is left in place for the API benchmark.
 */

const SERVER_URL = serverUrl();
const BENCH_DB = 'shnor_bench';

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(SERVER_URL, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(SERVER_URL, BENCH_DB);
  await migrate(url);

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const report = await loadSeed(pool, { scale: 'national' });
    const { rows } = await pool.query<{ bytes: string; pretty: string }>(
      `select pg_database_size(current_database())::text as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty`,
    );
    const totalRows = Object.values(report.rowCounts).reduce((a, b) => a + b, 0);
    const seconds = report.milliseconds / 1000;
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
          scale: report.scale,
          seed: report.seed,
          checksum: report.checksum,
          seconds,
          rows: totalRows,
          rowsPerSecond: Math.round(totalRows / seconds),
          rowCounts: report.rowCounts,
          tableMilliseconds: report.tableMilliseconds,
          databaseSize: rows[0]?.pretty,
          databaseBytes: Number(rows[0]?.bytes),
        },
        null,
        2,
      ),
    );
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
