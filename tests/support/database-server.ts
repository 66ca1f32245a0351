import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the tests create and drop their databases, and how to stop it if the run started it. */
export interface DatabaseServer {
  /** A superuser URL on the `postgres` database. */
  adminUrl: string;
  /** 'given' (TEST_DATABASE_ADMIN_URL), 'local' (127.0.0.1:5432) or 'embedded' (started for this run). */
  kind: 'given' | 'local' | 'embedded';
  stop(): Promise<void>;
}

const LOCAL = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * TEST_DATABASE_ADMIN_URL when set; else a PostgreSQL on 127.0.0.1:5432 with trust authentication
 * when one answers; else — or always with TEST_EMBEDDED_PG=1 — the embedded PostgreSQL that
 * `npm start` uses, in a temporary folder, stopped and removed at the end of the run.
 */
export async function databaseServer(): Promise<DatabaseServer> {
  const given = process.env.TEST_DATABASE_ADMIN_URL;
  if (given) return { adminUrl: given, kind: 'given', stop: async () => undefined };
  if (process.env.TEST_EMBEDDED_PG !== '1' && (await answers(LOCAL))) {
    return { adminUrl: LOCAL, kind: 'local', stop: async () => undefined };
  }
  const { startEmbeddedPostgres } = await import('../../db/embedded.js');
  const dir = await mkdtemp(join(tmpdir(), 'shnor-test-pg-'));
  const embedded = await startEmbeddedPostgres(dir, await freePort());
  const url = new URL(embedded.url);
  url.pathname = '/postgres';
  return {
    adminUrl: url.toString(),
    kind: 'embedded',
    stop: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
