import type pg from 'pg';
import { currentDataVersion } from '../db/data-version.js';
import { type Queryable } from '../db/queryable.js';
import { type Viewer } from '../db/viewer.js';
import { type AnyImportKind } from './formats/types.js';
import { type newFileFacts } from './read/file.js';
import { type ImportReport } from './report.js';
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

/**
 * The report of one import in its current state, and the refusal that ends it: every import kind
 * (results and support lists) reports and refuses the one way — rolled back, then logged.
 */
export function importOutcome(
  client: pg.PoolClient | pg.Client,
  db: Queryable,
  viewer: Viewer,
  p: ImportProgress,
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
  return { report, refuse };
}
