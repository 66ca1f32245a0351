import { loadDatabaseSettings } from '../config/settings.js';
import { runMain, UsageError } from '../config/operator-error.js';
import { checkSchema } from './schema-diff.js';

/**
 * `npm run schema:check [-- --write-snapshot]`: migrates DATABASE_URL, then compares every entity
 * (schema/entities) with its table and the migrations snapshot with the entities. Exit 0 when
 * they agree, 1 with every difference and the SQL that would remove it. `--write-snapshot` writes
 * the snapshot from the entities once they agree with the tables (after a hand-written migration).
 */
async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--write-snapshot');
  if (unknown.length)
    throw new UsageError(
      `unexpected «${unknown.join(' ')}»; usage: npm run schema:check [-- --write-snapshot]`,
    );
  const { databaseUrl } = loadDatabaseSettings();
  const where = new URL(databaseUrl);
  const database = `${where.host}${where.pathname}`;
  const result = await checkSchema(databaseUrl, { writeSnapshot: argv.includes('--write-snapshot') });
  let code = 0;
  if (result.differences.length) {
    code = 1;
    console.error(
      `schema:check: ${result.differences.length} difference(s) between the entities (schema/entities) and the migrated tables of ${database}:`,
    );
    for (const d of result.differences) console.error(`  - ${d}`);
    if (result.sql) {
      console.error(
        `What would make the tables match the entities (npm run migration:create writes a migration; review it):`,
      );
      for (const line of result.sql.split('\n')) console.error(`  ${line}`);
    }
  } else {
    console.log(
      `schema:check: the ${result.tables.length} entity tables agree with ${database} (${result.tables.join(', ')}).`,
    );
  }
  if (result.wrote) console.log(`schema:check: wrote ${result.wrote} from the entities.`);
  const snapshot = result.snapshotDifferences;
  if (snapshot === undefined) {
    code = 1;
    console.error(
      'schema:check: no migrations snapshot: run `npm run schema:check -- --write-snapshot` once the tables agree.',
    );
  } else if (snapshot.length) {
    code = 1;
    console.error(
      `schema:check: the migrations snapshot differs from the entities in ${snapshot.length} place(s):`,
    );
    for (const d of snapshot) console.error(`  - ${d}`);
    console.error(
      '  An entity changed without a migration: `npm run migration:create`. A hand-written migration already made the change: `npm run schema:check -- --write-snapshot`.',
    );
  } else {
    console.log('schema:check: the migrations snapshot agrees with the entities.');
  }
  return code;
}

// A wrong setting or an unreachable database: its sentence, no stack (config/operator-error.ts).
runMain('schema:check', () => main(process.argv.slice(2)));
