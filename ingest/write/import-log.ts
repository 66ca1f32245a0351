import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { type Viewer } from '../../db/viewer.js';
import { MAX_REPORTED_CHARS, truncateText } from '../limits.js';
import { MAX_LOGGED_ERRORS, type ImportReport } from '../report.js';
import { boundedBadRow } from '../validate.js';

/**
 * import_log: every import, accepted (in its own transaction) or refused (in a small one after
 * rollback), with why (`errors`: the bad rows, or the one file error at line 0 with its `code`).
 * What is stored is bounded: values cut to 200 characters, at most MAX_LOGGED_ERRORS entries; and
 * what is read back is bounded again (rows stored before the bound, or by hand, cannot break
 * `imports { errors }`).
 */

/** PostgreSQL text and jsonb hold no NUL character: one in a quoted value or a name becomes U+FFFD. */
const noNul = (text: string) => (text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text);

/** The stored errors of a report. */
function loggedErrors(report: Omit<ImportReport, 'id'>): unknown[] {
  if (report.fileError) {
    const { code, ru, en, value } = report.fileError;
    return [
      {
        line: 0,
        column: '',
        value: truncateText(value ?? ''),
        code,
        reason: boundedBadRow({ line: 0, column: '', value: '', reason: { ru, en } }).reason,
      },
    ];
  }
  return report.errors.slice(0, MAX_LOGGED_ERRORS).map(boundedBadRow);
}

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
      noNul(truncateText(report.fileName, 255)),
      report.checksum,
      report.status,
      report.rows,
      report.inserted,
      report.updated,
      report.unchanged,
      report.badRows,
      JSON.stringify(loggedErrors(report), (_key, value: unknown) =>
        typeof value === 'string' ? noNul(value) : value,
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

/** A stored text, cut as reports cut it (in SQL: a huge value is never sent to the API at all). */
const cut = (text: string, max: number) =>
  `case when length(${text}) > ${max} then left(${text}, ${max}) || '…' else ${text} end`;

/**
 * import_log.errors as read: the first MAX_LOGGED_ERRORS entries, each value, column and reason
 * cut (an entry that is not an object becomes its text, cut too).
 */
const BOUNDED_ERRORS = `(select coalesce(jsonb_agg(case when jsonb_typeof(e) = 'object' then e
      || case when jsonb_typeof(e->'value') = 'string' then jsonb_build_object('value', ${cut(`(e->>'value')`, MAX_REPORTED_CHARS)}) else '{}' end
      || case when jsonb_typeof(e->'column') = 'string' then jsonb_build_object('column', ${cut(`(e->>'column')`, MAX_REPORTED_CHARS)}) else '{}' end
      || case when jsonb_typeof(e->'reason') = 'object' then jsonb_build_object('reason', jsonb_build_object(
           'ru', ${cut(`(e->'reason'->>'ru')`, 1000)}, 'en', ${cut(`(e->'reason'->>'en')`, 1000)})) else '{}' end
      else to_jsonb(${cut("(e #>> '{}')", MAX_REPORTED_CHARS)}) end order by i), '[]'::jsonb)
    from jsonb_array_elements(case when jsonb_typeof(import_log.errors) = 'array' then import_log.errors else '[]' end)
      with ordinality as x(e, i)
    where i <= ${MAX_LOGGED_ERRORS})`;

const COLUMNS = `id::text as id, at, actor, role, kind, ${cut('file_name', 255)} as "fileName", checksum, status, rows,
  inserted, updated, unchanged, bad_rows as "badRows", ${BOUNDED_ERRORS} as errors, data_version::int as "dataVersion",
  milliseconds`;

/** The conditions of an import_log read. */
function filters(kind: string | null, own: Viewer | null): Sql[] {
  return [
    ...(kind ? [sql`kind = ${kind}`] : []),
    // Tokens without `sub` share an id per role: the scope tells one region's analyst from another's.
    ...(own ? [sql`actor = ${own.id}`, sql`scope = ${JSON.stringify(own.scope)}::jsonb`] : []),
  ];
}

/** Newest first, keyset-paged by id; `own` limits to one importer (actor and scope), `kind` to one kind. */
export async function readImports(
  db: Queryable,
  options: { first: number; beforeId: string | null; kind: string | null; own: Viewer | null },
): Promise<ImportLogEntry[]> {
  const before = options.beforeId ? sql`id < ${options.beforeId}` : null;
  return db.query<ImportLogEntry>(
    sql`select ${sql.raw(COLUMNS)} from import_log ${sql.where([...filters(options.kind, options.own), before])}
      order by import_log.id desc limit ${options.first + 1}`,
  );
}

export async function countImports(db: Queryable, kind: string | null, own: Viewer | null): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    sql`select count(*)::int as n from import_log ${sql.where(filters(kind, own))}`,
  );
  return row?.n ?? 0;
}
