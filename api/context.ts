import { type Knex } from '@mikro-orm/postgresql';
import { type Viewer } from './auth/viewer.js';
import { type Config } from './config.js';
import { type StatementCounter } from './db/statement-counter.js';
import { createLoaders, type Loaders } from './loaders/index.js';

/** What every resolver gets: who asks, a database handle, this request's loaders. */
export interface Context {
  viewer: Viewer;
  knex: Knex;
  loaders: Loaders;
  config: Config;
  statements: StatementCounter;
}

export function createContext(
  knex: Knex,
  config: Config,
  viewer: Viewer,
  statements: StatementCounter,
): Context {
  return { viewer, knex, loaders: createLoaders(knex, viewer), config, statements };
}
