import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** The one MikroORM configuration: the server, the seeds, the tests and the CLI use it. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}) {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      path: 'schema/migrations',
      pathTs: 'schema/migrations',
      snapshot: false,
      // 140 lines a start otherwise; LOG_MIGRATIONS=1 shows what is applied.
      silent: !['1', 'true', 'yes', 'on'].includes((process.env.LOG_MIGRATIONS ?? '').toLowerCase()),
    },
    pool: { min: 0, max: 20 },
    discovery: { warnWhenNoEntities: true },
    debug: false,
    ...overrides,
  });
}
