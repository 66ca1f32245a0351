import { type MikroORM } from '@mikro-orm/postgresql';
import { openMigrated } from './migrate.js';
import { assertDatabaseExists } from '../db/preflight.js';
import { countStatementsOf } from '../db/statement-counter.js';

export type Orm = MikroORM;
export type { Knex } from '@mikro-orm/postgresql';

/** How the server's connections name themselves in pg_stat_activity (and in PostgreSQL's logs). */
export const APPLICATION_NAME = 'shnor-analytics';

/**
 * Connects, applies pending migrations, and counts statements per request. Every statement of the
 * server is cut off after `statementTimeoutMs` (0 = none), so no query can hold a connection forever.
 * The knex pool of this ORM is the server's one pool: a request's `ctx.db` borrows from it and its
 * `ctx.em` (a fresh `orm.em.fork()`, api/app.ts) runs on it.
 */
export async function openDatabase(url: string, statementTimeoutMs = 0, poolSize = 20): Promise<Orm> {
  await assertDatabaseExists(url);
  const orm = await openMigrated(url, {
    driverOptions: {
      connection: { statement_timeout: statementTimeoutMs, application_name: APPLICATION_NAME },
    },
    pool: { min: 0, max: poolSize },
  });
  countStatementsOf(orm.em.getKnex());
  return orm;
}

export async function isReachable(orm: Orm): Promise<boolean> {
  try {
    await orm.em.getKnex().raw('select 1');
    return true;
  } catch {
    return false;
  }
}
