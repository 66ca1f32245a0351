import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { startApollo } from '../apollo.js';
import { createLogger } from '../ops/logger.js';
import { Role, type Viewer } from '../../db/viewer.js';
import { DEFAULT_DATABASE_URL, loadConfig } from '../../config/settings.js';
import { exitOnOperatorError, orExit, UsageError } from '../../config/operator-error.js';
import { authorize } from '../auth/permissions.js';
import { createContext } from '../context.js';
import { openDatabase } from '../../schema/database.js';
import { knexQueryable } from '../../db/knex-queryable.js';
import { AnalyticsCache } from '../services/analytics/cache.js';
import { EXPORTS, PRINTED } from './catalogue.js';
import { exportAs, exportFileOf } from './export-as.js';
import { printAs, printFileOf } from './print/serve.js';
import { ExportError } from './run-export.js';

/**
 * The exports of GET /export/… from the command line, as the ministry (uses DATABASE_URL):
 *   npm run export -- candidates.xlsx --year 2026 --regionCodes 56 --out candidates-56.xlsx
 *   npm run export -- shnor-list.xlsx --listId 2 --variant appendix
 * and the printed documents of GET /export/<name>.<xlsx|html|csv> (api/export/print), built by the
 * route's own printAs with the route's parameters:
 *   npm run export -- roadmap.xlsx --id 1 --asOf 2020-10-15 --out roadmap.xlsx
 *   npm run export -- appendix-partnerships.html --municipalityIds 12 --orderId 1 > partnerships.html
 * Without --out, CSV (and HTML) goes to standard output and XLSX to a file named as the HTTP export
 * names it (e.g. shnor-list-2026-56-list-2-appendix.xlsx). Recorded in the audit log like any export.
 */
const [file = '', ...rest] = process.argv.slice(2);
const target = exportFileOf(file);
const printed = target ? null : printFileOf(file);
const params: Record<string, string> = {};
for (let i = 0; i < rest.length; i += 2) params[(rest[i] ?? '').replace(/^--/, '')] = rest[i + 1] ?? '';
const { out, ...query } = params;
// The roadmap's `id`, also by the name the other documents' ids have (`--roadmapId`, like `--listId`).
if (printed?.definition.name === 'roadmap' && query.roadmapId !== undefined && query.id === undefined) {
  query.id = query.roadmapId;
  delete query.roadmapId;
}
if (!target && !printed) {
  exitOnOperatorError(
    'export',
    new UsageError(
      `${file ? `unknown export «${file}»` : 'an export is needed'}; usage: npm run export -- <${[...EXPORTS.keys()].join('|')}>.<csv|xlsx> [--param value …] [--variant machine|appendix] [--out FILE]` +
        ` | <${[...PRINTED.keys()].join('|')}>.<xlsx|html|csv> [--param value …] [--out FILE]`,
    ),
  );
}

// The server's settings (it runs the server's GraphQL), DATABASE_URL with the one default of the CLIs.
const config = orExit('export', () => loadConfig());
const url = config.databaseUrl ?? DEFAULT_DATABASE_URL;
const viewer: Viewer = { id: `cli:${userInfo().username}`, role: Role.MINISTRY, scope: { kind: 'ALL' } };
authorize(viewer, 'exports.run');
const orm = await openDatabase(url).catch((error: unknown) => exitOnOperatorError('export', error));
const apollo = await startApollo(config, createLogger(config.operations.logLevel));
try {
  // The cache keeps the computed list between pages: without it each page of 500 recomputes every school.
  const context = createContext(
    knexQueryable(orm.em.getKnex()),
    () => orm.em.fork(),
    config,
    viewer,
    { count: 0 },
    new AnalyticsCache(config.analyticsCacheSize),
  );
  let written = out;
  let rows = 0;
  if (printed) {
    // Built whole (a page or a few), then written: a refusal leaves no file.
    const document = await printAs(apollo, context, printed, query);
    written ??= document.format === 'xlsx' ? `${document.fileName.ascii}.xlsx` : undefined;
    if (written) await writeFile(written, document.body);
    else process.stdout.write(document.body);
    rows = document.rows;
  } else if (target) {
    rows = await exportAs(apollo, context, target, query, ({ fileName, extension }) => {
      written ??= extension === 'xlsx' ? `${fileName.ascii}.${extension}` : undefined;
      return written ? createWriteStream(written) : process.stdout;
    });
  }
  console.error(`${rows} rows${written ? ` → ${written}` : ''}`);
} catch (error) {
  console.error(error instanceof ExportError ? JSON.stringify(error.errors, null, 2) : error);
  process.exitCode = 1;
} finally {
  await apollo.stop();
  await orm.close(true);
}
