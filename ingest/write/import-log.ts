import { type Queryable } from '../../analytics/sql/queryable.js';
import { type Viewer } from '../../api/auth/viewer.js';
import { MAX_LOGGED_ERRORS, type ImportReport } from '../report.js';

/** import_log: every import, accepted (in its own transaction) or refused (in a small one after rollback). */

export async function recordImport(
  db: Queryable,
  viewer: Viewer,
  report: Omit<ImportReport, 'id'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into import_log (actor, role, scope, kind, file_name, checksum, status, rows, inserted, updated,
       unchanged, bad_rows, errors, data_version, milliseconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id::text as id`,
    [
      viewer.id,
      viewer.role,
      JSON.stringify(viewer.scope),
      report.kind,
      report.fileName,
      report.checksum,
      report.status,
      report.rows,
      report.inserted,
      report.updated,
      report.unchanged,
      report.badRows,
      JSON.stringify(
        report.fileError
          ? [{ line: 0, column: '', value: '', reason: report.fileError }]
          : report.errors.slice(0, MAX_LOGGED_ERRORS),
      ),
      report.dataVersion,
      report.milliseconds,
    ],
  );
  return row?.id ?? '';
}

export interface ImportLogEntry {
  id: string;
  at: Date;
  actor: string;
  role: string;
  kind: string;
  fileName: string;
  checksum: string | null;
  status: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  badRows: number;
  errors: unknown;
  dataVersion: number;
  milliseconds: number;
}

const COLUMNS = `id::text as id, at, actor, role, kind, file_name as "fileName", checksum, status, rows, inserted,
  updated, unchanged, bad_rows as "badRows", errors, data_version::int as "dataVersion", milliseconds`;

/** The conditions of an import_log read (parameters appended to `params`). */
function filters(params: unknown[], kind: string | null, own: Viewer | null): string[] {
  const conditions: string[] = [];
  if (kind) conditions.push(`kind = $${params.push(kind)}`);
  if (own) {
    // Tokens without `sub` share an id per role: the scope tells one region's analyst from another's.
    conditions.push(`actor = $${params.push(own.id)}`);
    conditions.push(`scope = $${params.push(JSON.stringify(own.scope))}::jsonb`);
  }
  return conditions;
}

const whereOf = (conditions: string[]) => (conditions.length ? `where ${conditions.join(' and ')}` : '');

/** Newest first, keyset-paged by id; `own` limits to one importer (actor and scope), `kind` to one kind. */
export async function readImports(
  db: Queryable,
  options: { first: number; beforeId: string | null; kind: string | null; own: Viewer | null },
): Promise<ImportLogEntry[]> {
  const params: unknown[] = [];
  const conditions = filters(params, options.kind, options.own);
  if (options.beforeId) conditions.push(`id < $${params.push(options.beforeId)}`);
  return db.query<ImportLogEntry & Record<string, unknown>>(
    `select ${COLUMNS} from import_log ${whereOf(conditions)} order by import_log.id desc limit $${params.push(options.first + 1)}`,
    params,
  );
}

export async function countImports(db: Queryable, kind: string | null, own: Viewer | null): Promise<number> {
  const params: unknown[] = [];
  const where = whereOf(filters(params, kind, own));
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from import_log ${where}`, params);
  return row?.n ?? 0;
}
