import { type EntityManager } from '@mikro-orm/postgresql';
import { type Queryable } from '../../../db/queryable.js';
import { SCHOOL_SCOPE, scopeCondition } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { AuditLogEntry, DocumentStatusRecord, SchoolDocument } from '../../../schema/entities/index.js';
import {
  DOCUMENT_NEXT_STATUSES,
  DocumentStatus,
  RISK_FACTOR_MAX,
  RISK_FACTOR_MIN,
  SchoolDocumentKind,
} from '../../../schema/enums.js';
import { authorize, type Action } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PageArgs } from '../../graphql/inputs/page.args.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { toId } from '../school-query.js';
import {
  asBadInput,
  badInputWith,
  httpLink,
  optionalText,
  pageById,
  placeOf,
  requiredText,
  rowId,
  SCHOOL_PLACE_COLUMNS,
  type SchoolPlace,
  schoolByCode,
} from './documents-common.js';
import { measuresOf, type MeasureRow } from './measures.service.js';

/**
 * School documents (SUPPORT-V1 §1): a school's concept, programmes and plans of a list year, each
 * with append-only status records. The status of a document is its last record (latest date, then
 * highest seq). The only transitions are §1's: DRAFT → SUBMITTED → APPROVED | RETURNED (with a
 * comment) → SUBMITTED. The school writes and submits (`support.schoolWork`); its CURATOR assigned
 * today, its municipality or the ministry approve and return (`support.review`).
 */

export interface DocumentRecordRow {
  seq: string;
  documentId: string;
  date: string;
  status: DocumentStatus;
  comment: string | null;
  actor: string;
  createdAt: Date;
}

export interface SchoolDocumentRow {
  id: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  listYear: number;
  kind: SchoolDocumentKind;
  riskFactor: number | null;
  title: string;
  fileUrl: string | null;
  createdAt: Date;
  /** The last record's status and date. */
  status: DocumentStatus;
  statusDate: string;
  records: DocumentRecordRow[];
  measures: MeasureRow[];
}

export interface SchoolDocumentFilterArgs {
  regionCodes?: string[] | null;
  municipalityIds?: string[] | null;
  schoolCodes?: string[] | null;
  listYear?: number | null;
  kinds?: SchoolDocumentKind[] | null;
  statuses?: DocumentStatus[] | null;
}

/** SCHOOL_PLACE_COLUMNS as the text of a knex statement (em.execute takes `?` placeholders, no fragments). */
const PLACE_TEXT = SCHOOL_PLACE_COLUMNS.texts.join('');

/** The last record of document `d`: its status and date. */
const LAST_RECORD = sql`cross join lateral (
    select r.status, r.date::text as date from document_status_record r
    where r.document_id = d.id order by r.date desc, r.seq desc limit 1) st`;

const DOCUMENTS = sql`school_document d join school s on s.id = d.school_id
  join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id ${LAST_RECORD}`;

const DOCUMENT_COLUMNS = sql`d.id::text as id, s.id as "schoolId", s.code as "schoolCode", s.name as "schoolName",
  d.list_year as "listYear", d.kind, d.risk_factor as "riskFactor", d.title, d.file_url as "fileUrl",
  d.created_at as "createdAt", st.status, st.date as "statusDate"`;

/** The records and measures of these documents, attached to them (two statements for a page). */
async function withDetails(
  db: Queryable,
  rows: Omit<SchoolDocumentRow, 'records' | 'measures'>[],
): Promise<SchoolDocumentRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [records, measures] = await Promise.all([
    db.query<DocumentRecordRow>(
      sql`select r.seq::text as seq, r.document_id::text as "documentId", r.date::text as date, r.status,
          r.comment, r.actor, r.created_at as "createdAt"
        from document_status_record r where r.document_id = any(${ids}::bigint[]) order by r.date, r.seq`,
    ),
    measuresOf(db, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    records: records.filter((r) => r.documentId === row.id),
    measures: measures.filter((m) => m.programmeId === row.id),
  }));
}

function filterConditions(filter: SchoolDocumentFilterArgs | null | undefined): Sql[] {
  if (!filter) return [];
  checkYear('filter.listYear', filter.listYear);
  const conditions: (Sql | null | undefined)[] = [
    filter.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
    filter.municipalityIds &&
      sql.in(
        sql`m.id`,
        filter.municipalityIds.map((id, i) => toId(`filter.municipalityIds[${i}]`, id)),
      ),
    filter.schoolCodes && sql.in(sql`s.code`, filter.schoolCodes),
    filter.listYear !== null && filter.listYear !== undefined ? sql`d.list_year = ${filter.listYear}` : null,
    filter.kinds && sql.in(sql`d.kind`, filter.kinds),
    filter.statuses && sql.in(sql`st.status`, filter.statuses),
  ];
  return conditions.filter((c): c is Sql => Boolean(c));
}

/** `schoolDocuments`: the documents of the viewer's scope matching the filter, by id. */
export function schoolDocuments(
  ctx: Context,
  filter: SchoolDocumentFilterArgs | null | undefined,
  page: PageArgs,
) {
  authorize(ctx.viewer, 'support.read');
  const where = [scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows'), ...filterConditions(filter)];
  return pageById(
    ctx,
    page,
    async (after, limit) =>
      withDetails(
        ctx.db,
        await ctx.db.query(
          sql`select ${DOCUMENT_COLUMNS} from ${DOCUMENTS} ${sql.where([...where, after])}
            order by d.id limit ${limit}`,
        ),
      ),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`select count(*)::int as n from ${DOCUMENTS} ${sql.where(where)}`,
      );
      return row?.n ?? 0;
    },
    sql`d.id`,
  );
}

/** One document as a write returns it (the writer was authorized for its place). */
export async function documentById(db: Queryable, id: string): Promise<SchoolDocumentRow> {
  const rows = await db.query<Omit<SchoolDocumentRow, 'records' | 'measures'>>(
    sql`select ${DOCUMENT_COLUMNS} from ${DOCUMENTS} where d.id = ${id}::bigint`,
  );
  const [row] = await withDetails(db, rows);
  if (!row) throw badUserInput('id', `id: no school document ${id}`);
  return row;
}

export interface NewSchoolDocument {
  schoolCode: string;
  listYear: number;
  kind: SchoolDocumentKind;
  riskFactor?: number | null;
  title: string;
  fileUrl?: string | null;
}

/** `createSchoolDocument`: the school's own document, with its DRAFT record, and the audit entry — one flush. */
export async function createSchoolDocument(
  ctx: Context,
  input: NewSchoolDocument,
): Promise<SchoolDocumentRow> {
  authorize(ctx.viewer, 'support.schoolWork');
  checkYear('input.listYear', input.listYear);
  const riskFactor = input.riskFactor ?? null;
  if (input.kind === SchoolDocumentKind.ANTI_RISK_PROGRAMME) {
    if (riskFactor === null) {
      throw badUserInput(
        'input.riskFactor',
        'input.riskFactor: an ANTI_RISK_PROGRAMME is written for one risk factor R1..R10',
      );
    }
  } else if (riskFactor !== null) {
    throw badUserInput(
      'input.riskFactor',
      `input.riskFactor: only an ANTI_RISK_PROGRAMME has a risk factor (this is ${input.kind})`,
    );
  }
  if (
    riskFactor !== null &&
    (!Number.isInteger(riskFactor) || riskFactor < RISK_FACTOR_MIN || riskFactor > RISK_FACTOR_MAX)
  ) {
    throw badUserInput(
      'input.riskFactor',
      `input.riskFactor: a risk factor is ${RISK_FACTOR_MIN}..${RISK_FACTOR_MAX} (R1..R10), got ${riskFactor}`,
    );
  }
  const title = requiredText('input.title', input.title);
  const fileUrl = httpLink('input.fileUrl', input.fileUrl);
  const school = await schoolByCode(ctx.db, 'input.schoolCode', input.schoolCode);
  authorize(ctx.viewer, 'support.schoolWork', { place: placeOf(school) });

  const em = ctx.em.fork();
  const document = em.create(SchoolDocument, {
    school: school.id,
    listYear: input.listYear,
    kind: input.kind,
    riskFactor,
    title,
    fileUrl,
  });
  em.create(DocumentStatusRecord, {
    document,
    date: school.today,
    status: DocumentStatus.DRAFT,
    comment: null,
    actor: ctx.viewer.id,
  });
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'createSchoolDocument', `school:${school.code}`, {
      listYear: input.listYear,
      kind: input.kind,
      riskFactor,
      title,
    }),
  );
  await em.flush().catch((error: unknown) => asBadInput(error, 'input'));
  return documentById(ctx.db, document.id);
}

/** The statuses a document may move to `to` from (schema/enums.ts DOCUMENT_NEXT_STATUSES: the one table). */
const fromStatuses = (to: DocumentStatus): readonly DocumentStatus[] =>
  Object.values(DocumentStatus).filter((s) => DOCUMENT_NEXT_STATUSES[s].includes(to));

/** Each move of SUPPORT-V1 §1: the status it records, from which it may be made, and who makes it. */
const MOVES = {
  submit: {
    to: DocumentStatus.SUBMITTED,
    from: fromStatuses(DocumentStatus.SUBMITTED),
    action: 'support.schoolWork',
  },
  approve: {
    to: DocumentStatus.APPROVED,
    from: fromStatuses(DocumentStatus.APPROVED),
    action: 'support.review',
  },
  return: {
    to: DocumentStatus.RETURNED,
    from: fromStatuses(DocumentStatus.RETURNED),
    action: 'support.review',
  },
} as const satisfies Record<string, { to: DocumentStatus; from: readonly DocumentStatus[]; action: Action }>;

export type DocumentMove = keyof typeof MOVES;

const MUTATION: Record<DocumentMove, string> = {
  submit: 'submitSchoolDocument',
  approve: 'approveSchoolDocument',
  return: 'returnSchoolDocument',
};

/**
 * A move of a document's status: the role first, then the document (locked, so that two moves of
 * one document are made one after the other and each sees the other's record), its place, and the
 * §1 transition from its current status. The new record (dated today where the school is, the
 * actor the viewer) and the audit entry land in one flush; a past record is never changed.
 */
export async function moveSchoolDocument(
  ctx: Context,
  move: DocumentMove,
  id: string,
  comment: string | null | undefined,
): Promise<SchoolDocumentRow> {
  const { to, from, action } = MOVES[move];
  authorize(ctx.viewer, action);
  rowId('id', id);
  const text = move === 'return' ? requiredText('comment', comment) : optionalText(comment);
  await ctx.em.fork().transactional(async (em: EntityManager) => {
    // Lock first, read the status after: in READ COMMITTED a statement that waited for the lock
    // still reads other rows as of its start, so the last record is read by a statement of its own.
    const [found] = await em.execute<SchoolPlace[]>(
      `select ${PLACE_TEXT} from school_document d join school s on s.id = d.school_id
        join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
        where d.id = ? for update of d`,
      [id],
    );
    if (!found) throw badUserInput('id', `id: no school document ${id}`);
    authorize(ctx.viewer, action, { place: placeOf(found) });
    const [last] = await em.execute<{ status: DocumentStatus }[]>(
      `select status from document_status_record where document_id = ? order by date desc, seq desc limit 1`,
      [id],
    );
    const status = last?.status ?? null;
    if (status === null || !(from as readonly DocumentStatus[]).includes(status)) {
      throw badInputWith(
        'id',
        `id: document ${id} is ${status ?? 'without a status record'}; ${MUTATION[move]} moves a ${from.join(' or ')} document to ${to} (SUPPORT-V1 §1: DRAFT → SUBMITTED → APPROVED | RETURNED → SUBMITTED)`,
        { status },
      );
    }
    em.create(DocumentStatusRecord, {
      document: em.getReference(SchoolDocument, id),
      date: found.today,
      status: to,
      comment: text,
      actor: ctx.viewer.id,
    });
    em.persist(
      AuditLogEntry.of(ctx.viewer, MUTATION[move], `school_document:${id}`, {
        school: found.code,
        from: status,
        to,
        ...(text ? { comment: text } : {}),
      }),
    );
    await em.flush().catch((error: unknown) =>
      asBadInput(error, 'id', {
        document_status_record_comment_check: { argument: 'comment', message: 'a return needs a comment' },
      }),
    );
  });
  return documentById(ctx.db, id);
}
