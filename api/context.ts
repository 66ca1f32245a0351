import { type Knex } from '@mikro-orm/postgresql';
import { type Viewer } from '../db/viewer.js';
import { type Config } from '../config/settings.js';
import { type Queryable } from '../db/queryable.js';
import { knexQueryable } from '../db/knex-queryable.js';
import { type RequestBudget } from './limits/request-budget.js';
import { type StatementCounter } from '../db/statement-counter.js';
import { type AnalyticsCache } from './services/analytics/cache.js';
import { createLoaders, type Loaders } from './loaders/index.js';

/** What every resolver gets: who asks, a database handle, this request's loaders. */
export interface Context {
  viewer: Viewer;
  knex: Knex;
  /** The same pool, for the analytics SQL (`$n` parameters). */
  db: Queryable;
  analyticsCache: AnalyticsCache;
  loaders: Loaders;
  config: Config;
  statements: StatementCounter;
  /** The request's share of the pool; the request checks record its estimated cost there. */
  budget?: RequestBudget;
}

export function createContext(
  knex: Knex,
  config: Config,
  viewer: Viewer,
  statements: StatementCounter,
  analyticsCache: AnalyticsCache,
  budget?: RequestBudget,
): Context {
  const db = knexQueryable(knex);
  return {
    viewer,
    knex,
    db,
    analyticsCache,
    loaders: createLoaders(knex, db, viewer),
    config,
    statements,
    budget,
  };
}
