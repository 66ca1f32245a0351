import pg from 'pg';
import { type Knex } from './database.js';
import { PoolShares, RequestEnded, type PoolShareSettings } from './request-budget.js';
import { currentRequest } from './statement-counter.js';

/**
 * Every connection of the server's pool — knex's queries and the `$n` SQL alike — is taken through
 * the budget of the request it is for (request-budget.ts). knex's client API is untyped; these
 * two methods are the only way it lends connections.
 */
interface LendingClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<void>;
}

export interface PoolGuard {
  shares: PoolShares;
  close(): Promise<void>;
}

export function guardPool(knex: Knex, databaseUrl: string, settings: PoolShareSettings): PoolGuard {
  // Cancelling needs a connection outside the pool, which may be full of the statements to cancel.
  const canceller = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 5_000 });
  canceller.on('error', () => undefined);
  const shares = new PoolShares(settings, (connection) => {
    const pid = (connection as unknown as { processID?: number }).processID;
    if (pid) void canceller.query('select pg_cancel_backend($1)', [pid]).catch(() => undefined);
  });
  const client = knex.client as LendingClient;
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  const releases = new WeakMap<pg.Client, () => void>();
  client.acquireConnection = async () => {
    const budget = currentRequest()?.budget;
    if (!budget) return acquire();
    const admitted = await budget.admit();
    try {
      const connection = await acquire();
      if (budget.ended) {
        await release(connection);
        throw new RequestEnded('The request ended while it waited for a connection');
      }
      budget.track(connection);
      releases.set(connection, () => {
        budget.untrack(connection);
        admitted();
      });
      return connection;
    } catch (error) {
      admitted();
      throw error;
    }
  };
  client.releaseConnection = async (connection) => {
    const done = releases.get(connection);
    releases.delete(connection);
    try {
      await release(connection);
    } finally {
      done?.();
    }
  };
  return { shares, close: () => canceller.end() };
}
