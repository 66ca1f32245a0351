import pg from 'pg';
import { type TestProject } from 'vitest/node';
import { migrate } from '../../schema/migrate.js';
import { loadSeed } from '../../seeds/load.js';
import { dropTestDatabase } from './fresh-database.js';

/**
 * One fresh PostgreSQL database per test run, migrated and loaded with the demo country; dropped at
 * the end. The server under test is real; so is its database.
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const name = `shnor_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  await migrate(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await loadSeed(pool, { scale: 'demo' });
  await pool.end();
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    await dropTestDatabase(admin, name);
    await admin.end();
  };
}
