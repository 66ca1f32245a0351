import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../schema/migrate.js';
import { loadSeed } from '../../seeds/load.js';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * Drops a test database once its connections are gone: a pool's end() can resolve while an idle
 * client is still closing, and a forced drop would then terminate it — an error event in the test
 * process. Waits up to 3 s for them to leave, then forces whatever is left.
 */
export async function dropTestDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = $1`,
      [name],
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

/**
 * A database of a test file's own, migrated and (unless `seed: 'none'`) loaded with the demo
 * country: for tests that write (imports, list workflow) and must not disturb the run's shared one.
 */
export async function createFreshDatabase(options: { seed?: 'demo' | 'none' } = {}): Promise<FreshDatabase> {
  const ADMIN_URL = inject('adminUrl');
  const name = `shnor_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  if (options.seed !== 'none') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      await loadSeed(pool, { scale: 'demo' });
    } finally {
      await pool.end();
    }
  }
  return {
    url: databaseUrl,
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await dropTestDatabase(client, name);
      } finally {
        await client.end();
      }
    },
  };
}
