import type pg from 'pg';
import { currentDataVersion } from '../db/data-version.js';
import { type Queryable } from '../db/queryable.js';
import { type Viewer } from '../db/viewer.js';
import { type AnyImportKind } from './formats/types.js';
import { IMPORT_FAILED, importTimeout, type ImportLimits } from './limits.js';
import { UnreadableFileError } from './read/decode.js';
import { type newFileFacts } from './read/file.js';
import { type FileError, type ImportReport } from './report.js';
import { type BadRows } from './validate.js';
import { recordImport } from './write/import-log.js';

/** What an import knows of its file while it runs: the facts read so far, the rows, the bad rows. */
export interface ImportProgress {
  kind: AnyImportKind;
  fileName: string;
  started: number;
  facts: ReturnType<typeof newFileFacts>;
  counter: { rows: number };
  /** a getter: an import may start its bad-row list again (a file read twice) */
  bad: () => BadRows;
}

/** PostgreSQL's query_canceled (SQLSTATE 57014): what `statement_timeout` raises. */
function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

export function fileErrorOf(error: UnreadableFileError): FileError {
  return {
    code: error.code,
    ru: error.ru,
    en: error.message,
    ...(error.value !== undefined ? { value: error.value } : {}),
  };
}

/**
 * The report of one import in its current state, how its transaction begins, the refusal that
 * ends it and what a failure does: every import kind (results and support lists) does each the one
 * way — refused means rolled back, then logged.
 */
export function importOutcome(
  client: pg.PoolClient | pg.Client,
  db: Queryable,
  viewer: Viewer,
  p: ImportProgress,
  limits: ImportLimits,
) {
  const report = (fields: Partial<ImportReport>): Omit<ImportReport, 'id'> => ({
    kind: p.kind,
    fileName: p.fileName,
    status: 'REJECTED',
    checksum: p.facts.checksum,
    format: p.facts.format,
    encoding: p.facts.encoding,
    bytes: p.facts.bytes,
    rows: p.counter.rows,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    repeated: 0,
    badRows: p.bad().count,
    errors: p.bad().list,
    fileError: null,
    createdRegions: 0,
    createdMunicipalities: 0,
    dataVersion: 0,
    milliseconds: Math.round(performance.now() - p.started),
    stagingMilliseconds: 0,
    writeMilliseconds: 0,
    refreshMilliseconds: 0,
    foreignKeyTriggers: true,
    path: 'STAGED',
    ...fields,
  });
  const refuse = async (fields: Partial<ImportReport>): Promise<ImportReport> => {
    await client.query('rollback');
    const refused = report({ ...fields, dataVersion: await currentDataVersion(db) });
    return { id: await recordImport(db, viewer, refused), ...refused };
  };
  /**
   * A national file takes longer than an API statement may, but not without end: a plan gone wrong
   * (or a file built to make one) is cancelled and the import refused (IMPORT_TIMEOUT). Imports run
   * one at a time; waiting for the lock is bounded the same way.
   */
  const begin = async (): Promise<void> => {
    await client.query('begin');
    await db.query(`set local statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}`);
    await db.query(`select pg_advisory_xact_lock(hashtext('shnor-import'))`);
  };
  /** An unreadable file or a timeout is a refusal; anything else is logged as failed and thrown on. */
  const fail = async (error: unknown): Promise<ImportReport> => {
    if (error instanceof UnreadableFileError) return refuse({ fileError: fileErrorOf(error) });
    if (isStatementTimeout(error))
      return refuse({ fileError: fileErrorOf(importTimeout(limits.statementTimeoutMs)) });
    await client.query('rollback').catch(() => undefined);
    // Logged as refused, so that no import goes unrecorded; the error itself is the caller's to report.
    const failed = async () =>
      recordImport(
        db,
        viewer,
        report({ fileError: { ...IMPORT_FAILED }, dataVersion: await currentDataVersion(db) }),
      );
    // A connection that is gone cannot log anything: the original error is what matters then.
    await failed().catch(() => undefined);
    throw error;
  };
  return { report, refuse, begin, fail };
}
