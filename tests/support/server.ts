import { inject } from 'vitest';
import { loadConfig } from '../../api/config.js';
import { type RunningServer, startServer } from '../../api/server.js';

/** The real server on a free port, over the run's fresh database (global-setup.ts). */
export function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  // Development mode unless a test sets the authentication up itself.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', AUTH_DEV_MODE: '1', ...env });
  return startServer(inject('databaseUrl'), config);
}

/** The real server over a database of the test's own (fresh-database.ts). */
export function startTestServerOn(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', AUTH_DEV_MODE: '1', ...env });
  return startServer(databaseUrl, config);
}

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}
