import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { tableFingerprint } from '../support/import.js';

/** kill -9 in the middle of a big import: nothing of it remains, not even an import_log row. */

let fresh: FreshDatabase;
let db: pg.Pool;
let dir: string;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'shnor-kill-'));
});
afterAll(async () => {
  await db.end();
  await fresh.drop();
  await rm(dir, { recursive: true, force: true });
});

/** ≈ 600 000 rows for the demo schools, years 2030–2049: long enough to be killed while it streams. */
async function writeBigFile(file: string): Promise<void> {
  const { rows } = await db.query<{ code: string }>(`select code from school order by code`);
  const out = createWriteStream(file);
  out.write('Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5\n');
  for (let year = 2030; year < 2050; year++) {
    let chunk = '';
    for (const { code } of rows)
      for (const grade of [4, 5, 6, 7, 8])
        for (const s of ['RU', 'MA', 'HI']) chunk += `${year};${code};${grade};${s};20;2;8;7;3\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  await finished(out.end());
}

it('leaves the tables and the import log as they were', async () => {
  const file = join(dir, 'big.csv');
  await writeBigFile(file);
  const before = await tableFingerprint(db, 'vpr_result');
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/import/cli.ts', 'vpr', file],
    { env: { ...process.env, DATABASE_URL: fresh.url }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Mid-file: the import's COPY is running on the server (years not stored yet: straight into vpr_result).
  const database = new URL(fresh.url).pathname.slice(1);
  for (let i = 0; ; i++) {
    const { rows } = await db.query(
      `select 1 from pg_stat_activity where datname = $1 and state = 'active'
         and (query ilike 'copy "import_staging"%' or query ilike 'copy "vpr_result"%')`,
      [database],
    );
    if (rows.length) break;
    if (i > 600) throw new Error('the import never started copying');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGKILL');
  expect(await exited).toBe(null);
  // The server notices the dead client and rolls its transaction back.
  for (let i = 0; i < 200; i++) {
    const { rows } = await db.query(
      `select 1 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and query ilike '%import%'`,
      [database],
    );
    if (!rows.length) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await tableFingerprint(db, 'vpr_result')).toBe(before);
  expect((await db.query(`select count(*)::int as n from import_log`)).rows).toEqual([{ n: 0 }]);
  expect((await db.query(`select count(*)::int as n from vpr_result where year >= 2030`)).rows).toEqual([
    { n: 0 },
  ]);
});
