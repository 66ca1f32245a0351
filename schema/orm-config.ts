import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrationsLogged } from '../config/settings.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { ProjectMigrationGenerator } from './migration-generator.js';

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
      // What the entities were when the last migration was created: `npm run migration:create`
      // diffs the entities against it (schema/migration-create.ts), `npm run schema:check` checks it.
      snapshot: true,
      snapshotName: '.snapshot-shnor',
      // A generated migration never drops a table: those without an entity are written in SQL only.
      dropTables: false,
      generator: ProjectMigrationGenerator,
      // 140 lines a start otherwise; LOG_MIGRATIONS=1 shows what is applied.
      silent: !migrationsLogged(),
    },
    pool: { min: 0, max: 20 },
    discovery: { warnWhenNoEntities: true },
    debug: false,
    ...overrides,
  });
}
