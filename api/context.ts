import { type Knex } from '@mikro-orm/postgresql';
import { type Viewer } from './auth/viewer.js';
import { type Config } from './config.js';
import { type Queryable } from '../analytics/sql/queryable.js';
import { knexQueryable } from './db/queryable.js';
import { type StatementCounter } from './db/statement-counter.js';
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
}

export function createContext(
  knex: Knex,
  config: Config,
  viewer: Viewer,
  statements: StatementCounter,
  analyticsCache: AnalyticsCache,
): Context {
  const db = knexQueryable(knex);
  return { viewer, knex, db, analyticsCache, loaders: createLoaders(knex, db, viewer), config, statements };
}
