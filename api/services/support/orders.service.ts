import { sql, type Sql } from '../../../db/sql.js';
import { scopeCondition } from '../../../db/scope.js';
import { Municipality, Region, SupportOrder } from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PlaceFilter } from '../../graphql/inputs/place-filter.input.js';
import { type CreateSupportOrderInput } from '../../graphql/inputs/support/orders.inputs.js';
import {
  audited,
  checkText,
  findOrderOf,
  findPlace,
  idPage,
  isoDate,
  placeConditions,
} from './orders.shared.js';

/** Orders (SUPPORT-V1 §1): of a region or a municipality; support.plan of that place writes them. */

/** A region as the API's Region type takes it (region `alias`). */
export const regionJson = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'timeZone', ${alias}.time_zone)`,
  );

/** A municipality as the API's Municipality type takes it, or null (municipality `alias`, left-joined). */
export const municipalityJson = (alias: string) =>
  sql.raw(
    `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'regionId', ${alias}.region_id) end`,
  );

/** The OrderReference of a stored order (`alias`, left-joined), or null. */
export const orderJson = (alias: string) =>
  sql.raw(
    `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id::text, 'number', ${alias}.number,
      'date', to_char(${alias}.date, 'YYYY-MM-DD'), 'issuer', ${alias}.issuer) end`,
  );

export interface OrderRow {
  id: string;
  number: string;
  date: string;
  issuer: string;
  region: object;
  municipality: object | null;
  title: string;
  basis: { id: string | null; number: string; date: string | null; issuer: string | null } | null;
  createdAt: Date;
}

const ORDERS = sql`support_order o join region g on g.id = o.region_id
  left join municipality m on m.id = o.municipality_id left join support_order b on b.id = o.basis_order_id`;

const ORDER_COLUMNS = sql`o.id::text as id, o.number, to_char(o.date, 'YYYY-MM-DD') as date, o.issuer,
  ${regionJson('g')} as region, ${municipalityJson('m')} as municipality, o.title,
  case when b.id is not null then ${orderJson('b')}
    when o.basis_number is not null then json_build_object('id', null, 'number', o.basis_number,
      'date', to_char(o.basis_date, 'YYYY-MM-DD'), 'issuer', o.basis_issuer) end as basis,
  o.created_at as "createdAt"`;

const scoped = (ctx: Context): Sql =>
  scopeCondition(ctx.viewer, { regionId: sql`o.region_id`, municipalityId: sql`o.municipality_id` }, 'rows');

/** supportOrders: the orders of the places in the viewer's scope (a school's scope holds none). */
export function supportOrders(
  ctx: Context,
  args: { filter?: PlaceFilter | null; first?: number | null; after?: string | null },
) {
  authorize(ctx.viewer, 'support.read');
  return idPage<OrderRow>(ctx, args, {
    columns: ORDER_COLUMNS,
    from: ORDERS,
    id: sql`o.id`,
    conditions: [
      scoped(ctx),
      ...placeConditions(
        args.filter,
        { regionId: sql`o.region_id`, municipalityId: sql`o.municipality_id` },
        'orders',
      ),
    ],
  });
}

/** One order as stored, whoever asks (the writer has just been authorized for it). */
export async function orderById(ctx: Context, id: string): Promise<OrderRow> {
  const [row] = await ctx.db.query<OrderRow>(
    sql`select ${ORDER_COLUMNS} from ${ORDERS} where o.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`support_order ${id} vanished`);
  return row;
}

/** createSupportOrder: support.plan on the issuer's place (a region's analyst for its own orders, a municipality's for its). */
export async function createSupportOrder(ctx: Context, input: CreateSupportOrderInput): Promise<OrderRow> {
  const { region, municipality } = await findPlace(ctx, 'input.', input);
  const place = { regionId: region.id, municipalityId: municipality?.id ?? null };
  authorize(ctx.viewer, 'support.plan', { place });
  const number = checkText('input.number', input.number);
  const issuer = checkText('input.issuer', input.issuer);
  const title = checkText('input.title', input.title);
  const basisText = input.basisNumber != null || input.basisDate != null || input.basisIssuer != null;
  if (input.basisOrderId != null && basisText) {
    throw badUserInput(
      'input.basisOrderId',
      'input.basisOrderId: give the basis as a stored order or as its number, date and issuer — not both',
    );
  }
  if (basisText && (input.basisNumber == null || input.basisNumber.trim() === '')) {
    throw badUserInput(
      'input.basisNumber',
      'input.basisNumber: the basis order’s number is needed with its date or issuer',
    );
  }
  const basisOrderId = await findOrderOf(ctx, 'input.basisOrderId', input.basisOrderId, place, true);
  const order = await audited(ctx, {
    action: 'createSupportOrder',
    change: (em) =>
      em.create(SupportOrder, {
        number,
        date: isoDate(input.date),
        issuer,
        region: em.getReference(Region, region.id),
        municipality: municipality ? em.getReference(Municipality, municipality.id) : null,
        title,
        basisOrder: basisOrderId ? em.getReference(SupportOrder, basisOrderId) : null,
        basisNumber: input.basisNumber?.trim() ?? null,
        basisDate: isoDate(input.basisDate),
        basisIssuer: input.basisIssuer?.trim() ?? null,
      }),
    target: (o) => `support_order:${o.id}`,
    details: (o) => ({
      number: o.number,
      date: o.date,
      regionCode: region.code,
      municipalityId: place.municipalityId,
    }),
    constraints: { '*': () => badUserInput('input', 'input: the order does not fit the stored ones') },
  });
  return orderById(ctx, order.id);
}
