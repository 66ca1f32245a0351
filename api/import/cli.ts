import { createReadStream, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import pg from 'pg';
import { Role, type Viewer } from '../../db/viewer.js';
import { loadImportSettings } from '../../config/settings.js';
import { runMain, UsageError } from '../../config/operator-error.js';
import {
  IMPORT_KINDS,
  isImportKind,
  isSupportImportKind,
  SUPPORT_IMPORT_KINDS,
} from '../../ingest/formats/types.js';
import { runImport } from '../../ingest/import.js';
import { formatReport } from '../../ingest/report.js';
import { authorize } from '../auth/permissions.js';

/**
 * `npm run import -- <kind> <file>`: imports one file into DATABASE_URL (the one default of every
 * CLI, config/settings.ts) as the ministry (the operator of the machine), prints the report, exits 1
 * when the file is refused. The limits are the server's (IMPORT_* settings, README: Limits).
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
  // SUPPORT-V1 §3 roadmap tables: their own options (api/services/support/roadmap-cli.ts), loaded only then.
  if (kind === 'roadmap')
    return (await import('../services/support/roadmap-cli.js')).roadmapCli(argv.slice(1));
  const usage = `usage: npm run import -- <${[...IMPORT_KINDS, ...SUPPORT_IMPORT_KINDS].join('|')}> <file.csv|file.xlsx> (or roadmap <file.txt> --level …)`;
  if (!kind || !file) throw new UsageError(`a kind and a file are needed; ${usage}`);
  if (!isImportKind(kind) && !isSupportImportKind(kind))
    throw new UsageError(`unknown kind «${kind}»; ${usage}`);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  // DATABASE_URL (one default for every CLI) and the IMPORT_* limits of the upload route.
  const config = loadImportSettings();
  const url = config.databaseUrl;
  await migrateIfNeeded(url);
  const viewer: Viewer = { id: `cli:${userInfo().username}`, role: Role.MINISTRY, scope: { kind: 'ALL' } };
  authorize(viewer, isSupportImportKind(kind) ? 'support.import' : 'imports.run');
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

// A wrong setting, argument or database: its sentences, no stack (config/operator-error.ts).
runMain('import', () => main(process.argv.slice(2)));
