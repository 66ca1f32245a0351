import {
  ExportPartnershipsDocument,
  type ExportPartnershipsQuery,
} from '../../operations/generated/graphql.js';
import { fileNameOf } from '../file-name.js';
import {
  allPages,
  annexOf,
  column,
  orderText,
  type PrintDefinition,
  type Run,
  russianDate,
  todayIn,
} from '../print/document.js';
import { FEDERAL_TIME_ZONE } from './naming.js';
import { orderById, orderPlace, type StoredOrder } from './appendix-order.js';

type Partnership = ExportPartnershipsQuery['partnerships']['nodes'][number];

function period(p: Partnership): string {
  return p.to ? `с ${russianDate(p.from)} по ${russianDate(p.to)}` : `с ${russianDate(p.from)}`;
}

/**
 * The network partnerships (`/export/appendix-partnerships.<xlsx|html|csv>?…`): each listed school
 * beside its partner, the period and the order it rests on — the partnerships open on `asOf`
 * whose listed school the viewer sees, filtered by `regionCodes`, `municipalityIds` and, with
 * `orderId`, those resting on that order (whose number and date then head the appendix). Without
 * `asOf` the date is today on the clock of the order's region (else of the first listed school's).
 */
export const appendixPartnerships: PrintDefinition = {
  name: 'appendix-partnerships',
  parameters: {
    regionCodes: { required: false, list: true },
    municipalityIds: { required: false, list: true },
    asOf: { required: false, date: true },
    orderId: { required: false },
  },
  async build(run, parameters) {
    const filter = {
      regionCodes: Array.isArray(parameters.regionCodes) ? parameters.regionCodes : undefined,
      municipalityIds: Array.isArray(parameters.municipalityIds) ? parameters.municipalityIds : undefined,
    };
    const all = (runAsOf: Run, asOf: string | null) =>
      allPages(
        async (after) => (await runAsOf(ExportPartnershipsDocument, { ...filter, asOf, after })).partnerships,
      );
    const order: StoredOrder | null =
      typeof parameters.orderId === 'string' ? await orderById(run, parameters.orderId) : null;
    const zoneOf = (found: readonly Partnership[]) =>
      order?.region.timeZone ?? found[0]?.listedSchool.municipality.region.timeZone ?? FEDERAL_TIME_ZONE;
    const given = typeof parameters.asOf === 'string' ? parameters.asOf : null;
    const asOf = given ?? todayIn(order ? zoneOf([]) : zoneOf(await all(run, null)));
    const found = await all(run, asOf);
    const zone = zoneOf(found);
    const rows = order ? found.filter((p) => p.basisOrder?.id === order.id) : found;
    const regions = [...new Set(rows.map((p) => p.listedSchool.municipality.region.name))];
    const place = order ? orderPlace(order) : regions.join(', ');
    const regionCodes = [...new Set(rows.map((p) => p.listedSchool.municipality.region.code))];
    return {
      title: `Сетевое партнёрство${place ? `: ${place}` : ''}, на ${russianDate(asOf)}`,
      annex: annexOf(order),
      heading: [
        'Список сетевого партнёрства образовательных организаций с низкими образовательными результатами и образовательных организаций-партнёров',
        ...(place ? [place] : []),
        `Действующие на ${russianDate(asOf)}`,
      ],
      columns: [
        column('position', '№ п/п', 'integer', 6),
        column('municipality_name', 'Муниципалитет', 'text', 22),
        column('listed_school', 'ОО с низкими образовательными результатами', 'text', 40),
        column('partner_school', 'ОО-партнёр', 'text', 40),
        column('period', 'Период', 'text', 16),
        column('basis', 'Основание', 'text', 26),
      ],
      rows: rows.map((p, i) => [
        i + 1,
        p.listedSchool.municipality.name,
        `${p.listedSchool.name} (${p.listedSchool.code})`,
        `${p.partnerSchool.name} (${p.partnerSchool.code})`,
        period(p),
        orderText(p.basisOrder),
      ]),
      empty: 'Действующих партнёрств нет',
      orientation: 'landscape',
      sheet: 'Сетевое партнёрство',
      timeZone: zone,
      fileName: fileNameOf(
        ['appendix-partnerships', ...regionCodes, order ? `order-${order.id}` : null, 'as-of', asOf],
        ['Приложение. Сетевое партнёрство', ...regionCodes, 'на', russianDate(asOf)],
      ),
    };
  },
};
