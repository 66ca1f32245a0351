import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ExportRiskProfilesDocument,
  type ExportRiskProfilesQuery,
  ExportShnorCandidatesDocument,
  type ExportShnorCandidatesQuery,
  ExportShnorListDocument,
  type ExportShnorListQuery,
  ExportVprStatisticsDocument,
  type ExportVprStatisticsQuery,
} from '../operations/generated/graphql.js';
import { ExportError } from './run-export.js';
import { type Column, defineExport, type ExportDefinition, markerText, schoolColumns } from './define.js';

type Candidate = ExportShnorCandidatesQuery['shnorCandidates']['nodes'][number];
type Profile = ExportRiskProfilesQuery['riskProfiles']['nodes'][number];
type VprRow = ExportVprStatisticsQuery['vprStatistics']['nodes'][number];

const candidates = defineExport<ExportShnorCandidatesQuery, Candidate>({
  name: 'candidates',
  sheet: 'Кандидаты ШНОР',
  document: ExportShnorCandidatesDocument as TypedDocumentNode<ExportShnorCandidatesQuery, never>,
  page: (d) => d.shnorCandidates,
  columns: [
    ...schoolColumns<Candidate>(),
    { header: 'Статус', value: (n) => n.status },
    { header: 'Кандидат на выход', value: (n) => n.exitCandidate },
    { header: 'lowIndex', value: (n) => n.lowIndex },
    { header: 'Ранг', value: (n) => n.lowRank },
    { header: 'lowIndex (y − 1)', value: (n) => n.previousLowIndex },
    { header: 'Ранг (y − 1)', value: (n) => n.previousLowRank },
    { header: 'Порог ранга', value: (n) => n.evidence.cutoffs.lowRankCut },
    { header: 'Доля «2» ВПР', value: (n) => n.evidence.current.vprLow },
    { header: 'Участников ВПР', value: (n) => n.evidence.current.vprN },
    { header: 'Доля «2» ОГЭ', value: (n) => n.evidence.current.ogeLow },
    { header: 'Участников ОГЭ', value: (n) => n.evidence.current.ogeN },
    { header: 'Доля ниже порога ЕГЭ', value: (n) => n.evidence.current.egeLow },
    { header: 'Участников ЕГЭ', value: (n) => n.evidence.current.egeN },
    {
      header: 'Признаки необъективности',
      value: (n) => markerText(n.markers),
    },
    { header: 'Обоснование', value: (n) => n.explanation },
    {
      header: 'Методика',
      value: (n) => `${n.evidence.methodology.name} (${n.evidence.methodology.hash.slice(0, 12)})`,
    },
  ],
});

const riskProfiles = defineExport<ExportRiskProfilesQuery, Profile>({
  name: 'risk-profiles',
  sheet: 'Профили рисков',
  document: ExportRiskProfilesDocument as TypedDocumentNode<ExportRiskProfilesQuery, never>,
  page: (d) => d.riskProfiles,
  columns: [
    ...schoolColumns<Profile>(),
    { header: 'Год', value: (n) => n.year },
    { header: 'Приоритетные риски', value: (n) => n.priorityRisks.map((r) => `R${r}`).join(', ') },
    ...Array.from(
      { length: 10 },
      (_, i): Column<Profile> => ({
        header: `R${i + 1}`,
        value: (n) => n.factors.find((f) => f.code === `R${i + 1}`)?.level ?? null,
      }),
    ),
    ...Array.from(
      { length: 10 },
      (_, i): Column<Profile> => ({
        header: `R${i + 1} балл`,
        value: (n) => n.factors.find((f) => f.code === `R${i + 1}`)?.score ?? null,
      }),
    ),
  ],
});

const vprStatistics = defineExport<ExportVprStatisticsQuery, VprRow>({
  name: 'vpr-statistics',
  sheet: 'Статистика ВПР',
  document: ExportVprStatisticsDocument as TypedDocumentNode<ExportVprStatisticsQuery, never>,
  page: (d) => d.vprStatistics,
  columns: [
    { header: 'Регион (код)', value: (n) => n.region?.code ?? null },
    { header: 'Регион', value: (n) => n.region?.name ?? null },
    { header: 'Муниципалитет', value: (n) => n.municipality?.name ?? null },
    { header: 'Логин', value: (n) => n.school?.code ?? null },
    { header: 'ОО', value: (n) => n.school?.name ?? null },
    { header: 'Год', value: (n) => n.year },
    { header: 'Класс', value: (n) => n.grade },
    { header: 'Предмет', value: (n) => n.subject },
    { header: 'Кол-во ОО', value: (n) => n.schoolCount },
    { header: 'Кол-во участников', value: (n) => n.participants },
    { header: '2', value: (n) => n.n2 },
    { header: '3', value: (n) => n.n3 },
    { header: '4', value: (n) => n.n4 },
    { header: '5', value: (n) => n.n5 },
    { header: 'Доля «2»', value: (n) => n.share2 },
    { header: 'Доля «5»', value: (n) => n.share5 },
    { header: 'Качество', value: (n) => n.quality },
    { header: 'Успеваемость', value: (n) => n.success },
    { header: 'Средняя отметка', value: (n) => n.meanMark },
  ],
});

type StoredList = NonNullable<ExportShnorListQuery['shnorList']>;
type ListEntry = StoredList['entries']['nodes'][number] & { list: Omit<StoredList, 'entries'> };

const shnorList = defineExport<ExportShnorListQuery, ListEntry>({
  name: 'shnor-list',
  sheet: 'Список ШНОР',
  document: ExportShnorListDocument as TypedDocumentNode<ExportShnorListQuery, never>,
  page: (d) => {
    if (!d.shnorList) {
      throw new ExportError(
        [{ message: 'No such list in your scope', extensions: { code: 'NOT_FOUND', argument: 'listId' } }],
        404,
      );
    }
    const { entries, ...list } = d.shnorList;
    return { pageInfo: entries.pageInfo, nodes: entries.nodes.map((n) => ({ ...n, list })) };
  },
  columns: [
    { header: 'Год', value: (n) => n.list.year },
    { header: 'Регион (код)', value: (n) => n.list.region.code },
    { header: 'Регион', value: (n) => n.list.region.name },
    { header: 'Состояние списка', value: (n) => n.list.status },
    { header: 'Логин', value: (n) => n.schoolCode },
    { header: 'ОО', value: (n) => n.schoolName },
    { header: 'Включена в список', value: (n) => n.included },
    { header: 'Статус (расчёт)', value: (n) => n.status },
    { header: 'Решение', value: (n) => n.decision ?? null },
    { header: 'Обоснование решения', value: (n) => n.justification ?? null },
    { header: 'Автор решения', value: (n) => n.decidedBy ?? null },
    { header: 'Дата решения', value: (n) => (n.decidedAt ? String(n.decidedAt) : null) },
    { header: 'В списке прошлого года', value: (n) => n.previouslyListed },
    { header: 'Кандидат на выход', value: (n) => n.exitCandidate },
    { header: 'lowIndex', value: (n) => n.lowIndex },
    { header: 'Ранг', value: (n) => n.lowRank },
    { header: 'lowIndex (y − 1)', value: (n) => n.previousLowIndex },
    { header: 'Ранг (y − 1)', value: (n) => n.previousLowRank },
    { header: 'Порог ранга', value: (n) => n.evidence.cutoffs.lowRankCut },
    { header: 'Доля «2» ВПР', value: (n) => n.evidence.current.vprLow },
    { header: 'Доля «2» ОГЭ', value: (n) => n.evidence.current.ogeLow },
    { header: 'Доля ниже порога ЕГЭ', value: (n) => n.evidence.current.egeLow },
    { header: 'Признаки необъективности', value: (n) => markerText(n.markers) },
    { header: 'Обоснование (расчёт)', value: (n) => n.explanation },
    {
      header: 'Методика',
      value: (n) => `${n.list.methodology.name} (${n.list.methodology.hash.slice(0, 12)})`,
    },
    { header: 'Утвердил', value: (n) => n.list.approvedBy ?? null },
  ],
});

export const EXPORTS: ReadonlyMap<string, ExportDefinition> = new Map(
  [shnorList, candidates, riskProfiles, vprStatistics].map((e) => [e.name, e]),
);
