import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ExportShnorListDocument, type ExportShnorListQuery } from '../../operations/generated/graphql.js';
import { columnsFor, decisionColumns, markerText } from '../column-builders.js';
import { defineExport, type ExportDocument, type NamingContext } from '../define.js';
import { fileNameOf } from '../file-name.js';
import { LIST_DECISION_RU, LIST_STATUS_RU, SHNOR_STATUS_RU } from '../labels.js';
import { ExportError } from '../run-export.js';

type StoredList = NonNullable<ExportShnorListQuery['shnorList']>;
type ListHeader = Omit<StoredList, 'entries'>;
type ListEntry = StoredList['entries']['nodes'][number] & { list: ListHeader };
const c = columnsFor<ListEntry>();

function storedList(data: ExportShnorListQuery): StoredList {
  if (!data.shnorList) {
    throw new ExportError(
      [{ message: 'No such list in your scope', extensions: { code: 'NOT_FOUND', argument: 'listId' } }],
      404,
    );
  }
  return data.shnorList;
}

/** «Список ШНОР 2026, Оренбургская область (56), список № 2, утверждён»; `shnor-list-2026-56-list-2`. */
function listDocument(data: ExportShnorListQuery, naming: NamingContext, appendix: boolean): ExportDocument {
  const list = storedList(data);
  const id = String(naming.variables.listId ?? '');
  const where = `${list.region.name} (${list.region.code})`;
  const state = (LIST_STATUS_RU[list.status] ?? list.status).toLowerCase();
  return {
    title: appendix
      ? `Перечень школ с низкими образовательными результатами на ${list.year} год — ${where}, список № ${id}`
      : `Список ШНОР ${list.year} — ${where}, список № ${id}, ${state}`,
    sheet: appendix ? 'Приложение' : 'Список ШНОР',
    timeZone: list.region.timeZone,
    fileName: fileNameOf(
      ['shnor-list', list.year, list.region.code, 'list', id, appendix ? 'appendix' : null],
      [appendix ? 'Приложение. Список ШНОР' : 'Список ШНОР', list.year, list.region.code, 'список', id],
    ),
  };
}

/** Why a school is in the order: the manual decision's reason if any, else the computed sentence. */
function inclusionBasis(n: ListEntry): string {
  return n.decision === 'INCLUDE' && n.justification ? `Решение: ${n.justification}` : n.explanation;
}

const zoneOf = (n: ListEntry) => n.list.region.timeZone;

/**
 * A stored list (`/export/shnor-list.<csv|xlsx>?listId=…`): every entry with decisions and evidence;
 * `?variant=appendix`: the order's appendix — included schools only, numbered.
 */
export const shnorList = defineExport<ExportShnorListQuery, ListEntry>({
  name: 'shnor-list',
  document: ExportShnorListDocument as TypedDocumentNode<ExportShnorListQuery, never>,
  page: (d) => {
    const { entries, ...list } = storedList(d);
    return { pageInfo: entries.pageInfo, nodes: entries.nodes.map((n) => ({ ...n, list })) };
  },
  main: {
    describe: (data, naming) => listDocument(data, naming, false),
    columns: [
      c.integer('year', 'Год списка', (n) => n.list.year),
      c.code('region_code', 'Код региона', (n) => n.list.region.code, 8),
      c.text('region_name', 'Регион', (n) => n.list.region.name, 22),
      c.enumeration('list_status', 'Состояние списка', LIST_STATUS_RU, (n) => n.list.status),
      c.text('municipality_name', 'Муниципалитет', (n) => n.school?.municipality.name, 24),
      c.code('school_code', 'Логин', (n) => n.schoolCode, 12),
      c.text('school_name', 'ОО', (n) => n.schoolName, 36),
      c.boolean('included', 'Включена в список', (n) => n.included),
      c.enumeration('status', 'Статус по расчёту', SHNOR_STATUS_RU, (n) => n.status),
      c.enumeration('decision', 'Решение', LIST_DECISION_RU, (n) => n.decision, { width: 12 }),
      c.longText('justification', 'Обоснование решения', (n) => n.justification, 40),
      c.text('decided_by', 'Автор решения', (n) => n.decidedBy, 16),
      c.datetime('decided_at', 'Дата решения', (n) => n.decidedAt, zoneOf),
      c.boolean('previously_listed', 'В списке прошлого года', (n) => n.previouslyListed),
      c.boolean('exit_candidate', 'Кандидат на выход из списка', (n) => n.exitCandidate),
      ...decisionColumns<ListEntry>(),
      c.text('markers', 'Признаки необъективности', (n) => markerText(n.markers), 24),
      c.longText('explanation', 'Обоснование по расчёту', (n) => n.explanation),
      c.text(
        'methodology',
        'Методика',
        (n) => `${n.list.methodology.name} (${n.list.methodology.hash.slice(0, 12)})`,
        18,
      ),
      c.text('approved_by', 'Утвердил', (n) => n.list.approvedBy, 16),
      c.datetime('approved_at', 'Дата утверждения', (n) => n.list.approvedAt, zoneOf),
    ],
  },
  appendix: {
    // The order lists the schools it includes, whatever `included` the link asks for.
    fixedVariables: { included: true },
    describe: (data, naming) => listDocument(data, naming, true),
    columns: [
      c.position(),
      c.text('municipality_name', 'Муниципалитет', (n) => n.school?.municipality.name, 28),
      c.text('school_name', 'Образовательная организация', (n) => n.schoolName, 48),
      c.code('school_code', 'Логин', (n) => n.schoolCode, 12),
      c.longText('basis', 'Основание включения', inclusionBasis, 70),
    ],
  },
});
