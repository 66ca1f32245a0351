import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Role, type Viewer } from '../db/viewer.js';
import { runImport } from '../ingest/import.js';
import { migrate } from '../schema/migrate.js';
import { serverUrl, withDatabase } from './support/databases.js';
import { benchSchools, loadNationalRegistry, writeVprFiles } from './support/import-data.js';

/**
 * `npm run bench:import`: a fresh `shnor_import_bench` with the national school registry (40 000
 * schools, no results), then
 *  1. a ВПР CSV of one new year (≈1.2 M rows) imported through the library (all inserts), timed
 *     with and without the analytics refresh;
 *  2. psql \copy of the same rows, in table form, into a copy of vpr_result (same indexes, same
 *     foreign key) — the floor the import is compared with;
 *  3. a ≈1 GB export-like CSV (extra, ignored columns) imported by the CLI in a child process,
 *     its peak RSS measured by /usr/bin/time. `BENCH_IMPORT_BIG=0` skips it.
 * `BENCH_IMPORT_STAGED=1` keeps step 1 on the staging path (no direct COPY into vpr_result).
 */

const SERVER_URL = serverUrl();
const BENCH_DB = 'shnor_import_bench';
const DIR = process.env.BENCH_DIR ?? os.tmpdir();

const seconds = (ms: number) => Math.round(ms) / 1000;
const perSecond = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(SERVER_URL, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  const url = withDatabase(SERVER_URL, BENCH_DB);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await loadNationalRegistry(client);
    const schools = await benchSchools(client);
    const csvFile = join(DIR, 'bench-vpr-2030.csv');
    const copyFile = join(DIR, 'bench-vpr-2030.tsv');
    const generated = await writeVprFiles(schools, [2030], csvFile, copyFile, false);
    await client.query('analyze');

    const viewer: Viewer = { id: 'bench', role: Role.MINISTRY, scope: { kind: 'ALL' } };
    const report = await runImport(client, {
      kind: 'vpr',
      fileName: 'bench-vpr-2030.csv',
      source: { open: () => createReadStream(csvFile, { highWaterMark: 1 << 16 }) },
      viewer,
      stagedOnly: process.env.BENCH_IMPORT_STAGED === '1',
    });
    if (report.status !== 'ACCEPTED')
      throw new Error(`refused: ${JSON.stringify(report.errors.slice(0, 5))}`);
    const importMs = report.milliseconds - report.refreshMilliseconds;

    await client.query(`create table vpr_copy (like vpr_result including all)`);
    await client.query(
      `alter table vpr_copy add foreign key (school_id) references school (id) on update cascade on delete cascade`,
    );
    const copyStarted = performance.now();
    execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy vpr_copy from '${copyFile}'`]);
    const copyMs = performance.now() - copyStarted;

    const result: Record<string, unknown> = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      rows: generated.rows,
      csvMB: Math.round(generated.csvBytes / 2 ** 20),
      import: {
        seconds: seconds(importMs),
        rowsPerSecond: perSecond(generated.rows, importMs),
        withRefreshSeconds: seconds(report.milliseconds),
        withRefreshRowsPerSecond: perSecond(generated.rows, report.milliseconds),
        refreshSeconds: seconds(report.refreshMilliseconds),
        stagingSeconds: seconds(report.stagingMilliseconds),
        upsertSeconds: seconds(report.writeMilliseconds),
        foreignKeyTriggers: report.foreignKeyTriggers,
        path: report.path,
      },
      psqlCopy: { seconds: seconds(copyMs), rowsPerSecond: perSecond(generated.rows, copyMs) },
      importOverCopy: Math.round((importMs / copyMs) * 100) / 100,
    };
    await rm(copyFile);

    if (process.env.BENCH_IMPORT_BIG !== '0') {
      const bigFile = join(DIR, 'bench-vpr-big.csv');
      const big = await writeVprFiles(schools, [2031, 2032, 2033, 2034], bigFile, null, true);
      const bytes = (await stat(bigFile)).size;
      const started = performance.now();
      const child = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          'maxrss_kb=%M',
          process.execPath,
          '--import',
          '@swc-node/register/esm-register',
          'api/import/cli.ts',
          'vpr',
          bigFile,
        ],
        { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' },
      );
      const ms = performance.now() - started;
      const rss = /maxrss_kb=(\d+)/.exec(child.stderr)?.[1];
      // The same runtime doing nothing: node + the TypeScript loader (@swc-node/register) every npm script uses.
      const idle = spawnSync(
        '/usr/bin/time',
        ['-f', 'maxrss_kb=%M', process.execPath, '--import', '@swc-node/register/esm-register', '-e', '0'],
        { encoding: 'utf8' },
      );
      const idleRss = /maxrss_kb=(\d+)/.exec(idle.stderr)?.[1];
      result.bigFile = {
        rows: big.rows,
        bytes,
        MB: Math.round(bytes / 2 ** 20),
        exitCode: child.status,
        cliSeconds: seconds(ms),
        report: child.stdout.split('\n').filter((l) => l.trim()),
        peakRssMB: rss ? Math.round(Number(rss) / 1024) : null,
        idleRuntimeRssMB: idleRss ? Math.round(Number(idleRss) / 1024) : null,
      };
      await rm(bigFile);
    }
    await rm(csvFile);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
