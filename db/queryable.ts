import { compile, isSql, type Compiled, type Sql } from './sql.js';

/**
 * The one contract below every layer that reads or writes PostgreSQL: run a statement and get rows;
 * run a function in a transaction. A statement is a fragment composed with `sql` (db/sql.ts) — the
 * way every statement with variable parts is built — or constant text with `$1…$n` parameters.
 * pg pools and clients (here) and the server's pool (db/knex-queryable.ts) provide it.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** A statement composed with `sql`: its values are sent as `$1…$n`. */
  query<R extends object = Row>(statement: Sql): Promise<R[]>;
  /** A constant statement with `$1…$n` parameters (each used once, in order). */
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Either form of `query` as text and values. */
export function statementOf(statement: string | Sql, params: readonly unknown[] = []): Compiled {
  if (!isSql(statement)) return { text: statement, values: [...params] };
  if (params.length > 0) throw new TypeError('query(fragment) takes its values from the fragment');
  return compile(statement);
}

/** `query` of a Queryable over a function that runs one statement's text and values. */
export function queryOver(run: (text: string, values: unknown[]) => Promise<Row[]>): Queryable['query'] {
  return (<R extends object>(statement: string | Sql, params?: readonly unknown[]) => {
    const { text, values } = statementOf(statement, params);
    return run(text, values) as Promise<R[]>;
  }) as Queryable['query'];
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
    query: queryOver(async (text, values) => (await client.query(text, values)).rows),
    // Already inside the caller's transaction: a savepoint would add nothing the caller needs.
    transaction: (fn) => fn(q),
  };
  return q;
}

export function fromPgPool(pool: PgPoolLike): Queryable {
  return {
    query: queryOver(async (text, values) => (await pool.query(text, values)).rows),
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
