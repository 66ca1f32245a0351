import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_DATABASE_URL } from '../config/settings.js';
import { runMain, UsageError } from '../config/operator-error.js';
import { formatted, migrationSuffix, migrationTimestamp } from './migration-generator.js';
import { MIGRATIONS } from './migrations/index.js';
import { ormConfig } from './orm-config.js';
import { readSnapshot, snapshotPath } from './schema-diff.js';

/**
 * `npm run migration:create [-- --name RegionPhone]`: diffs the entities (schema/entities) against
 * the migrations snapshot and writes what changed as a new migration in schema/migrations/, listed
 * in its index.ts, and the snapshot of the entities beside it. No database is needed. Nothing
 * changed: says so and exits 0. Then: review the SQL, `npm run schema:check`.
 */
const DIR = 'schema/migrations';

/** After the last listed migration, so that names sort as they run even with a clock behind. */
function nextClassName(name: string | undefined, now = new Date()): string {
  const last = MIGRATIONS.at(-1)?.name.match(/^Migration(\d{14})/)?.[1];
  let stamp = migrationTimestamp(now);
  if (last && stamp <= last) {
    const [y, mo, d, h, mi, s] = (last.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/) ?? [])
      .slice(1)
      .map(Number);
    stamp = migrationTimestamp(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s! + 1)));
  }
  return `Migration${stamp}${migrationSuffix(name)}`;
}

/** Adds the migration to the hand-kept list of schema/migrations/index.ts (imports, then MIGRATIONS). */
async function register(className: string): Promise<void> {
  const file = join(DIR, 'index.ts');
  const text = await readFile(file, 'utf8');
  const imports = [
    ...text.matchAll(/^import \{ Migration\d{14}\w* \} from '\.\/Migration\d{14}\w*\.js';$/gm),
  ];
  const lastImport = imports.at(-1);
  const close = text.lastIndexOf('];');
  if (!lastImport || close < 0)
    throw new Error(`${file}: no migration imports or no MIGRATIONS list to add ${className} to`);
  const afterImport = (lastImport.index ?? 0) + lastImport[0].length;
  const next =
    text.slice(0, afterImport) +
    `\nimport { ${className} } from './${className}.js';` +
    text.slice(afterImport, close) +
    `  { name: '${className}', class: ${className} },\n` +
    text.slice(close);
  await writeFile(file, await formatted(next, file));
}

function parseArgs(argv: readonly string[]): { name?: string } {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === '--name' && /^[A-Za-z][A-Za-z0-9_-]*$/.test(argv[1] ?? ''))
    return { name: argv[1] };
  throw new UsageError(
    `unexpected «${argv.join(' ')}»; usage: npm run migration:create [-- --name RegionPhone]`,
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const { name } = parseArgs(argv);
  // The snapshot is the "from" side: MikroORM needs no connection (connect: false).
  const orm = await MikroORM.init(ormConfig(DEFAULT_DATABASE_URL, { connect: false }));
  try {
    if (!(await readSnapshot(orm))) {
      throw new UsageError(
        `${snapshotPath(orm)} is missing: migrate a database and run \`npm run schema:check -- --write-snapshot\` first`,
      );
    }
    const className = nextClassName(name);
    const result = await orm.getMigrator().createMigration(DIR, false, false, className);
    if (!result.fileName) {
      console.log('migration:create: no changes: the entities (schema/entities) agree with the snapshot.');
      return 0;
    }
    await register(className);
    // The Migrator wrote the snapshot of the entities; the project's formatting keeps format:check clean.
    const snapshot = snapshotPath(orm);
    await writeFile(snapshot, await formatted(await readFile(snapshot, 'utf8'), snapshot));
    console.log(
      `migration:create: wrote ${join(DIR, result.fileName)} (listed in ${DIR}/index.ts), and the snapshot:`,
    );
    for (const sql of result.diff.up.filter(Boolean)) console.log(`  ${sql}`);
    console.log('Review the SQL and fill in the comment; then `npm run schema:check` against a database.');
    return 0;
  } finally {
    await orm.close(true);
  }
}

runMain('migration:create', () => main(process.argv.slice(2)));
