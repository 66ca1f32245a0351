import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ExportShnorCandidatesDocument,
  type ExportShnorCandidatesQuery,
} from '../../operations/generated/graphql.js';
import { columnsFor, decisionColumns, markerText, schoolColumns } from '../column-builders.js';
import { defineExport } from '../define.js';
import { SHNOR_STATUS_RU } from '../labels.js';
import { yearAndRegionDocument } from './naming.js';

type Candidate = ExportShnorCandidatesQuery['shnorCandidates']['nodes'][number];
const c = columnsFor<Candidate>();

/** Every school's ШНОР status with its evidence (`/export/candidates.<csv|xlsx>?year=…`). */
export const candidates = defineExport<ExportShnorCandidatesQuery, Candidate>({
  name: 'candidates',
  document: ExportShnorCandidatesDocument as TypedDocumentNode<ExportShnorCandidatesQuery, never>,
  page: (d) => d.shnorCandidates,
  main: {
    describe: (_data, naming) =>
      yearAndRegionDocument(naming, {
        ascii: 'candidates',
        russian: 'Кандидаты в список ШНОР',
        sheet: 'Кандидаты ШНОР',
      }),
    columns: [
      ...schoolColumns<Candidate>(),
      c.enumeration('status', 'Статус', SHNOR_STATUS_RU, (n) => n.status),
      c.boolean('exit_candidate', 'Кандидат на выход из списка', (n) => n.exitCandidate),
      ...decisionColumns<Candidate>(),
      c.integer('vpr_n2', 'Получили «2» на ВПР', (n) => n.evidence.current.vprN2),
      c.integer('vpr_n', 'Участников ВПР', (n) => n.evidence.current.vprN),
      c.integer('oge_n', 'Участников ОГЭ', (n) => n.evidence.current.ogeN),
      c.integer('ege_n', 'Участников ЕГЭ', (n) => n.evidence.current.egeN),
      c.text('markers', 'Признаки необъективности', (n) => markerText(n.markers), 24),
      c.longText('explanation', 'Обоснование', (n) => n.explanation),
      c.text(
        'methodology',
        'Методика',
        (n) => `${n.evidence.methodology.name} (${n.evidence.methodology.hash.slice(0, 12)})`,
        18,
      ),
    ],
  },
});
