import pg from 'pg';
import { fromPgClient, queryOver, type Queryable, type Row } from './queryable.js';
import { type Knex } from '@mikro-orm/postgresql';
import { noteStatement } from './statement-counter.js';

/**
 * node-postgres' own parsers. MikroORM gives its connections overrides that keep timestamps as text
 * (for its own hydration); rows read here must look the same as through a plain pg pool (a Date).
 * Every statement of the API runs here, so this is the one place that knows.
 */
const PG_TYPES = { getTypeParser: pg.types.getTypeParser };

function send(connection: pg.Client, sql: string, params: readonly unknown[] = []) {
  return connection.query({ text: sql, values: [...params], types: PG_TYPES });
}

/** A statement of the request's own, counted (begin/commit/rollback are sent uncounted). */
function run(connection: pg.Client, sql: string, params: readonly unknown[] = []) {
  noteStatement();
  return send(connection, sql, params);
}

/**
 * What lends connections: a knex (its client), or a request's lender over the same pool
 * (api/limits/pool-guard.ts) — nothing else of knex is used here.
 */
export interface ConnectionSource {
  // knex's client API is untyped (`any`): the connection it lends is a node-postgres client.
  client: {
    acquireConnection(): Promise<pg.Client>;
    releaseConnection(c: pg.Client): Promise<void>;
  };
}

/** A node-postgres connection of the server's pool for the duration of `fn` (COPY and `$n` SQL need one). */
export async function withPgConnection<T>(
  knex: Knex | ConnectionSource,
  fn: (connection: pg.Client) => Promise<T>,
): Promise<T> {
  const pool = (knex as ConnectionSource).client;
  const connection = await pool.acquireConnection();
  try {
    return await fn(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** Lends a connection of the server's pool for the duration of `fn` (COPY needs one of its own). */
export type LendConnection = <T>(fn: (connection: pg.Client) => Promise<T>) => Promise<T>;

export function connectionLender(knex: Knex): LendConnection {
  return (fn) => withPgConnection(knex, fn);
}

/**
 * THE Queryable of the server: every read and write of the API runs on a connection borrowed from
 * the pool MikroORM's knex owns (there is one pool; api/limits/pool-guard.ts shares it out), with
 * node-postgres' parsers, and counted as a statement of the request.
 */
export function knexQueryable(knex: Knex | ConnectionSource): Queryable {
  return {
    query: queryOver((text, values) =>
      withPgConnection(knex, async (c) => (await run(c, text, values)).rows as Row[]),
    ),
    transaction: (fn) =>
      withPgConnection(knex, async (c) => {
        await send(c, 'begin');
        try {
          const result = await fn(fromPgClient({ query: (sql, params) => run(c, sql, params) }));
          await send(c, 'commit');
          return result;
        } catch (error) {
          await send(c, 'rollback').catch(() => undefined);
          throw error;
        }
      }),
  };
}
