/**
 * The one thing the SQL part of analytics needs from a database: run a statement with `$1…$n`
 * parameters (each used once, in order) and get rows; and run a function in a transaction.
 * pg pools and the API's knex both provide it (see the adapters beside the callers).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Minimal shapes of node-postgres we adapt, so this module does not depend on pg's types. */
interface PgClientLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}
interface PgPoolLike extends PgClientLike {
  connect(): Promise<PgClientLike & { release(): void }>;
}

export function fromPgClient(client: PgClientLike): Queryable {
  const q: Queryable = {
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, [...params])).rows as R[],
    // Already inside the caller's transaction: a savepoint would add nothing the caller needs.
    transaction: (fn) => fn(q),
  };
  return q;
}

export function fromPgPool(pool: PgPoolLike): Queryable {
  return {
    query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, [...params])).rows as R[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(fromPgClient(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
