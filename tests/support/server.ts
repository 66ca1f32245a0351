import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig } from '../../config/settings.js';
import { type RunningServer, startServer } from '../../api/server.js';

/**
 * A test server's settings: development mode unless a test sets the authentication up itself;
 * silent, also for a test that sets NODE_ENV=production (its request lines would bury the output).
 */
const testConfig = (env: NodeJS.ProcessEnv) =>
  loadConfig({ NODE_ENV: 'test', PORT: '0', AUTH_DEV_MODE: '1', LOG_LEVEL: 'silent', ...env });

/** The real server on a free port, over the run's fresh database (global-setup.ts). */
export function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer(inject('databaseUrl'), testConfig(env));
}

/** The real server over a database of the test's own (fresh-database.ts). */
export function startTestServerOn(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer(databaseUrl, testConfig(env));
}

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/**
 * What most test files share: the real server, started before their tests and closed after, and a
 * pool on the run's database for the SQL that recomputes the expected figures.
 */
export function serverAndDatabase(env: NodeJS.ProcessEnv = {}): {
  server: { readonly url: string };
  db: pg.Pool;
} {
  const db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  let running: RunningServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(env);
  });
  afterAll(async () => {
    await running?.close();
    await db.end();
  });
  const server = {
    get url(): string {
      if (!running) throw new Error('the test server is not started yet (use it inside a test)');
      return running.url;
    },
  };
  return { server, db };
}
