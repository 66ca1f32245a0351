import { createRequire } from 'node:module';
import pg from 'pg';
import { type Knex } from '../../schema/database.js';
import { PoolShares, RequestEnded, type PoolShareSettings, type RequestBudget } from './request-budget.js';

/**
 * knex lends connections through these two methods of its client only — to knexQueryable (every
 * statement of a request) and to MikroORM alike. knex's client API is untyped; this is the part we use.
 */
interface LendingClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<void>;
}

/**
 * knex's own factory of a knex function over a client (what its transactions use). `withUserParams`
 * would do the same but deep-copies the client: 0.6 ms a request against 0.08 ms here. Untyped.
 */
const makeKnex = createRequire(import.meta.url)('knex/lib/knex-builder/make-knex.js') as (
  client: object,
) => Knex;

/** A knex over a client of its own that shares the server's pool, config and statement counting. */
function knexOverOwnClient(knex: Knex): Knex {
  const client = Object.create(knex.client as object) as { _events: object; _eventsCount: number };
  // Its own event table: makeKnex subscribes to the client, which must not grow the shared one.
  client._events = Object.create(null) as object;
  client._eventsCount = 0;
  const own = makeKnex(client);
  for (const listener of knex.listeners('query')) own.on('query', listener as (...args: unknown[]) => void);
  return own;
}

export interface PoolGuard {
  shares: PoolShares;
  /**
   * A knex for one request: the server's pool, every connection taken through the request's budget
   * (request-budget.ts).
   */
  knexFor(budget: RequestBudget): Knex;
  close(): Promise<void>;
}

export function guardPool(knex: Knex, databaseUrl: string, settings: PoolShareSettings): PoolGuard {
  // Cancelling needs a connection outside the pool, which may be full of the statements to cancel.
  const canceller = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    idleTimeoutMillis: 5_000,
    application_name: 'shnor-analytics cancel',
  });
  canceller.on('error', () => undefined);
  const shares = new PoolShares(settings, (connection) => {
    const pid = (connection as unknown as { processID?: number }).processID;
    if (pid) void canceller.query('select pg_cancel_backend($1)', [pid]).catch(() => undefined);
  });
  const base = knex.client as LendingClient;
  const acquire = base.acquireConnection.bind(base);
  const release = base.releaseConnection.bind(base);

  const knexFor = (budget: RequestBudget): Knex => {
    const own = knexOverOwnClient(knex);
    const client = own.client as LendingClient;
    const releases = new Map<pg.Client, () => void>();
    client.acquireConnection = async () => {
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
    return own;
  };
  return { shares, knexFor, close: () => canceller.end() };
}
