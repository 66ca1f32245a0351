import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { type Config } from './config.js';
import { openDatabase } from './db/database.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens. Used by main.ts and the tests. */
export async function startServer(
  databaseUrl: string,
  config: Config,
  /** Runs after migrations, before the server listens (e.g. loading demo data). */
  prepare?: () => Promise<void>,
): Promise<RunningServer> {
  const orm = await openDatabase(databaseUrl, config.limits.statementTimeoutMs);
  await prepare?.();
  const { app, stop } = await createApp(orm, config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await stop();
      await orm.close(true);
    },
  };
}
