import { fromPgClient, type Queryable, type Row } from '../../analytics/sql/queryable.js';
import { type Knex } from './database.js';
import { noteStatement } from './statement-counter.js';

interface PgConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * The analytics SQL (with `$n` parameters and array values, which knex.raw would expand) runs on a
 * connection borrowed from the server's own pool, so there is one pool and statements are counted.
 */
export function knexQueryable(knex: Knex): Queryable {
  // knex's client API is untyped (`any`): the connection it lends is a node-postgres client.
  const client = knex.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(c: PgConnection): Promise<void>;
  };
  const borrow = async <T>(fn: (connection: PgConnection) => Promise<T>): Promise<T> => {
    const connection = await client.acquireConnection();
    try {
      return await fn(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  };
  return {
    query: <R extends Row>(sql: string, params: readonly unknown[] = []) =>
      borrow(async (c) => {
        noteStatement();
        return (await c.query(sql, [...params])).rows as R[];
      }),
    transaction: (fn) =>
      borrow(async (c) => {
        await c.query('begin');
        try {
          const counted: PgConnection = { query: (sql, params) => (noteStatement(), c.query(sql, params)) };
          const result = await fn(fromPgClient(counted));
          await c.query('commit');
          return result;
        } catch (error) {
          await c.query('rollback').catch(() => undefined);
          throw error;
        }
      }),
  };
}
