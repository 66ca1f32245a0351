import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { type Config } from '../config/settings.js';
import { openDatabase } from '../schema/database.js';
import { StartupError } from '../db/preflight.js';

/** A port in use (or not allowed, or an address not of this machine) is the operator's to fix: say which, and how. */
function listenError(error: Error, config: Config): Error {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `port ${config.port} on ${config.host} is in use: set PORT=<another port> (or stop the process using it)`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `port ${config.port} on ${config.host} is not allowed for this user (EACCES): set PORT=<a port above 1023>`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new StartupError(
      `HOST «${config.host}» is not an address of this machine (${code}): set HOST to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0`,
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
