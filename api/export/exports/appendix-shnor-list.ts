import {
  ExportShnorListAppendixDocument,
  type ExportShnorListAppendixQuery,
} from '../../operations/generated/graphql.js';
import { fileNameOf } from '../file-name.js';
import { ExportError } from '../run-export.js';
import { allPages, annexOf, column, notFound, type PrintDefinition } from '../print/document.js';
import { russianDateTime } from '../zoned-time.js';
import { orderById, orderPlace, type StoredOrder } from './appendix-order.js';

type List = NonNullable<ExportShnorListAppendixQuery['shnorList']>;
type Entry = List['entries']['nodes'][number];

/**
 * The order's list of ШНОР (`/export/appendix-shnor-list.<xlsx|html|csv>?listId=…[&orderId=…]`):
 * the schools an approved list includes, numbered in list order — a draft is refused (409), an
 * order does not approve a draft. With `orderId` the appendix names the order and, for an order of
 * a municipality, lists that municipality's schools only. The entries are those the viewer sees.
 */
export const appendixShnorList: PrintDefinition = {
  name: 'appendix-shnor-list',
  parameters: { listId: { required: true }, orderId: { required: false } },
  async build(run, parameters) {
    const listId = String(parameters.listId);
    let list: List | null = null;
    const entries: Entry[] = await allPages(async (after) => {
      const data = await run(ExportShnorListAppendixDocument, { listId, after });
      if (!data.shnorList) throw notFound('No such list in your scope', 'listId');
      list = data.shnorList;
      return data.shnorList.entries;
    });
    const stored = list as List | null;
    if (!stored) throw notFound('No such list in your scope', 'listId');
    if (stored.status === 'DRAFT')
      throw new ExportError(
        [
          {
            message: `List ${listId} is a draft: an order's appendix lists an approved list (approveShnorList first)`,
            extensions: { code: 'CONFLICT', reason: 'LIST_NOT_APPROVED', argument: 'listId' },
          },
        ],
        409,
      );
    const order: StoredOrder | null =
      typeof parameters.orderId === 'string' ? await orderById(run, parameters.orderId) : null;
    const municipalityId = order?.municipality?.id;
    const schools = municipalityId
      ? entries.filter((e) => e.school?.municipality.id === municipalityId)
      : entries;
    const zone = stored.region.timeZone;
    const approvedAt = stored.approvedAt
      ? russianDateTime({ at: new Date(String(stored.approvedAt)), timeZone: zone }).slice(0, 10)
      : null;
    const place = order ? orderPlace(order) : `${stored.region.name} (${stored.region.code})`;
    return {
      title: `Список ШНОР ${stored.year} года: ${place}`,
      annex: annexOf(order),
      heading: [
        `Список образовательных организаций, показывающих низкие образовательные результаты, на ${stored.year} год`,
        place,
        `Список № ${listId}${approvedAt ? `, утверждён ${approvedAt}` : ''}`,
      ],
      columns: [
        column('position', '№ п/п', 'integer', 6),
        column('school_name', 'Образовательная организация', 'text', 60),
        column('municipality_name', 'Муниципалитет', 'text', 28),
      ],
      rows: schools.map((e, i) => [i + 1, e.schoolName, e.school?.municipality.name ?? null]),
      empty: 'В списке нет школ',
      orientation: 'portrait',
      sheet: 'Список ШНОР',
      timeZone: zone,
      fileName: fileNameOf(
        ['appendix-shnor-list', stored.year, stored.region.code, 'list', listId],
        ['Приложение. Список ШНОР', stored.year, stored.region.code, 'список', listId],
      ),
    };
  },
};
