import { type EntityManager } from '@mikro-orm/postgresql';
import { type Viewer } from '../db/viewer.js';
import { type Config } from '../config/settings.js';
import { type Queryable } from '../db/queryable.js';
import { type RequestBudget } from './limits/request-budget.js';
import { type StatementCounter } from '../db/statement-counter.js';
import { type AnalyticsCache } from './services/analytics/cache.js';
import { RequestMemo } from './services/analytics/request-memo.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { type RequestReport } from './ops/request-log.js';

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
  /** The request's part of the log: its id, logger and what its line reports. */
  report?: RequestReport;
}

/** What only a request served over HTTP has (api/app.ts); the export CLI and the demo go without. */
export interface RequestExtras {
  budget?: RequestBudget;
  report?: RequestReport;
}

/**
 * The unit of work is forked on first use: most requests only read through `db`, and a fork per
 * request (identity map, unit of work) was measurable garbage on the light query. A getter on the
 * prototype, because Apollo copies the context's own properties per operation (Object.assign would
 * run an own getter at once).
 */
class RequestContext implements Context {
  memo = new RequestMemo();
  loaders: Loaders;
  private forked: EntityManager | undefined;

  constructor(
    readonly viewer: Viewer,
    readonly db: Queryable,
    private readonly fork: () => EntityManager,
    readonly config: Config,
    readonly statements: StatementCounter,
    readonly analyticsCache: AnalyticsCache,
    extras: RequestExtras,
  ) {
    this.loaders = createLoaders(db, viewer);
    this.budget = extras.budget;
    this.report = extras.report;
  }

  readonly budget?: RequestBudget;
  readonly report?: RequestReport;

  get em(): EntityManager {
    return (this.forked ??= this.fork());
  }
}

/** `db`: the request's Queryable (db/knex-queryable.ts over the request's share of the pool). */
export function createContext(
  db: Queryable,
  fork: () => EntityManager,
  config: Config,
  viewer: Viewer,
  statements: StatementCounter,
  analyticsCache: AnalyticsCache,
  extras: RequestExtras = {},
): Context {
  return new RequestContext(viewer, db, fork, config, statements, analyticsCache, extras);
}
