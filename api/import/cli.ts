import { createReadStream, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import pg from 'pg';
import { Role, type Viewer } from '../../db/viewer.js';
import { loadConfig } from '../../config/settings.js';
import { IMPORT_KINDS, isImportKind } from '../../ingest/formats/types.js';
import { runImport } from '../../ingest/import.js';
import { formatReport } from '../../ingest/report.js';

/**
 * `npm run import -- <kind> <file>`: imports one file into DATABASE_URL as the ministry (the
 * operator of the machine), prints the report, exits 1 when the file is refused. The limits are the
 * server's (IMPORT_* settings, README: Limits).
 */

/**
 * Migrates a database that has no import log yet. MikroORM is loaded only then: it is most of the
 * process's memory otherwise (≈ 120 MB), and an import is meant to run in constant, small memory.
 */
async function migrateIfNeeded(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>(`select to_regclass('import_log')::text as t`);
    if (rows[0]?.t) return;
  } finally {
    await client.end();
  }
  const { migrate } = await import('../../schema/migrate.js');
  await migrate(url);
}

async function main(argv: readonly string[]): Promise<number> {
  const [kind, file] = argv;
  if (!kind || !file || !isImportKind(kind)) {
    console.error(`usage: npm run import -- <${IMPORT_KINDS.join('|')}> <file.csv|file.xlsx>`);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const config = loadConfig();
  const url = config.databaseUrl;
  if (!url) {
    console.error('DATABASE_URL is not set: which database should the file go to?');
    return 2;
  }
  await migrateIfNeeded(url);
  const viewer: Viewer = { id: `cli:${userInfo().username}`, role: Role.MINISTRY, scope: { kind: 'ALL' } };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await runImport(client, {
      kind,
      fileName: basename(file),
      // Opened again if the direct path falls back to staging (ingest/write/direct.ts).
      source: { open: () => createReadStream(file, { highWaterMark: 1 << 16 }) },
      viewer,
      limits: config.imports,
    });
    console.log(formatReport(report));
    return report.status === 'ACCEPTED' ? 0 : 1;
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
