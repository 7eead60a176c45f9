// A store's gift codes (admin key): find them (GET /api/{store}/admin/giftCodes with prefix, batch, campaign and
// status, in cursor pages), create listed codes or generate up to 10,000 (POST, with an Idempotency-Key so a
// creation cut short is finished by sending it again), download a batch's codes as CSV, void a batch, and a
// code's own page (#/store/<s>/giftcodes/code/<CODE>): its terms, its usage, void it.
//
// Large batches: the POST writes every code before it answers (it names them all, without their terms), so the
// console first waits for that answer, then reads the batch back page by page (?batch=<id>&limit=100, each page
// reading at most 1,000 codes, so following `next` until it is null) with a progress bar against the count the
// creation answered, and writes the CSV from what the API lists: the file holds each code with its status, as
// the engine holds it.

import { newIdempotencyKey, path } from '../api.js';
import {
  actionButton, csv, downloadText, facts, field, fieldset, form, formatDate, h, notice, pageHeading, progress, section,
  table,
} from '../ui.js';
import { badge, cursorPages, sendUntilAnswered } from './admin-kit.js';

const STATUSES = ['ACTIVE', 'SCHEDULED', 'EXHAUSTED', 'EXPIRED', 'VOIDED', 'PENDING'];
const STATUS_KIND = { ACTIVE: 'ok', VOIDED: 'error', EXPIRED: 'warn', EXHAUSTED: 'warn' };
const PAGE = 100;
export const CSV_HEADER = ['code', 'value', 'discountType', 'threshold', 'expirationDate', 'activeFrom', 'numberOfUsage',
  'usedCount', 'status', 'campaignId', 'batchId'];

export default {
  id: 'giftcodes',
  title: 'Gift codes',
  scope: 'store',
  kinds: ['admin'],
  order: 40,
  async render(ctx) {
    if (ctx.params[0] === 'code' && ctx.params[1]) return codePage(ctx, ctx.params[1]);
    return h('div', {}, pageHeading('Gift codes'),
      section('Find codes', finder(ctx)),
      section('Generate codes', generator(ctx)),
      section('Create listed codes', lister(ctx)),
      section('A batch', batchTools(ctx)),
      section('Look up a code', lookup(ctx)));
  },
};

const codesPath = (ctx) => path`/api/${ctx.store}/admin/giftCodes`;
const codeHash = (ctx, code) => ctx.storeHash('giftcodes', 'code', code);

function statusBadge(status) {
  return badge(status, STATUS_KIND[status]);
}

function codesTable(ctx, rows, caption) {
  return table({
    caption,
    rows,
    empty: 'No code matches.',
    columns: [
      { label: 'Code', value: (c) => h('a', { href: codeHash(ctx, c.code) }, c.code) },
      { label: 'Status', value: (c) => statusBadge(c.status) },
      { label: 'Value', value: (c) => `${c.value ?? ''} ${c.discountType}`, class: 'num' },
      { label: 'Expires', value: (c) => c.expirationDate || 'never' },
      { label: 'Used', value: (c) => c.usedCount, class: 'num' },
      { label: 'Left', value: (c) => (c.remainingUses === null ? 'unlimited' : c.remainingUses), class: 'num' },
      { label: 'Campaign', value: (c) => c.campaignId },
      { label: 'Batch', value: (c) => c.batchId },
    ],
  });
}

function finder(ctx) {
  let filters = {};
  const pages = cursorPages({
    testId: 'codes-results',
    load: async (next) => {
      const answer = await ctx.api.get(codesPath(ctx), { ...filters, next });
      return { rows: answer.codes || [], next: answer.next };
    },
    show: (rows) => codesTable(ctx, rows, 'Codes found'),
  });
  const results = h('div', { hidden: true }, pages.el);
  const search = form({
    label: 'Find codes',
    submitLabel: 'Find',
    fields: [
      field({ name: 'prefix', label: 'Code starts with', hint: 'Matched on the code upper-cased.' }),
      field({ name: 'batch', label: 'Batch id', hint: 'The batchId a creation answered.' }),
      field({ name: 'campaign', label: 'Campaign id' }),
      field({
        name: 'status', label: 'Status', type: 'select', multiple: true, options: STATUSES.map((s) => [s, s]),
        hint: 'None chosen: every status but PENDING.',
      }),
      field({ name: 'limit', label: 'Codes per page', type: 'number', min: 1, max: 100, value: 50 }),
    ],
    onSubmit: async (values) => {
      filters = { ...values, status: values.status && values.status.length ? values.status.join(',') : undefined };
      // The first page is read here so a filter the API refuses is shown next to its field.
      await ctx.api.get(codesPath(ctx), { ...filters });
      results.hidden = false;
      await pages.first();
    },
  });
  return h('div', {}, h('p', { class: 'hint' }, 'In code order; a batch’s codes in creation order. Filters combine.'), search, results);
}

/** The terms every created code takes; names are the API's (under `template[...]` for a generation). */
function termsFields(prefix = '') {
  const n = (name) => (prefix ? `${prefix}[${name}]` : name);
  return [
    field({
      name: n('discountType'), label: 'Discount type', type: 'select', required: true,
      options: [['VALUE', 'an amount (VALUE)'], ['PERCENT', 'a percentage (PERCENT)'], ['FREESHIPPING', 'free shipping (FREESHIPPING)']],
    }),
    field({ name: n('value'), label: 'Value', type: 'number', step: 'any', min: 0, hint: 'Major units for an amount, percent for a percentage.' }),
    field({ name: n('threshold'), label: 'Minimum cart total', type: 'number', step: 'any', min: 0 }),
    field({ name: n('expirationDate'), label: 'Last valid day', type: 'date', hint: 'In the store’s time zone; empty: never expires.' }),
    field({ name: n('activeFrom'), label: 'First valid day', type: 'date' }),
    field({ name: n('numberOfUsage'), label: 'Uses in total', type: 'number', min: 1, hint: 'Empty: unlimited.' }),
    field({ name: n('perCustomerLimit'), label: 'Uses per customer', type: 'number', min: 1 }),
    field({ name: n('combinable'), label: 'Combinable with other codes', type: 'checkbox' }),
    field({ name: n('name'), label: 'Code name' }),
    field({ name: n('description'), label: 'Description' }),
    field({ name: n('campaignId'), label: 'Campaign' }),
    field({ name: n('products'), label: 'Only for products', type: 'lines', rows: 2, hint: 'One product id or name per line; empty: any.' }),
    field({ name: n('categories'), label: 'Only for categories', type: 'lines', rows: 2, hint: 'One per line; empty: any.' }),
  ];
}

function generator(ctx) {
  return form({
    label: 'Generate codes',
    submitLabel: 'Generate codes',
    fields: [
      field({ name: 'generate[count]', label: 'How many', type: 'number', min: 1, max: 10000, required: true, hint: 'Up to 10,000.' }),
      field({ name: 'generate[prefix]', label: 'Prefix', hint: 'Letters, digits and dashes, before the random part.' }),
      field({ name: 'generate[length]', label: 'Random characters', type: 'number', min: 11, max: 32, value: 12 }),
      fieldset('Every code’s terms', termsFields('template')),
    ],
    onSubmit: async (values, formEl) => {
      const body = { generate: values.generate || {}, template: values.template || {} };
      const key = newIdempotencyKey();
      const waiting = h('p', { class: 'hint', role: 'status' }, `Writing ${Number(body.generate.count || 0).toLocaleString()} codes…`);
      formEl.querySelector('.form-result').replaceChildren(waiting);
      const created = await sendUntilAnswered(
        () => ctx.api.post(codesPath(ctx), body, { headers: { 'Idempotency-Key': key } }),
        (text) => { waiting.textContent = text; }).finally(() => waiting.remove());
      return notice('ok',
        h('p', { 'data-test': 'generated' }, `${created.created.toLocaleString()} codes generated in batch `,
          h('code', { 'data-test': 'batch-id' }, created.batchId), '.'),
        downloadBatch(ctx, created.batchId, created.created));
    },
  });
}

function lister(ctx) {
  return form({
    label: 'Create listed codes',
    submitLabel: 'Create codes',
    fields: [
      field({ name: 'code', label: 'Codes to create', type: 'lines', required: true, rows: 4, hint: 'One per line, up to 1,000; all are created or none.' }),
      fieldset('Their terms', termsFields()),
    ],
    onSubmit: async (values, formEl) => {
      const { code: codes = [], ...terms } = values;
      const body = { codes: codes.map((code) => ({ code, ...terms })) };
      const key = newIdempotencyKey();
      const waiting = h('p', { class: 'hint', role: 'status' }, `Writing ${codes.length.toLocaleString()} codes…`);
      formEl.querySelector('.form-result').replaceChildren(waiting);
      const created = await sendUntilAnswered(
        () => ctx.api.post(codesPath(ctx), body, { headers: { 'Idempotency-Key': key } }),
        (text) => { waiting.textContent = text; }).finally(() => waiting.remove());
      return notice('ok', h('p', { 'data-test': 'listed' }, `${created.created} codes created in batch `, h('code', {}, created.batchId), '.'),
        codesTable(ctx, created.codes || [], 'Codes created'));
    },
  });
}

/**
 * A button that reads every code of a batch through the listing, page after page, with a progress bar, and
 * saves them as giftcodes-<batch>.csv. `expected` (what the creation answered) makes the bar a fraction.
 */
function downloadBatch(ctx, batchId, expected) {
  const bar = progress('Codes read');
  bar.el.hidden = true;
  const button = actionButton(`Download the codes (CSV)`, async () => {
    bar.el.hidden = false;
    const rows = await readBatch(ctx, batchId, (done) => bar.set(done, expected));
    downloadText(`giftcodes-${batchId}.csv`, csv(CSV_HEADER, rows.map((c) => CSV_HEADER.map((name) => c[name]))));
    bar.finish(`${rows.length.toLocaleString()} codes saved to giftcodes-${batchId}.csv`);
    if (expected !== undefined && rows.length !== expected) {
      return `The creation answered ${expected} codes but ${rows.length} are listed (a creation still being written lists none).`;
    }
    return undefined;
  }, { kind: 'primary' });
  return h('div', { class: 'batch-download', 'data-test': 'batch-download' }, button, bar.el);
}

async function readBatch(ctx, batchId, onPage) {
  const rows = [];
  let next;
  do {
    // Without a status: every code but PENDING ones, and a batch that answered its creation has none.
    const answer = await ctx.api.get(codesPath(ctx), { batch: batchId, limit: PAGE, next });
    rows.push(...(answer.codes || []));
    next = answer.next;
    onPage(rows.length);
  } while (next);
  return rows;
}

function batchTools(ctx) {
  const download = h('div', {});
  const downloadForm = form({
    label: 'Download a batch’s codes',
    submitLabel: 'Read the batch',
    fields: [field({ name: 'batch', label: 'Batch to download', required: true, hint: 'The batchId a creation answered.' })],
    onSubmit: async (values) => {
      // One page first, so an id the API refuses is shown next to the field.
      await ctx.api.get(codesPath(ctx), { batch: values.batch, limit: 1 });
      download.replaceChildren(downloadBatch(ctx, values.batch.trim()));
    },
  });
  const voidForm = form({
    label: 'Void a batch',
    submitLabel: 'Void every code of the batch',
    fields: [field({ name: 'batchId', label: 'Batch to void', required: true })],
    onSubmit: async (values) => {
      if (!window.confirm(`Void every code of batch ${values.batchId}? Checkout refuses them from now on.`)) return undefined;
      const answer = await ctx.api.post(path`/api/${ctx.store}/admin/giftCodes/batches/${values.batchId}/void`);
      return notice('ok', h('p', { 'data-test': 'batch-voided' },
        `${answer.voided.toLocaleString()} codes of batch ${answer.batchId} voided (${formatDate(answer.voidedAt)}).`));
    },
  });
  return h('div', { class: 'batch-tools' }, downloadForm, download, voidForm);
}

function lookup(ctx) {
  return form({
    label: 'Look up a code',
    submitLabel: 'Open',
    fields: [field({ name: 'code', label: 'Code to open', required: true, hint: 'Case and blanks around it do not matter.' })],
    onSubmit: async (values) => {
      await ctx.api.get(`${codesPath(ctx)}/${encodeURIComponent(values.code)}`);
      ctx.navigate(codeHash(ctx, values.code));
    },
  });
}

async function codePage(ctx, code) {
  const shown = await ctx.api.get(`${codesPath(ctx)}/${encodeURIComponent(code)}`);
  const details = h('div', {});
  const draw = (c) => details.replaceChildren(
    h('p', {}, 'Status ', h('span', { 'data-test': 'code-status' }, statusBadge(c.status)),
      c.voidedAt ? ` since ${formatDate(c.voidedAt)}` : ''),
    h('h3', {}, 'Usage'),
    facts([
      ['Used by orders', c.usedCount],
      ['Uses in total', c.numberOfUsage === null ? 'unlimited' : c.numberOfUsage],
      ['Uses left', c.remainingUses === null ? 'unlimited' : c.remainingUses],
      ['Uses per customer', c.perCustomerLimit === null ? 'unlimited' : c.perCustomerLimit],
    ], 'code-usage'),
    h('h3', {}, 'Terms'),
    facts([
      ['Discount', `${c.value ?? ''} ${c.discountType}`],
      ['Minimum cart total', c.threshold],
      ['Combinable', c.combinable ? 'yes' : 'no'],
      ['Whole cart', c.discountWholeCart ? 'yes' : 'no'],
      ['First valid day', c.activeFrom],
      ['Last valid day', c.expirationDate],
      ['Products', (c.products || []).join(', ')],
      ['Categories', (c.categories || []).join(', ')],
      ['Name', c.name],
      ['Description', c.description],
      ['Campaign', c.campaignId],
      ['Issued to', c.user ? [c.user.email, c.user.customerGuid].filter(Boolean).join(' / ') : null],
      ['Batch', c.batchId],
      ['Created', formatDate(c.createdAt)],
    ], 'code-terms'));
  draw(shown);
  const voidButton = actionButton('Void this code', async () => {
    const voided = await ctx.api.post(`${codesPath(ctx)}/${encodeURIComponent(shown.code)}/void`);
    draw(voided);
    return `Voided: checkout refuses ${voided.code} from now on.`;
  }, { kind: 'danger', confirmText: `Void ${shown.code}? Checkout refuses it from now on.` });
  return h('div', {}, pageHeading(`Gift code ${shown.code}`, h('a', { href: ctx.storeHash('giftcodes') }, 'All codes')),
    section('The code', details, h('div', { class: 'form-actions' }, voidButton)));
}
