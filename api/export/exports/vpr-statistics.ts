import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ExportVprStatisticsDocument,
  type ExportVprStatisticsQuery,
} from '../../operations/generated/graphql.js';
import { columnsFor } from '../column-builders.js';
import { defineExport } from '../define.js';
import { SUBJECT_RU } from '../labels.js';
import { yearAndRegionDocument } from './naming.js';

type VprRow = ExportVprStatisticsQuery['vprStatistics']['nodes'][number];
const c = columnsFor<VprRow>();

/** «Статистика по отметкам» of a slice (`/export/vpr-statistics.<csv|xlsx>?groupBy=…`). */
export const vprStatistics = defineExport<ExportVprStatisticsQuery, VprRow>({
  name: 'vpr-statistics',
  document: ExportVprStatisticsDocument as TypedDocumentNode<ExportVprStatisticsQuery, never>,
  page: (d) => d.vprStatistics,
  main: {
    describe: (_data, naming) =>
      yearAndRegionDocument(naming, {
        ascii: 'vpr-statistics',
        russian: 'Статистика по отметкам ВПР',
        sheet: 'Статистика ВПР',
      }),
    columns: [
      c.code('region_code', 'Код региона', (n) => n.region?.code, 8),
      c.text('region_name', 'Регион', (n) => n.region?.name, 22),
      c.text('municipality_name', 'Муниципалитет', (n) => n.municipality?.name, 24),
      c.code('school_code', 'Логин', (n) => n.school?.code, 12),
      c.text('school_name', 'ОО', (n) => n.school?.name, 36),
      c.integer('year', 'Год', (n) => n.year),
      c.integer('grade', 'Класс', (n) => n.grade),
      c.enumeration('subject', 'Предмет', SUBJECT_RU, (n) => n.subject, { width: 22 }),
      c.integer('school_count', 'Кол-во ОО', (n) => n.schoolCount),
      c.integer('participants', 'Кол-во участников', (n) => n.participants),
      c.integer('n2', 'Кол-во «2»', (n) => n.n2),
      c.integer('n3', 'Кол-во «3»', (n) => n.n3),
      c.integer('n4', 'Кол-во «4»', (n) => n.n4),
      c.integer('n5', 'Кол-во «5»', (n) => n.n5),
      c.percent('share2', 'Доля «2»', (n) => n.share2),
      c.percent('share5', 'Доля «5»', (n) => n.share5),
      c.percent('quality', 'Качество знаний', (n) => n.quality),
      c.percent('success', 'Успеваемость', (n) => n.success),
      c.number('mean_mark', 'Средняя отметка', 2, (n) => n.meanMark),
    ],
  },
});
