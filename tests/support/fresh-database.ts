import pg from 'pg';
import { migrate } from '../../schema/migrate.js';
import { loadSeed } from '../../seeds/load.js';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A database of a test file's own, migrated and (unless `seed: 'none'`) loaded with the demo
 * country: for tests that write (imports, list workflow) and must not disturb the run's shared one.
 */
export async function createFreshDatabase(options: { seed?: 'demo' | 'none' } = {}): Promise<FreshDatabase> {
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
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
