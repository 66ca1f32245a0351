import pg from 'pg';
import { type ConnectionSource } from '../../db/knex-queryable.js';
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

export interface PoolGuard {
  shares: PoolShares;
  /**
   * The connections of one request: the server's pool, every connection taken through the request's
   * budget (request-budget.ts). A lender only — a whole knex per request was garbage to collect.
   */
  knexFor(budget: RequestBudget): ConnectionSource;
  /** The pool now, for /metrics: connections in use, idle, waited for, and its size. */
  usage(): { used: number; free: number; pending: number; size: number };
  close(): Promise<void>;
}

/** The part of knex's pool (tarn) that tells its use; untyped in knex's client. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

export function guardPool(
  knex: Knex,
  databaseUrl: string,
  settings: PoolShareSettings,
  /** Told how long each statement waited for its connection (its shares, then the pool), for /metrics. */
  onWait: (seconds: number) => void = () => undefined,
): PoolGuard {
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

  const knexFor = (budget: RequestBudget): ConnectionSource => {
    const releases = new Map<pg.Client, () => void>();
    const acquireConnection = async () => {
      const asked = performance.now();
      const admitted = await budget.admit();
      try {
        const connection = await acquire();
        onWait((performance.now() - asked) / 1000);
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
    const releaseConnection = async (connection: pg.Client) => {
      const done = releases.get(connection);
      releases.delete(connection);
      try {
        await release(connection);
      } finally {
        done?.();
      }
    };
    return { client: { acquireConnection, releaseConnection } };
  };
  const usage = () => {
    const tarn = (knex.client as { pool?: TarnPool }).pool;
    if (!tarn) return { used: 0, free: 0, pending: 0, size: settings.size };
    return { used: tarn.numUsed(), free: tarn.numFree(), pending: tarn.numPendingAcquires(), size: tarn.max };
  };
  return { shares, knexFor, usage, close: () => canceller.end() };
}
