import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import { startApollo } from '../apollo.js';
import { Role, type Viewer } from '../../db/viewer.js';
import { DEFAULT_DATABASE_URL, loadConfig } from '../../config/settings.js';
import { exitOnOperatorError, orExit, UsageError } from '../../config/operator-error.js';
import { authorize } from '../auth/permissions.js';
import { createContext } from '../context.js';
import { openDatabase } from '../../schema/database.js';
import { knexQueryable } from '../../db/knex-queryable.js';
import { AnalyticsCache } from '../services/analytics/cache.js';
import { EXPORTS } from './catalogue.js';
import { exportAs, exportFileOf } from './export-as.js';
import { ExportError } from './run-export.js';

/**
 * The exports of GET /export/… from the command line, as the ministry (uses DATABASE_URL):
 *   npm run export -- candidates.xlsx --year 2026 --regionCodes 56 --out candidates-56.xlsx
 *   npm run export -- shnor-list.xlsx --listId 2 --variant appendix
 * Without --out, CSV goes to standard output and XLSX to a file named as the HTTP export names it
 * (e.g. shnor-list-2026-56-list-2-appendix.xlsx). Recorded in the audit log like any export.
 */
const [file = '', ...rest] = process.argv.slice(2);
const target = exportFileOf(file);
const params: Record<string, string> = {};
for (let i = 0; i < rest.length; i += 2) params[(rest[i] ?? '').replace(/^--/, '')] = rest[i + 1] ?? '';
const { out, ...query } = params;
if (!target) {
  exitOnOperatorError(
    'export',
    new UsageError(
      `${file ? `unknown export «${file}»` : 'an export is needed'}; usage: npm run export -- <${[...EXPORTS.keys()].join('|')}>.<csv|xlsx> [--param value …] [--variant machine|appendix] [--out FILE]`,
    ),
  );
}

// The server's settings (it runs the server's GraphQL), DATABASE_URL with the one default of the CLIs.
const config = orExit('export', () => loadConfig());
const url = config.databaseUrl ?? DEFAULT_DATABASE_URL;
const viewer: Viewer = { id: `cli:${userInfo().username}`, role: Role.MINISTRY, scope: { kind: 'ALL' } };
authorize(viewer, 'exports.run');
const orm = await openDatabase(url).catch((error: unknown) => exitOnOperatorError('export', error));
const apollo = await startApollo(config);
try {
  // The cache keeps the computed list between pages: without it each page of 500 recomputes every school.
  const context = createContext(
    knexQueryable(orm.em.getKnex()),
    orm.em.fork(),
    config,
    viewer,
    { count: 0 },
    new AnalyticsCache(config.analyticsCacheSize),
  );
  let written = out;
  const rows = await exportAs(apollo, context, target, query, ({ fileName, extension }) => {
    written ??= extension === 'xlsx' ? `${fileName.ascii}.${extension}` : undefined;
    return written ? createWriteStream(written) : process.stdout;
  });
  console.error(`${rows} rows${written ? ` → ${written}` : ''}`);
} catch (error) {
  console.error(error instanceof ExportError ? JSON.stringify(error.errors, null, 2) : error);
  process.exitCode = 1;
} finally {
  await apollo.stop();
  await orm.close(true);
}
