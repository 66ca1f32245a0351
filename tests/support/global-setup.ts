import pg from 'pg';
import { type TestProject } from 'vitest/node';
import { migrate } from '../../schema/migrate.js';
import { loadSeed } from '../../seeds/load.js';
import { databaseServer } from './database-server.js';
import { dropTestDatabase } from './fresh-database.js';

/**
 * One fresh PostgreSQL database per test run, migrated and loaded with the demo country; dropped at
 * the end. The server under test is real; so is its database.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Where tests create databases of their own (fresh-database.ts). */
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await databaseServer();
  const ADMIN_URL = server.adminUrl;
  console.log(`test databases on ${server.kind} PostgreSQL ${new URL(ADMIN_URL).host}`);
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
  project.provide('adminUrl', ADMIN_URL);

  return async () => {
    await dropTestDatabase(admin, name);
    await admin.end();
    await server.stop();
  };
}
