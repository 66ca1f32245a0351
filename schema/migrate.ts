import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Options } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.js';

/** Applies pending migrations and returns the connected ORM (callers that only migrate close it). */
export async function openMigrated(databaseUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, overrides));
  await orm.getMigrator().up();
  return orm;
}

/** Applies pending migrations: the server at start, the seeds, the tests and the benchmarks. */
export async function migrate(databaseUrl: string): Promise<void> {
  const orm = await openMigrated(databaseUrl);
  await orm.close(true);
}
