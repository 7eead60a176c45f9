// The store's coupon-created webhook (admin key): its configuration (GET/PUT /api/{store}/admin/webhooks/
// coupon-created; the signing secret is shown in the answer that issued it, never again), a new secret
// (rotate-secret), the deliveries of one status or all in cursor pages (newest first), and redrive (every FAILED
// delivery, and PENDING ones stuck for over a minute, sent again with the same webhook-id).

import { ApiError, path } from '../api.js';
import { actionButton, facts, field, form, formatDate, h, notice, pageHeading, section, table } from '../ui.js';
import { badge, cursorPages } from './admin-kit.js';

const STATUS_KIND = { DELIVERED: 'ok', FAILED: 'error', PENDING: 'warn' };

export default {
  id: 'webhooks',
  title: 'Coupon webhook',
  scope: 'store',
  kinds: ['admin'],
  order: 60,
  async render(ctx) {
    const base = path`/api/${ctx.store}/admin/webhooks/coupon-created`;
    let config = null;
    try {
      config = await ctx.api.get(base);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    return h('div', {}, pageHeading('Coupon webhook'),
      h('p', {}, 'Every code created for this store is POSTed to this address, signed (Standard Webhooks), retried and never lost.'),
      section('Configuration', configuration(ctx, base, config)),
      section('Deliveries', deliveries(ctx, base)));
  },
};

function secretNotice(secret, intro) {
  return notice('ok', h('p', {}, intro, ' It is shown this once: keep it now.'),
    h('p', {}, h('code', { 'data-test': 'webhook-secret' }, secret)));
}

function configuration(ctx, base, config) {
  const current = h('div', {});
  // Rotating needs a webhook: the button shows once one is configured (on this page or before).
  const rotateBox = h('div', { class: 'form-actions', hidden: !config });
  const drawCurrent = (c) => {
    rotateBox.hidden = !c;
    current.replaceChildren(c
    ? facts([['Address', c.url], ['Enabled', c.enabled ? 'yes' : 'no'], ['Configured', formatDate(c.createdAt)],
      ['Last changed', formatDate(c.updatedAt)]], 'webhook-config')
    : h('p', { class: 'empty', 'data-test': 'webhook-config' }, 'No webhook yet: codes are sent nowhere.'));
  };
  drawCurrent(config);
  const shown = h('div', {});
  const settings = form({
    label: 'Webhook address',
    submitLabel: config ? 'Save the webhook' : 'Set up the webhook',
    fields: [
      field({ name: 'url', label: 'Address (URL)', type: 'url', required: true, value: config ? config.url : undefined, hint: 'https to a public host.' }),
      field({ name: 'enabled', label: 'Enabled', type: 'checkbox', value: config ? config.enabled : true, hint: 'Disabled: new codes are not sent.' }),
    ],
    onSubmit: async (values, formEl) => {
      const saved = await ctx.api.put(base, values);
      drawCurrent(saved);
      shown.replaceChildren();
      formEl.querySelector('button[type=submit]').textContent = 'Save the webhook';
      return saved.secret ? secretNotice(saved.secret, 'The signing secret was issued.')
        : notice('ok', h('p', { 'data-test': 'webhook-saved' }, 'Saved. The signing secret is unchanged.'));
    },
  });
  const rotate = actionButton('Issue a new signing secret', async () => {
    const rotated = await ctx.api.post(`${base}/rotate-secret`);
    drawCurrent(rotated);
    settings.querySelector('.form-result').replaceChildren();
    shown.replaceChildren(secretNotice(rotated.secret, 'A new signing secret signs every request from now on.'));
    return 'Rotated.';
  }, { confirmText: 'Issue a new signing secret? The receiver must check signatures with the new one from now on.' });
  rotateBox.append(rotate);
  return h('div', {}, current, settings, rotateBox, shown);
}

function deliveries(ctx, base) {
  let filters = {};
  const pages = cursorPages({
    testId: 'deliveries',
    load: async (next) => {
      const answer = await ctx.api.get(`${base}/deliveries`, { ...filters, next });
      return { rows: answer.deliveries || [], next: answer.next };
    },
    show: (rows) => table({
      caption: 'Deliveries, newest first',
      rows,
      empty: 'No delivery.',
      columns: [
        { label: 'Code', value: (d) => h('a', { href: ctx.storeHash('giftcodes', 'code', d.code) }, d.code) },
        { label: 'Status', value: (d) => badge(d.status, STATUS_KIND[d.status]) },
        { label: 'Attempts', value: (d) => d.attempts, class: 'num' },
        { label: 'Last answer', value: (d) => [d.lastStatusCode, d.lastError].filter((v) => v !== null && v !== undefined).join(' ') },
        { label: 'Created', value: (d) => formatDate(d.createdAt) },
        { label: 'Next attempt', value: (d) => formatDate(d.nextAttemptAt) },
        { label: 'Delivered', value: (d) => formatDate(d.deliveredAt) },
        { label: 'webhook-id', value: (d) => h('code', {}, d.deliveryId) },
      ],
    }),
  });
  const filter = form({
    label: 'Show deliveries',
    submitLabel: 'Show',
    fields: [
      field({
        name: 'status', label: 'Delivery status', type: 'select',
        options: [['', 'every status'], ['PENDING', 'PENDING'], ['DELIVERED', 'DELIVERED'], ['FAILED', 'FAILED']],
      }),
      field({ name: 'limit', label: 'Deliveries per page', type: 'number', min: 1, max: 200, value: 50 }),
    ],
    onSubmit: async (values) => {
      filters = values;
      await ctx.api.get(`${base}/deliveries`, { ...filters, limit: 1 });
      await pages.first();
    },
  });
  const redrive = actionButton('Send failed deliveries again', async () => {
    const answer = await ctx.api.post(`${base}/deliveries/redrive`);
    return `${answer.redriven} ${answer.redriven === 1 ? 'delivery' : 'deliveries'} sent again.`;
  });
  pages.first();
  return h('div', {}, filter, pages.el,
    h('div', { class: 'form-actions' }, redrive,
      h('p', { class: 'hint' }, 'Sends every FAILED delivery, and PENDING ones stuck for over a minute, again (same webhook-id).')));
}
