import pg from 'pg';
import { fromPgClient, type Queryable, type Row } from './queryable.js';
import { type Knex } from '@mikro-orm/postgresql';
import { noteStatement } from './statement-counter.js';

/**
 * node-postgres' own parsers. MikroORM gives its connections overrides that keep timestamps as text
 * (for its own hydration); rows read here must look the same as through a plain pg pool (a Date).
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

/** A node-postgres connection of the server's pool for the duration of `fn` (COPY and `$n` SQL need one). */
export async function withPgConnection<T>(knex: Knex, fn: (connection: pg.Client) => Promise<T>): Promise<T> {
  // knex's client API is untyped (`any`): the connection it lends is a node-postgres client.
  const pool = knex.client as {
    acquireConnection(): Promise<pg.Client>;
    releaseConnection(c: pg.Client): Promise<void>;
  };
  const connection = await pool.acquireConnection();
  try {
    return await fn(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * The analytics SQL (with `$n` parameters and array values, which knex.raw would expand) runs on a
 * connection borrowed from the server's own pool, so there is one pool and statements are counted.
 */
export function knexQueryable(knex: Knex): Queryable {
  return {
    query: <R extends Row>(sql: string, params: readonly unknown[] = []) =>
      withPgConnection(knex, async (c) => (await run(c, sql, params)).rows as R[]),
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
