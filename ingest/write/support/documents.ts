import { type Queryable } from '../../../db/queryable.js';
import { DOCUMENT_NEXT_STATUSES, type DocumentStatus } from '../../../schema/enums.js';
import { type HeaderMap } from '../../formats/headers.js';
import { labels } from '../../formats/support/common.js';
import { type DocumentRow } from '../../formats/support/documents.js';
import { type BadRow } from '../../formats/types.js';
import { type Writer } from './write-common.js';

/**
 * The status log of school documents against the stored one. Records are append-only, so a row
 * equal to a stored record (date, status, comment) is unchanged, and every other row of a document
 * is a new record that must come after its stored records (dated no earlier than the last) and
 * continue its §1 transitions (schema/enums.ts DOCUMENT_NEXT_STATUSES) in the file's date order.
 * A document named for the first time is created with its first record; a link given for a stored
 * document replaces its own. The rows of one document may not give two different links.
 */

interface StoredRecord {
  key: string;
  id: string;
  fileUrl: string | null;
  date: string | null;
  status: DocumentStatus | null;
  comment: string | null;
}

interface Stored {
  id: string;
  fileUrl: string | null;
  records: { date: string; status: DocumentStatus; comment: string | null }[];
}

const STORED = `select k.key, d.id::text as id, d.file_url as "fileUrl", r.date::text as date, r.status, r.comment
  from jsonb_to_recordset($1::jsonb) as k(key text, school_id int, list_year int, kind text, risk_factor int, title text)
  join lateral (select d.id, d.file_url from school_document d
    where d.school_id = k.school_id and d.list_year = k.list_year and d.kind = k.kind
      and d.risk_factor is not distinct from k.risk_factor and d.title = k.title
    order by d.id limit 1) d on true
  left join document_status_record r on r.document_id = d.id
  order by k.key, r.date, r.seq`;

const INSERT_DOCUMENTS = `insert into school_document (school_id, list_year, kind, risk_factor, title, file_url)
  select school_id, list_year, kind, risk_factor, title, file_url
  from jsonb_to_recordset($1::jsonb) as x(ord int, school_id int, list_year int, kind text, risk_factor int,
    title text, file_url text) order by ord
  returning id::text as id, school_id, list_year, kind, risk_factor, title`;

const INSERT_RECORDS = `insert into document_status_record (document_id, date, status, comment, actor)
  select document_id, date, status, comment, $2 from jsonb_to_recordset($1::jsonb)
    as x(ord int, document_id bigint, date date, status text, comment text) order by ord`;

const UPDATE_LINKS = `update school_document d set file_url = x.file_url
  from jsonb_to_recordset($1::jsonb) as x(id bigint, file_url text) where d.id = x.id`;

async function storedDocuments(db: Queryable, rows: readonly DocumentRow[]): Promise<Map<string, Stored>> {
  const keys = new Map(rows.map((r) => [r.documentKey, r]));
  const json = [...keys.values()].map((r) => ({
    key: r.documentKey,
    school_id: r.schoolId,
    list_year: r.listYear,
    kind: r.kind,
    risk_factor: r.riskFactor,
    title: r.title,
  }));
  const stored = new Map<string, Stored>();
  for (const row of await db.query<StoredRecord>(STORED, [JSON.stringify(json)])) {
    const document = stored.get(row.key) ?? { id: row.id, fileUrl: row.fileUrl, records: [] };
    if (row.date !== null && row.status !== null) {
      document.records.push({ date: row.date, status: row.status, comment: row.comment });
    }
    stored.set(row.key, document);
  }
  return stored;
}

const badRow = (row: DocumentRow, column: string, value: string, ru: string, en: string): BadRow => ({
  line: row.line,
  column,
  value,
  reason: { ru, en },
});

interface Plan {
  bad: BadRow[];
  /** New records per document key, in order. */
  records: Map<string, DocumentRow[]>;
}

/** Which rows are new records, and which break the log (pure: the stored log and the file's rows). */
function plan(rows: readonly DocumentRow[], stored: ReadonlyMap<string, Stored>, headers: HeaderMap): Plan {
  const result: Plan = { bad: [], records: new Map() };
  const statusColumn = labels(headers, ['status']);
  const byDocument = new Map<string, DocumentRow[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentKey);
    if (list) list.push(row);
    else byDocument.set(row.documentKey, [row]);
  }
  for (const [key, list] of byDocument) {
    const known = stored.get(key);
    const last = known?.records.at(-1);
    let status: DocumentStatus | 'FIRST' = last?.status ?? 'FIRST';
    let lastDate = last?.date ?? '';
    const links = new Map<string, number>();
    for (const row of [...list].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line)) {
      if (row.fileUrl !== null) {
        const first = [...links.entries()].find(([url]) => url !== row.fileUrl);
        if (first) {
          result.bad.push(
            badRow(
              row,
              labels(headers, ['fileUrl']),
              row.fileUrl,
              `другая ссылка на тот же документ, чем в строке ${first[1]}`,
              `another link to the same document than line ${first[1]}`,
            ),
          );
        }
        links.set(row.fileUrl, row.line);
      }
      const same = known?.records.some(
        (r) => r.date === row.date && r.status === row.status && r.comment === row.comment,
      );
      if (same) continue;
      if (row.date < lastDate) {
        result.bad.push(
          badRow(
            row,
            labels(headers, ['date']),
            row.date,
            `раньше последней записи документа (${lastDate}): записи добавляются по порядку дат`,
            `before the document's last record (${lastDate}): records are appended in date order`,
          ),
        );
        continue;
      }
      if (!DOCUMENT_NEXT_STATUSES[status].includes(row.status)) {
        const after = status === 'FIRST' ? 'первой записью' : `после ${status}`;
        const allowed = DOCUMENT_NEXT_STATUSES[status].join(' или ') || 'ничего (документ согласован)';
        result.bad.push(
          badRow(
            row,
            statusColumn,
            row.statusText,
            `${row.status} ${after} не бывает: возможно ${allowed} (DRAFT → SUBMITTED → APPROVED | RETURNED → SUBMITTED)`,
            `${row.status} cannot follow ${status === 'FIRST' ? 'nothing' : status}: SUPPORT-V1 §1 allows ${DOCUMENT_NEXT_STATUSES[status].join(' or ') || 'nothing after APPROVED'}`,
          ),
        );
        continue;
      }
      status = row.status;
      lastDate = row.date;
      result.records.set(key, [...(result.records.get(key) ?? []), row]);
    }
  }
  return result;
}

export const writeDocuments: Writer = async (db, all, { headers, viewer }) => {
  const rows = all as readonly DocumentRow[];
  const stored = await storedDocuments(db, rows);
  const { bad, records } = plan(rows, stored, headers);
  if (bad.length) return { inserted: 0, updated: 0, bad };
  // The documents named for the first time, then every new record with its document's id.
  const fresh = [...records.keys()].filter((key) => !stored.has(key));
  // The link a document's rows give (plan() refused two different ones).
  const links = new Map<string, string>();
  for (const r of rows)
    if (r.fileUrl !== null && !links.has(r.documentKey)) links.set(r.documentKey, r.fileUrl);
  const linkOf = (key: string) => links.get(key) ?? null;
  const ids = new Map([...stored].map(([key, s]) => [key, s.id]));
  if (fresh.length) {
    const created = await db.query<{
      id: string;
      school_id: number;
      list_year: number;
      kind: string;
      risk_factor: number | null;
      title: string;
    }>(INSERT_DOCUMENTS, [
      JSON.stringify(
        fresh.map((key, ord) => {
          const r = records.get(key)?.[0] as DocumentRow;
          return {
            ord,
            school_id: r.schoolId,
            list_year: r.listYear,
            kind: r.kind,
            risk_factor: r.riskFactor,
            title: r.title,
            file_url: linkOf(key),
          };
        }),
      ),
    ]);
    // The key as the format builds it (formats/support/documents.ts): null joins as ''.
    for (const d of created)
      ids.set([d.school_id, d.list_year, d.kind, d.risk_factor, d.title].join('|'), d.id);
  }
  const newRecords = [...records].flatMap(([key, list]) =>
    list.map((r) => ({ document_id: ids.get(key), date: r.date, status: r.status, comment: r.comment })),
  );
  if (newRecords.length) {
    await db.query(INSERT_RECORDS, [JSON.stringify(newRecords.map((r, ord) => ({ ord, ...r }))), viewer.id]);
  }
  const keyOfId = new Map([...stored].map(([key, s]) => [s.id, key]));
  const relinked = [...stored]
    .map(([key, s]) => ({ id: s.id, file_url: linkOf(key), before: s.fileUrl }))
    .filter((d) => d.file_url !== null && d.file_url !== d.before);
  if (relinked.length) await db.query(UPDATE_LINKS, [JSON.stringify(relinked)]);
  // A row is inserted (a new record) or unchanged; a relinked document without new records, updated.
  const updated = relinked.filter((d) => !records.has(keyOfId.get(d.id) ?? '')).length;
  return { inserted: newRecords.length, updated };
};
