import {
  ExportSupportOrdersDocument,
  type ExportSupportOrdersQuery,
} from '../../operations/generated/graphql.js';
import { allPages, notFound, type Run } from '../print/document.js';

export type StoredOrder = ExportSupportOrdersQuery['supportOrders']['nodes'][number];

/**
 * The order (приказ) an appendix belongs to, by `orderId`, among the orders the viewer may read:
 * one outside the scope is as unknown as one that does not exist (404 naming `orderId`).
 */
export async function orderById(run: Run, orderId: string): Promise<StoredOrder> {
  const orders = await allPages(async (after) => {
    const data = await run(ExportSupportOrdersDocument, { after });
    return data.supportOrders;
  });
  const order = orders.find((o) => o.id === orderId);
  if (!order) throw notFound('No such order in your scope', 'orderId');
  return order;
}

/** Where an order is from: «Пономаревский район, Оренбургская область» or the region. */
export function orderPlace(order: StoredOrder): string {
  return order.municipality ? `${order.municipality.name}, ${order.region.name}` : order.region.name;
}
