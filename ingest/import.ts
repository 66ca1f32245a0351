import type pg from 'pg';
import { currentDataVersion } from '../db/data-version.js';
import { fromPgClient } from '../db/queryable.js';
import { refreshAfterWrite } from '../analytics/sql/refresh.js';
import { audit } from '../db/audit.js';
import { type Viewer } from '../db/viewer.js';
import { loadConfig } from '../config/settings.js';
import { copyRows } from '../db/copy.js';
import { FORMATS } from './formats/index.js';
import { type AnyImportKind, isSupportImportKind } from './formats/types.js';
import { newFileFacts, readRecords } from './read/file.js';
import { type ImportLimits } from './limits.js';
import { type FileError, type ImportReport } from './report.js';
import { importOutcome } from './import-outcome.js';
import { BadRows, stagingRows } from './validate.js';
import { conflictingDuplicates } from './write/duplicates.js';
import { recordImport } from './write/import-log.js';
import { loadValidationEnv } from './write/registry.js';
import { STAGING, TARGETS, createStagingSql } from './write/targets.js';
import { tryDirect } from './write/direct.js';
import { runSupportImport } from './write/support/import.js';
import { duplicateRows, writeRows, type WriteOutcome } from './write/write-rows.js';

/**
 * One import, all or nothing, in ONE transaction on `client`: stream the file through validation
 * into the target (a new year's result file: `write/direct.ts`) or into a temporary staging table
 * (COPY), check what needs the whole file (duplicates), upsert, rebuild the analytics reductions,
 * log and commit. Any bad row rolls everything back; the refusal is then logged in a small
 * transaction of its own. A killed process leaves only a rolled-back transaction behind.
 *
 * Bounded (README: Limits, `ImportLimits`): bytes, unpacked bytes, columns, rows and cell length
 * while reading; every statement by IMPORT_STATEMENT_TIMEOUT_MS. A file over a limit is refused whole
 * with a `fileError` and logged; so is one whose import fails unexpectedly (IMPORT_FAILED, then the
 * error is thrown on).
 */

/** The file, readable from its start again: the direct path falls back by reading it a second time. */
export interface ImportSource {
  open(): AsyncIterable<Uint8Array>;
}

export interface ImportRequest {
  /** A result kind, or a support list (SUPPORT-V1 §1), which ingest/write/support/import.ts imports. */
  kind: AnyImportKind;
  fileName: string;
  source: ImportSource;
  viewer: Viewer;
  /** Never try the direct path (tests and the bench compare the two). */
  stagedOnly?: boolean;
  /** The bounds of the import; the configured ones (IMPORT_* settings) when absent. */
  limits?: ImportLimits;
}

/**
 * Logs a file refused before `runImport` could see it (the upload route: over IMPORT_MAX_UPLOAD_BYTES
 * while it arrived), on `client` outside any transaction; the report as the caller answers it.
 */
export async function recordRefusal(
  client: pg.PoolClient | pg.Client,
  request: { kind: ImportRequest['kind']; fileName: string; viewer: Viewer },
  fileError: FileError,
  bytes: number,
): Promise<ImportReport> {
  const db = fromPgClient(client);
  const refused: Omit<ImportReport, 'id'> = {
    kind: request.kind,
    fileName: request.fileName,
    status: 'REJECTED',
    checksum: null,
    format: null,
    encoding: null,
    bytes,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    repeated: 0,
    badRows: 0,
    errors: [],
    fileError,
    createdRegions: 0,
    createdMunicipalities: 0,
    dataVersion: await currentDataVersion(db),
    milliseconds: 0,
    stagingMilliseconds: 0,
    writeMilliseconds: 0,
    refreshMilliseconds: 0,
    foreignKeyTriggers: true,
    path: 'STAGED',
  };
  return { id: await recordImport(db, request.viewer, refused), ...refused };
}

const NOTHING_WRITTEN: WriteOutcome = {
  inserted: 0,
  updated: 0,
  repeated: 0,
  createdRegions: 0,
  createdMunicipalities: 0,
  foreignKeyTriggers: true,
};

export async function runImport(
  client: pg.PoolClient | pg.Client,
  request: ImportRequest,
): Promise<ImportReport> {
  const started = performance.now();
  const { kind, viewer } = request;
  const limits = request.limits ?? loadConfig().imports;
  if (isSupportImportKind(kind)) return runSupportImport(client, { ...request, kind, limits });
  const format = FORMATS[kind];
  const db = fromPgClient(client);
  const facts = newFileFacts();
  let bad = new BadRows();
  const counter = { rows: 0 };
  const keyColumn =
    kind === 'schools'
      ? 'Логин'
      : `Логин, Год${kind === 'vpr' ? ', Класс' : ''}, ${kind === 'indicators' ? 'Показатель' : 'Предмет'}`;
  const { report, refuse, begin, fail } = importOutcome(
    client,
    db,
    viewer,
    {
      kind,
      fileName: request.fileName,
      started,
      facts,
      counter,
      bad: () => bad,
    },
    limits,
  );

  try {
    await begin();
    const env = await loadValidationEnv(db, viewer.scope);
    await db.query(createStagingSql(kind));
    const stagingStarted = performance.now();
    const readRows = () =>
      stagingRows(readRecords(request.source.open(), facts, limits), format, env, bad, counter, limits);
    const direct =
      kind === 'schools' || request.stagedOnly
        ? null
        : await tryDirect(client, db, TARGETS[kind], format.stagingColumns, readRows());
    let written: WriteOutcome | null = null;
    let staged: number;
    if (direct?.path === 'DIRECT') {
      staged = direct.copied;
      // Every row copied is new: the primary key would have failed the COPY otherwise.
      written = { ...NOTHING_WRITTEN, inserted: staged, foreignKeyTriggers: false };
    } else {
      if (direct?.path === 'REREAD') {
        // The first reading stopped midway: its facts, counts and bad rows start over with the second.
        Object.assign(facts, newFileFacts());
        counter.rows = 0;
        bad = new BadRows();
      }
      const rows = direct?.path === 'STAGED' ? direct.rows : readRows();
      // FREEZE: the staging table was created in this transaction, so its rows need no hint-bit writes later.
      staged = await copyRows(client, STAGING, ['line', ...format.stagingColumns], rows, { freeze: true });
    }
    const path = direct?.path === 'DIRECT' ? 'DIRECT' : 'STAGED';
    const stagingMilliseconds = Math.round(performance.now() - stagingStarted);
    if (bad.count > 0) {
      // Already refused: still list the duplicates, so the answer names every bad row at once
      // (a direct COPY that went through had none: the primary key would have stopped it).
      if (path === 'STAGED') {
        const conflicts = await conflictingDuplicates(db, TARGETS[kind]);
        bad.addLater(duplicateRows(conflicts.found, keyColumn), conflicts.total - conflicts.found.length);
      }
      return await refuse({ stagingMilliseconds, path });
    }
    written ??= await writeRows(db, kind, bad, keyColumn);
    if (!written) return await refuse({ stagingMilliseconds, path });
    const refreshStarted = performance.now();
    const writeMilliseconds = Math.round(refreshStarted - stagingStarted) - stagingMilliseconds;
    const changed = written.inserted + written.updated > 0;
    // Nothing changed → the reductions and caches are still right: no new data version.
    const dataVersion = changed ? await refreshAfterWrite(db) : await currentDataVersion(db);
    const refreshMilliseconds = changed ? Math.round(performance.now() - refreshStarted) : 0;
    const accepted = report({
      status: 'ACCEPTED',
      inserted: written.inserted,
      updated: written.updated,
      repeated: written.repeated,
      unchanged: staged - written.repeated - written.inserted - written.updated,
      createdRegions: written.createdRegions,
      createdMunicipalities: written.createdMunicipalities,
      foreignKeyTriggers: written.foreignKeyTriggers,
      dataVersion,
      stagingMilliseconds,
      writeMilliseconds,
      refreshMilliseconds,
      path,
    });
    const id = await recordImport(db, viewer, accepted);
    await audit(db, viewer, 'import', `${kind}:${request.fileName}`, {
      importId: id,
      checksum: accepted.checksum,
      rows: accepted.rows,
      inserted: accepted.inserted,
      updated: accepted.updated,
      unchanged: accepted.unchanged,
      dataVersion,
    });
    await client.query('commit');
    return { id, ...accepted };
  } catch (error) {
    return fail(error);
  }
}
