import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ExportSubmissionTrackingDocument,
  type ExportSubmissionTrackingQuery,
} from '../../operations/generated/graphql.js';
import { columnsFor } from '../column-builders.js';
import { defineExport } from '../define.js';
import { fileNameOf } from '../file-name.js';
import { yearAndRegionDocument } from './naming.js';

type Missing = ExportSubmissionTrackingQuery['submissionTracking'][number];
const c = columnsFor<Missing>();

const listOf = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/**
 * The submission tracking (SUPPORT-V1 §5) — who has not reported on what — of the regions or
 * municipalities asked for (`/export/submission-tracking.<csv|xlsx>?year=…&asOf=…`): one row per
 * (listed school, due activity) without a report, in the API's order, with the school's report and
 * document figures beside it so a row reads on its own. Dates are ISO codes (`2026-09-30`): the
 * export has no date-only cell kind, and a code stays text in Excel (README: Exports).
 */
export const submissionTracking = defineExport<ExportSubmissionTrackingQuery, Missing>({
  name: 'submission-tracking',
  document: ExportSubmissionTrackingDocument as TypedDocumentNode<ExportSubmissionTrackingQuery, never>,
  page: (d) => ({ nodes: d.submissionTracking }),
  main: {
    describe: (_data, naming) => {
      const document = yearAndRegionDocument(naming, {
        ascii: 'submission-tracking',
        russian: 'Несданные отчёты ШНОР',
        sheet: 'Несданные отчёты',
      });
      const municipalities = listOf(naming.variables.municipalityIds);
      const asOf = typeof naming.variables.asOf === 'string' ? naming.variables.asOf : null;
      const where = municipalities.length ? `муниципалитеты ${municipalities.join(', ')}` : null;
      const ascii = [document.fileName.ascii, municipalities.length ? 'mun' : null, ...municipalities];
      const russian = [document.fileName.russian, municipalities.length ? 'мун.' : null, ...municipalities];
      return {
        ...document,
        title: [document.title, where, asOf ? `на ${asOf}` : null].filter(Boolean).join(', '),
        fileName: fileNameOf(
          [...ascii, asOf ? `as-of-${asOf}` : null],
          [...russian, asOf ? `на ${asOf}` : null],
        ),
      };
    },
    columns: [
      c.code('region_code', 'Код региона', (n) => n.school.municipality.region.code, 8),
      c.text('municipality_name', 'Муниципалитет', (n) => n.school.municipality.name, 24),
      c.code('school_code', 'Логин ОО', (n) => n.school.code, 12),
      c.text('school_name', 'ОО', (n) => n.school.name, 36),
      c.code('activity_number', '№ мероприятия', (n) => n.activity.number, 10),
      c.longText('activity_title', 'Мероприятие', (n) => n.activity.title),
      c.code('due', 'Срок', (n) => n.activity.due, 11),
      c.code('roadmap_id', 'Дорожная карта', (n) => n.activity.roadmapId, 10),
      c.integer('reports_total', 'Отчётов ОО всего', (n) => n.school.reports.total),
      c.integer('reports_due', 'Отчётов ОО к сроку', (n) => n.school.reports.due),
      c.integer('reports_submitted', 'Отчётов ОО сдано', (n) => n.school.reports.submitted),
      c.boolean('curator_assigned', 'Куратор назначен', (n) => n.school.curatorAssigned),
      c.boolean('partner_assigned', 'Партнёр назначен', (n) => n.school.partnerAssigned),
      c.text(
        'missing_required_documents',
        'Не представлены обязательные документы',
        (n) => n.school.documents.missingRequired.join(', ') || null,
        36,
      ),
    ],
  },
});
