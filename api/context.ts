import { type EntityManager } from '@mikro-orm/postgresql';
import { type Viewer } from '../db/viewer.js';
import { type Config } from '../config/settings.js';
import { type Queryable } from '../db/queryable.js';
import { type RequestBudget } from './limits/request-budget.js';
import { type StatementCounter } from '../db/statement-counter.js';
import { type AnalyticsCache } from './services/analytics/cache.js';
import { RequestMemo } from './services/analytics/request-memo.js';
import { createLoaders, type Loaders } from './loaders/index.js';

/** What every resolver gets: who asks, the database handle, this request's loaders. */
export interface Context {
  viewer: Viewer;
  /** The one database handle: statements composed with `sql` (db/sql.ts), on the server's pool. */
  db: Queryable;
  /**
   * This request's own unit of work, a fresh `orm.em.fork()` on the same pool: writes of domain
   * objects go through it (schema/entities); lists, statistics and analytics read through `db`.
   */
  em: EntityManager;
  analyticsCache: AnalyticsCache;
  /** what this request has already looked up (versions, methodologies) */
  memo: RequestMemo;
  loaders: Loaders;
  config: Config;
  statements: StatementCounter;
  /** The request's share of the pool; the request checks record its estimated cost there. */
  budget?: RequestBudget;
}

/** `db`: the request's Queryable (db/knex-queryable.ts over the request's share of the pool). */
export function createContext(
  db: Queryable,
  em: EntityManager,
  config: Config,
  viewer: Viewer,
  statements: StatementCounter,
  analyticsCache: AnalyticsCache,
  budget?: RequestBudget,
): Context {
  return {
    viewer,
    db,
    em,
    analyticsCache,
    memo: new RequestMemo(),
    loaders: createLoaders(db, viewer),
    config,
    statements,
    budget,
  };
}
