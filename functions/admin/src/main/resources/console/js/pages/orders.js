// Find an order by its id (admin key): GET /api/{store}/admin/orders/{id}, the order as applied with each code's
// outcome and the beacon's report of it, and the points it earned: an applied order is the sale
// <SOURCE>-<orderId> (CIBLER-..., CITRUSAD-...), read with GET /api/{store}/transaction?documentNumber=...
// Its address is #/store/<s>/orders/<orderId>, so an order can be linked to.

import { ApiError, path } from '../api.js';
import { facts, field, form, formatDate, h, notice, pageHeading, section, table } from '../ui.js';
import { badge } from './admin-kit.js';

const OUTCOME_KIND = { APPLIED: 'ok', CONFLICT: 'error', RELEASED: 'warn' };

export default {
  id: 'orders',
  title: 'Orders',
  scope: 'store',
  kinds: ['admin'],
  order: 50,
  async render(ctx) {
    const orderId = ctx.params[0];
    const find = form({
      label: 'Find an order',
      submitLabel: 'Find',
      fields: [field({ name: 'orderId', label: 'Order id', required: true, value: orderId, hint: 'The id the shop reported (CibleR orderId, CitrusAd id, or the beacon’s).' })],
      onSubmit: async (values) => {
        if (!values.orderId) return undefined;
        if (values.orderId === orderId) ctx.refresh();
        else ctx.navigate(ctx.storeHash('orders', values.orderId));
        return undefined;
      },
    });
    return h('div', {}, pageHeading('Orders'), section('Find an order', find),
      orderId ? await orderSection(ctx, orderId) : null);
  },
};

async function orderSection(ctx, orderId) {
  let order;
  try {
    order = await ctx.api.get(path`/api/${ctx.store}/admin/orders/${orderId}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return section(`Order ${orderId}`, notice('info', h('p', { 'data-test': 'order-missing' },
        `No applied order ${orderId} in this store. An order reported a moment ago is applied within a second or so: find it again.`)));
    }
    throw e;
  }
  return section(`Order ${order.orderId}`,
    h('div', { 'data-test': 'order' },
      facts([
        ['Reported by', order.source],
        ['Status', order.status],
        ['Customer (shop id)', order.customerGuid],
        ['Order date', order.orderDate],
        ['Total spent', order.totalSpent],
        ['Taxes', order.taxes],
        ['Shipping', order.shippingCost],
        ['Discount', order.discountAmount],
        ['Codes reported', (order.giftCodes || []).join(', ')],
        ['Applied', formatDate(order.appliedAt)],
        ['Last changed', formatDate(order.updatedAt)],
      ], 'order-facts'),
      h('h3', {}, 'Codes'),
      table({
        caption: 'Each code’s outcome',
        rows: order.redemptions || [],
        empty: order.source === 'BEACON' ? 'Only the browser beacon reported this order: it takes no code use.' : 'No code in this order.',
        columns: [
          { label: 'Code', value: (r) => h('a', { href: ctx.storeHash('giftcodes', 'code', r.code) }, r.code) },
          { label: 'Outcome', value: (r) => badge(r.outcome, OUTCOME_KIND[r.outcome]) },
          { label: 'Why', value: (r) => r.reason || '' },
        ],
      }),
      h('h3', {}, 'Points'),
      await points(ctx, order),
      h('h3', {}, 'Lines'),
      table({
        caption: 'Order lines',
        rows: order.lines || [],
        empty: 'The report had no lines.',
        columns: [
          { label: 'Product', value: (l) => l.productId },
          { label: 'Name', value: (l) => l.name },
          { label: 'Category', value: (l) => l.category },
          { label: 'Quantity', value: (l) => l.quantity, class: 'num' },
          { label: 'Unit price', value: (l) => l.unitPrice, class: 'num' },
          { label: 'Total', value: (l) => l.totalPrice, class: 'num' },
        ],
      }),
      order.beacon ? [h('h3', {}, 'The beacon’s report (shown, never applied)'),
        facts([['Received', formatDate(order.beacon.receivedAt)], ['Total spent', order.beacon.totalSpent],
          ['Codes', (order.beacon.giftCodes || []).join(', ')]], 'order-beacon')] : null));
}

/** The sale the order became, with its points; none when no member matched (or the beacon's order did not earn). */
async function points(ctx, order) {
  const documentNumber = `${order.source}-${order.orderId}`;
  const answer = await ctx.api.get(path`/api/${ctx.store}/transaction`, { documentNumber });
  const sale = (answer.transactions || []).find((t) => t.documentNumber === documentNumber);
  if (!sale) {
    return h('p', { 'data-test': 'order-points' }, `No points: no member’s sale ${documentNumber} (the shopper is no member, or the order earned nothing).`);
  }
  return h('div', {},
    h('p', { 'data-test': 'order-points' }, `Sale ${sale.documentNumber} earned `, h('strong', {}, `${sale.pointsEarned} points`),
      sale.pointsRevoked ? `, ${sale.pointsRevoked} taken back` : '', '.'),
    facts([['Member', sale.customerId], ['Gross value', sale.grossValue], ['Purchase date', sale.purchaseDate]], 'order-sale'));
}
