import { DocumentStatus } from '../../../schema/enums.js';
import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import {
  enumOf,
  field,
  labels,
  linkOf,
  pastDateOf,
  scopedSchool,
  type SupportEnv,
  type SupportFormat,
  type SupportRow,
} from './common.js';

/**
 * `documents` (SUPPORT-V1 §1 SchoolDocument, the status log): one row per status record of a
 * school's document — school, list year, kind, risk factor (R1..R10, for an ANTI_RISK_PROGRAMME
 * only and required there), title, link, date, status, comment (required when RETURNED). A
 * document is named by school, list year, kind, risk factor and title; a new one is created with
 * its first record. Whether each record is a §1 transition from the document's stored status is
 * checked against the table (ingest/write/support/documents.ts). Key within the file: the document,
 * date, status.
 */
export type DocumentKind =
  | 'CONCEPT'
  | 'MEDIUM_TERM_PROGRAMME'
  | 'ANTI_RISK_PROGRAMME'
  | 'FAILING_STUDENTS_PLAN'
  | 'TEACHER_DEVELOPMENT_PLAN';

export interface DocumentRow extends SupportRow {
  schoolId: number;
  listYear: number;
  kind: DocumentKind;
  riskFactor: number | null;
  title: string;
  fileUrl: string | null;
  date: string;
  status: DocumentStatus;
  /** The status as the file writes it (a refusal quotes it). */
  statusText: string;
  comment: string | null;
  /** The document's key (school, list year, kind, risk factor, title). */
  documentKey: string;
}

const FIELDS = [
  field('school', ['Код ОО', 'school', 'Школа', 'Логин', 'schoolCode']),
  field('listYear', ['Год списка', 'listYear', 'Год']),
  field('kind', ['Вид документа', 'kind', 'Документ', 'Вид']),
  field('riskFactor', ['Фактор риска', 'riskFactor', 'Риск'], false),
  field('title', ['Наименование', 'title', 'Название']),
  field('fileUrl', ['Ссылка', 'fileUrl', 'Файл', 'Ссылка на документ'], false),
  field('date', ['Дата', 'date', 'Дата статуса']),
  field('status', ['Статус', 'status']),
  field('comment', ['Комментарий', 'comment', 'Замечания'], false),
];

const KIND = {
  CONCEPT: ['концепц'],
  MEDIUM_TERM_PROGRAMME: ['среднесрочн', 'программа развития', 'программа перехода'],
  ANTI_RISK_PROGRAMME: ['антириск', 'программа антириск'],
  FAILING_STUDENTS_PLAN: ['неуспева', 'слабоуспева', 'план работы с неуспева', 'план работы со слабоуспева'],
  TEACHER_DEVELOPMENT_PLAN: ['план профессионального развития', 'план развития педагог', 'профессиональн'],
} as const;
const STATUS = {
  DRAFT: ['черновик', 'проект'],
  SUBMITTED: ['представлен', 'подан', 'направлен', 'на согласовани', 'на рассмотрени'],
  APPROVED: ['согласован', 'утвержд', 'одобрен'],
  RETURNED: ['возвращ', 'на доработк', 'отклон'],
} as const;

/** R1..R10 (Latin or Cyrillic R) or 1..10. */
const RISK = /^[RrРр]?\s*(\d{1,2})$/;

function riskFactorOf(r: RowReader, kind: DocumentKind | null): number | null | undefined {
  const text = r.text('riskFactor');
  if (kind !== 'ANTI_RISK_PROGRAMME') {
    if (text === '') return null;
    return (
      r.reject(
        'riskFactor',
        reason(
          'фактор риска указывается только у антирисковой программы',
          'only an anti-risk programme has a risk factor',
        ),
      ) ?? undefined
    );
  }
  const factor = Number(RISK.exec(text)?.[1]);
  if (Number.isInteger(factor) && factor >= 1 && factor <= 10) return factor;
  return (
    r.reject(
      'riskFactor',
      reason(
        'антирисковая программа пишется по фактору R1..R10',
        'an anti-risk programme is of one factor R1..R10',
      ),
    ) ?? undefined
  );
}

function validate(r: RowReader, env: SupportEnv): DocumentRow | null {
  const school = scopedSchool(r, env, 'school');
  const listYear = r.year('listYear');
  const kind = enumOf(r, 'kind', KIND, reason('неизвестный вид документа', 'unknown kind of document'));
  const riskFactor = riskFactorOf(r, kind);
  const title = r.required('title');
  const fileUrl = linkOf(r, 'fileUrl');
  const date = pastDateOf(r, env, 'date', school?.regionId ?? null);
  const status = enumOf(r, 'status', STATUS, reason('неизвестный статус', 'unknown status'));
  const comment = r.text('comment') || null;
  if (status === 'RETURNED' && comment === null) {
    r.reject(
      'comment',
      reason('документ возвращается с комментарием', 'a document is returned with a comment'),
      '',
    );
  }
  if (r.failed || !school || listYear === null || !kind || riskFactor === undefined || !title) return null;
  if (fileUrl === undefined || !date || !status) return null;
  const documentKey = [school.id, listYear, kind, riskFactor, title].join('|');
  return {
    line: r.line,
    key: [documentKey, date, status].join('|'),
    keyText: [school.code, listYear, kind, riskFactor ? `R${riskFactor}` : '', title, date, status]
      .filter(Boolean)
      .join(' '),
    schoolId: school.id,
    listYear,
    kind,
    riskFactor,
    title,
    fileUrl,
    date,
    status: DocumentStatus[status],
    statusText: r.text('status'),
    comment,
    documentKey,
  };
}

export const DOCUMENTS_FORMAT: SupportFormat<DocumentRow> = {
  kind: 'documents',
  fields: FIELDS,
  keyColumns: (headers) => labels(headers, ['school', 'listYear', 'kind', 'title', 'date', 'status']),
  prepare: (_headers, env) => (r) => validate(r, env),
};
