import { ExportRoadmapDocument, type ExportRoadmapQuery } from '../../operations/generated/graphql.js';
import { fileNameOf } from '../file-name.js';
import { ACTIVITY_STATUS_RU } from '../labels.js';
import {
  annexOf,
  column,
  notFound,
  orderText,
  type PrintDefinition,
  russianDate,
  todayIn,
} from '../print/document.js';

type Roadmap = NonNullable<ExportRoadmapQuery['roadmap']>;

/** Whose roadmap, as the title names it: the municipality, the region or the school. */
export function placeOf(roadmap: Roadmap): string {
  if (roadmap.level === 'SCHOOL' && roadmap.school)
    return `${roadmap.school.name} (${roadmap.school.code}), ${roadmap.municipality?.name ?? roadmap.region.name}`;
  if (roadmap.municipality) return `${roadmap.municipality.name}, ${roadmap.region.name}`;
  return roadmap.region.name;
}

/** The table of the approving order (seed 001, Приложение № 1), and the status of each activity. */
export const ROADMAP_COLUMNS = [
  column('number', '№ п/п', 'code', 6),
  column('title', 'Наименование мероприятия', 'longText', 50),
  column('deadline', 'Сроки исполнения', 'text', 16),
  column('executors', 'Ответственные исполнители', 'text', 24),
  column('expected_result', 'Ожидаемый результат', 'longText', 40),
  column('status', 'Статус', 'text', 14),
];

/**
 * A roadmap as its approving order prints it (`/export/roadmap.<xlsx|html|csv>?id=…&asOf=…`): the
 * activities in the order of the table, the number, the deadline and the executors as written,
 * and each activity's status as of `asOf` — by default today on the region's clock. Without
 * `asOf` the operation runs twice: once to learn the region's zone, once with that day, so the
 * date in the title is the date the statuses were computed for.
 */
export const roadmap: PrintDefinition = {
  name: 'roadmap',
  parameters: { id: { required: true }, asOf: { required: false, date: true } },
  async build(run, parameters) {
    const id = String(parameters.id);
    const ask = async (asOf: string | null) => {
      const data = await run(ExportRoadmapDocument, { id, asOf });
      if (!data.roadmap) throw notFound('No such roadmap in your scope', 'id');
      return data.roadmap;
    };
    const given = typeof parameters.asOf === 'string' ? parameters.asOf : null;
    const first = await ask(given);
    const asOf = given ?? todayIn(first.region.timeZone);
    const map = given ? first : await ask(asOf);
    const place = placeOf(map);
    const approved = orderText(map.order);
    return {
      title: `Дорожная карта: ${place}, список ШНОР ${map.listYear} года, статус на ${russianDate(asOf)}`,
      annex: annexOf(map.order),
      heading: [
        `План мероприятий (дорожная карта) по оказанию методической помощи образовательным организациям, показывающим низкие образовательные результаты: ${place}`,
        `Список ШНОР ${map.listYear} года; период реализации: ${russianDate(map.periodStart)} — ${russianDate(map.periodEnd)}`,
        approved ? `Утверждён: ${approved}` : 'Утверждающий приказ не указан',
        `Статус мероприятий на ${russianDate(asOf)}`,
      ],
      columns: ROADMAP_COLUMNS,
      rows: map.activities.map((a) => [
        a.number,
        a.title,
        a.deadlineText,
        a.executorsText,
        a.expectedResult ?? null,
        ACTIVITY_STATUS_RU[a.status] ?? a.status,
      ]),
      empty: 'В дорожной карте нет мероприятий',
      orientation: 'landscape',
      sheet: 'Дорожная карта',
      timeZone: map.region.timeZone,
      fileName: fileNameOf(
        ['roadmap', map.id, map.listYear, map.region.code, 'as-of', asOf],
        ['Дорожная карта', map.municipality?.name ?? map.region.name, map.listYear, 'на', russianDate(asOf)],
      ),
    };
  },
};
