// Bought rewards (README "Bought rewards"): the store's rewards with every filter of GET /campaign/bought, marking a
// coupon used or unused (POST /admin/campaign/coupons/mark_as_used), its delivery status (PUT .../changeDeliveryStatus)
// and the CSV export (GET /campaign/bought/export/csv) with a progress bar. The admin key and the store key both work.

import { API_BASE, ApiError } from '../api.js';
import { actionButton, downloadBlob, field, fieldset, form, formatDate, h, notice, pageHeading, progress, section, table, uid } from '../ui.js';

const PER_PAGE = 20;
const DELIVERY = ['ordered', 'canceled', 'shipped', 'delivered'];

function base(ctx) {
  return `/api/${encodeURIComponent(ctx.store)}`;
}

function markUsed(ctx, r, used) {
  return ctx.api.post(`${base(ctx)}/admin/campaign/coupons/mark_as_used`, {
    coupons: [{ customerId: r.customerId, campaignId: r.campaignId, couponId: r.coupon.id, code: r.coupon.code, used }],
  });
}

/** A labelled delivery-status select and its button, for one reward's row. */
function deliveryControl(ctx, r, reload) {
  const id = uid('delivery');
  const current = r.deliveryStatus && r.deliveryStatus.status;
  const select = h('select', { id }, DELIVERY.map((s) => h('option', { value: s, selected: s === current }, s)));
  return h('span', { class: 'delivery' },
    h('label', { for: id, class: 'visually-hidden' }, `Delivery status of ${r.coupon.code}`), select,
    actionButton('Set', async () => {
      await ctx.api.put(`${base(ctx)}/admin/customer/${encodeURIComponent(r.customerId)}/bought/coupon/${encodeURIComponent(r.coupon.id)}/changeDeliveryStatus`,
        { deliveryStatus: { status: select.value } });
      reload();
      return `Delivery: ${select.value}`;
    }));
}

function filterFields() {
  const dates = (name, label) => [
    field({ name: `${name}From`, label: `${label} from`, type: 'date' }),
    field({ name: `${name}To`, label: `${label} to`, type: 'date' }),
  ];
  return [
    fieldset('State',
      field({ name: 'used', label: 'Used', type: 'select', options: [['', 'Used or not'], ['1', 'Used'], ['0', 'Not used']] }),
      field({ name: 'deliveryStatus', label: 'Delivery', type: 'select', options: [['', 'Any delivery status'], ...DELIVERY.map((s) => [s, s])] })),
    fieldset('Dates (the store’s time zone; a “to” day counts whole)',
      dates('purchasedAt', 'Purchased'), dates('usageDate', 'Used'), dates('activeSince', 'Active since'), dates('activeTo', 'Active to')),
  ];
}

/**
 * The export, read as it arrives: the bar counts the CSV's lines against the number of rewards the list says the
 * same purchase dates hold. A plain fetch (not api.js's call) because the bar needs the body as a stream.
 */
async function exportCsv(ctx, range, bar) {
  const counted = await ctx.api.get(`${base(ctx)}/campaign/bought`, { ...range, perPage: 1 });
  const total = counted.total || 0;
  bar.set(0, total);
  const query = new URLSearchParams(Object.entries(range).filter(([, v]) => v)).toString();
  let response;
  try {
    response = await fetch(`${API_BASE}${base(ctx)}/campaign/bought/export/csv${query ? `?${query}` : ''}`, {
      headers: { Authorization: `Bearer ${ctx.session.key}`, Accept: 'text/csv' },
      credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed = text;
    try { parsed = JSON.parse(text); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, parsed);
  }
  const reader = response.body.getReader();
  const chunks = [];
  let lines = 0;
  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    bar.set(Math.max(lines - 1, 0), total);
  }
  const rows = Math.max(lines - 1, 0);
  downloadBlob('campaigns-bought.csv', new Blob(chunks, { type: 'text/csv' }));
  bar.finish(`${rows.toLocaleString()} ${rows === 1 ? 'reward' : 'rewards'} exported`);
  return rows;
}

export default {
  id: 'rewards',
  title: 'Bought rewards',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 51,
  async render(ctx) {
    const results = h('div', { 'data-test': 'rewards-list', 'aria-live': 'polite' });
    let filters = {};
    let page = 1;

    async function load() {
      const answer = await ctx.api.get(`${base(ctx)}/campaign/bought`, { ...filters, page, perPage: PER_PAGE });
      const rows = answer.boughtCampaigns || [];
      const pages = Math.max(1, Math.ceil((answer.total || 0) / PER_PAGE));
      const reload = () => load().catch((e) => results.replaceChildren(notice('error', e.message)));
      results.replaceChildren(table({
        caption: `Bought rewards (${answer.total || 0})`,
        columns: [
          { label: 'Purchased', value: (r) => formatDate(r.purchasedAt) },
          { label: 'Campaign', value: (r) => h('a', { href: ctx.storeHash('campaigns', r.campaignId) }, r.campaignName || r.campaignId) },
          { label: 'Member', value: (r) => [r.customerName, r.customerLastname].filter(Boolean).join(' ') + (r.customerEmail ? ` <${r.customerEmail}>` : '') || r.customerId },
          { label: 'Code', value: (r) => h('code', {}, r.coupon.code) },
          { label: 'Cost', value: (r) => r.costInPoints, class: 'num' },
          { label: 'Status', value: (r) => `${r.status}${r.canBeUsed ? '' : ' (cannot be used)'}` },
          { label: 'Used', value: (r) => (r.used ? h('span', { 'data-test': 'reward-used' }, `used ${formatDate(r.usageDate)}${r.usedForTransactionId ? ` (${r.usedForTransactionId})` : ''}`) : 'no') },
          { label: 'Delivery', value: (r) => deliveryControl(ctx, r, reload) },
          {
            label: 'Action',
            value: (r) => actionButton(r.used ? `Mark ${r.coupon.code} unused` : `Mark ${r.coupon.code} used`, async () => {
              await markUsed(ctx, r, !r.used);
              reload();
              return r.used ? 'Marked unused' : 'Marked used';
            }),
          },
        ],
        rows,
        empty: 'No bought reward matches.',
      }), ...(pages > 1 ? [h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => { page -= 1; reload(); } }, 'Previous page'),
        h('span', {}, ` Page ${page} of ${pages} `),
        h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => { page += 1; reload(); } }, 'Next page'))] : []));
    }

    const filterForm = form({
      label: 'Filter bought rewards',
      submitLabel: 'Filter',
      fields: filterFields(),
      onSubmit: async (values) => {
        const previous = filters;
        filters = values;
        page = 1;
        try {
          await load();
        } catch (e) {
          filters = previous;
          throw e;
        }
      },
    });

    const exportArea = h('div', {});
    const exportForm = form({
      label: 'Export as CSV',
      submitLabel: 'Export CSV',
      fields: [
        field({ name: 'purchasedAtFrom', label: 'Export purchases from', type: 'date' }),
        field({ name: 'purchasedAtTo', label: 'Export purchases to', type: 'date', hint: 'An export stops at 5 MB: export shorter ranges for big stores.' }),
      ],
      onSubmit: async (values) => {
        const bar = progress('Exporting');
        exportArea.replaceChildren(bar.el);
        await exportCsv(ctx, values, bar);
      },
      extra: exportArea,
    });

    await load();
    return h('div', { class: 'page-campaigns' },
      pageHeading('Bought rewards', h('a', { href: ctx.storeHash('campaigns'), class: 'button secondary' }, 'Reward campaigns')),
      section('Filters', h('div', { class: 'reward-filters' }, filterForm)),
      section('Rewards', results),
      section('Export', exportForm));
  },
};
