import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { type Config } from '../config/settings.js';
import { openDatabase } from '../schema/database.js';
import { StartupError } from '../db/preflight.js';

/** A port in use is the operator's to fix: say which, and how. */
function listenError(error: Error, config: Config): Error {
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    return new StartupError(
      `port ${config.port} on ${config.host} is in use (another server running?): stop it, or start with PORT=<another port>`,
    );
  }
  return error;
}

export interface RunningServer {
  url: string;
  /**
   * Graceful: stops accepting, lets in-flight requests finish within `graceMs`, cancels the
   * statements of those still running, then closes the connections and the pool.
   */
  close(graceMs?: number): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens. Used by main.ts and the tests. */
export async function startServer(
  databaseUrl: string,
  config: Config,
  /** Runs after migrations, before the server listens (e.g. loading demo data). */
  prepare?: () => Promise<void>,
): Promise<RunningServer> {
  const orm = await openDatabase(databaseUrl, config.limits.statementTimeoutMs, config.pool.size);
  await prepare?.();
  const { app, stop, draining, cancelAll } = await createApp(orm, config, databaseUrl);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) =>
      error ? reject(listenError(error, config)) : resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: async (graceMs = 0) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await draining.start(graceMs);
      cancelAll();
      server.closeAllConnections();
      await closed;
      await stop();
      await orm.close(true);
    },
  };
}
