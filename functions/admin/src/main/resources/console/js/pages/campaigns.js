// Reward campaigns (README "Reward campaigns"): the catalogue with each campaign's usage left and state, the create
// form for every reward type (campaign-form.js), and one campaign's page: its coupon pool, photos and brand icon,
// (de)activation and buying it for a member. Every route here takes the admin key and the store's API key.

import { API_BASE, ApiError, newIdempotencyKey } from '../api.js';
import { actionButton, facts, field, form, formatDate, h, notice, pageHeading, section, table } from '../ui.js';
import { POOLED, audienceChoices, campaignForm, rewardLabel } from './campaign-form.js';

const PER_PAGE = 20;

function base(ctx) {
  return `/api/${encodeURIComponent(ctx.store)}`;
}

function campaignPath(ctx, id) {
  return `${base(ctx)}/campaign/${encodeURIComponent(id)}`;
}

/**
 * usageLeft (C24) is a count: an unlimited pooled campaign still has only its free codes, while nothing caps
 * cashback, percentage, custom or unlimited single-coupon campaigns, for which the API says Long.MAX_VALUE (Open
 * Loyalty's PHP_INT_MAX; a JavaScript number reads it rounded).
 */
function usageLeft(c) {
  if (c.usageLeft === null || c.usageLeft === undefined) return '—';
  return c.usageLeft >= 9e18 ? 'unlimited' : c.usageLeft;
}

function activeBadge(c) {
  return h('span', { class: c.active ? 'badge badge-ok' : 'badge badge-warn', 'data-test': 'campaign-state' }, c.active ? 'active' : 'inactive');
}

/** Activates or deactivates, then shows the page again (the list or the campaign). */
function toggleButton(ctx, c) {
  const to = c.active ? 'inactive' : 'active';
  return actionButton(c.active ? 'Deactivate' : 'Activate', async () => {
    await ctx.api.post(`${campaignPath(ctx, c.campaignId)}/${to}`);
    ctx.refresh();
    return c.active ? 'Deactivated' : 'Activated';
  });
}

async function listPage(ctx) {
  const listArea = h('div', { 'data-test': 'campaigns-list' });
  let page = 1;
  async function showList() {
    const answer = await ctx.api.get(`${base(ctx)}/campaign`, { page, perPage: PER_PAGE, sort: 'name', direction: 'asc' });
    const campaigns = answer.campaigns || [];
    const pages = Math.max(1, Math.ceil((answer.total || 0) / PER_PAGE));
    const pager = pages > 1 ? h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => { page -= 1; showList(); } }, 'Previous page'),
      h('span', {}, ` Page ${page} of ${pages} `),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => { page += 1; showList(); } }, 'Next page')) : null;
    listArea.replaceChildren(table({
      caption: `Campaigns (${answer.total || 0})`,
      columns: [
        { label: 'Name', value: (c) => h('a', { href: ctx.storeHash('campaigns', c.campaignId) }, c.name || c.campaignId) },
        { label: 'Reward', value: (c) => rewardLabel(c.reward) },
        { label: 'Cost in points', value: (c) => (POOLED.includes(c.reward) ? c.costInPoints : '—'), class: 'num' },
        { label: 'Usage left', value: usageLeft, class: 'num' },
        { label: 'Bought by', value: (c) => c.usersWhoUsedThisCampaignCount, class: 'num' },
        { label: 'State', value: activeBadge },
        { label: 'Action', value: (c) => toggleButton(ctx, c) },
      ],
      rows: campaigns,
      empty: 'No campaign yet: create the first one below.',
    }), ...(pager ? [pager] : []));
  }
  await showList();
  const choices = await audienceChoices(ctx);
  const create = campaignForm(ctx, choices, () => { showList(); });
  return h('div', { class: 'page-campaigns' },
    pageHeading('Reward campaigns', h('a', { href: ctx.storeHash('rewards'), class: 'button secondary' }, 'Bought rewards')),
    section('Campaigns', listArea),
    section('Create a campaign', create));
}

/** A member named by customer id or e-mail (the admin list's exact e-mail search): the customer id. */
async function memberId(ctx, given) {
  if (!given || !given.includes('@')) return given;
  const answer = await ctx.api.get(`${base(ctx)}/admin/customer`, { email: given, strict: 1, perPage: 1 });
  const found = (answer.customers || [])[0];
  if (!found) {
    throw new ApiError(404, { message: `No member has the e-mail ${given}.`, errors: [{ field: 'customer', message: 'No member has this e-mail.' }] });
  }
  return found.customerId;
}

function buyForm(ctx, c) {
  // One Idempotency-Key per body until it succeeds: a resent click buys once, a changed body is a new purchase.
  const keys = new Map();
  return form({
    label: 'Buy for a member',
    submitLabel: 'Buy',
    fields: [
      field({ name: 'customer', label: 'Member (customer id or e-mail)', required: true }),
      field({ name: 'quantity', label: 'Quantity', type: 'number', min: 1, max: 25, step: 1, value: 1 }),
      field({ name: 'withoutPoints', label: 'Without points (a gift: no points are spent)', type: 'checkbox' }),
      field({ name: 'transactionId', label: 'Transaction id', hint: 'A percentage discount code is worth a share of this transaction.' }),
    ],
    onSubmit: async (values) => {
      const { customer, ...body } = values;
      const id = await memberId(ctx, customer);
      const signature = JSON.stringify([id, body]);
      if (!keys.has(signature)) keys.set(signature, newIdempotencyKey());
      const answer = await ctx.api.call('POST',
        `${base(ctx)}/admin/customer/${encodeURIComponent(id || '')}/campaign/${encodeURIComponent(c.campaignId)}/buy`,
        { json: body, headers: { 'Idempotency-Key': keys.get(signature) } });
      keys.delete(signature);
      const coupons = answer.coupons || [];
      return notice('ok', h('p', {}, `Bought ${coupons.length} for the member.`),
        h('ul', { 'data-test': 'bought-coupons' }, coupons.map((coupon) => h('li', {}, h('code', {}, coupon.code)))),
        h('p', {}, h('a', { href: ctx.storeHash('rewards') }, 'See the bought rewards')));
    },
  });
}

function poolSection(ctx, c) {
  const codes = c.coupons || [];
  const add = form({
    label: 'Add coupon codes',
    submitLabel: 'Add codes',
    fields: [field({ name: 'coupons', label: 'New codes', type: 'lines', rows: 4, required: true, hint: 'One code a line; they go after the pool’s last code.' })],
    onSubmit: async (values) => {
      await ctx.api.post(`${campaignPath(ctx, c.campaignId)}/coupons`, { coupons: values.coupons || [], append: true });
      ctx.refresh();
    },
  });
  return section(`Coupon pool (${codes.length} codes, ${usageLeft(c)} left to buy)`,
    codes.length ? h('ul', { class: 'codes', 'data-test': 'pool-codes' }, codes.map((code) => h('li', {}, h('code', {}, code)))) : h('p', { class: 'empty' }, 'The pool is empty.'),
    add);
}

/** An image upload form: the file goes as multipart/form-data under the API's field name. */
function uploadForm(ctx, { label, name, submitLabel, url }) {
  return form({
    label,
    submitLabel,
    fields: [field({ name, label: `${label} (png, jpeg, gif or webp; at most 2 MB)`, type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', required: true })],
    onSubmit: async (values, formEl) => {
      const file = formEl.querySelector('input[type=file]').files[0];
      const body = new FormData();
      if (file) body.append(name, file, file.name);
      await ctx.api.call('POST', url, { body });
      ctx.refresh();
    },
  });
}

function mediaSection(ctx, c) {
  const path = campaignPath(ctx, c.campaignId);
  const photos = c.photos || [];
  return section('Photos and brand icon',
    photos.length ? h('ul', { class: 'campaign-photos', 'data-test': 'campaign-photos' }, photos.map((p) => h('li', {},
      // The photo route is anonymous and on this host: the CSP's img-src 'self' allows it.
      h('img', { class: 'thumb', src: `${API_BASE}${path}/photo/${encodeURIComponent(p.photoId)}`, alt: p.orginalName || 'Campaign photo' }),
      h('span', {}, ` ${p.orginalName || ''} `),
      actionButton('Remove photo', async () => {
        await ctx.api.del(`${path}/photo/${encodeURIComponent(p.photoId)}`);
        ctx.refresh();
      }, { confirmText: 'Remove this photo?' }))))
      : h('p', { class: 'empty' }, 'No photo yet.'),
    uploadForm(ctx, { label: 'Photo', name: 'photo[file]', submitLabel: 'Upload photo', url: `${path}/photo` }),
    c.brandIcon ? h('div', { class: 'brand-icon' },
      h('img', { class: 'thumb', src: `${API_BASE}${path}/brand_icon?v=${Date.now()}`, alt: 'Brand icon', 'data-test': 'brand-icon' }),
      actionButton('Remove brand icon', async () => { await ctx.api.del(`${path}/brand_icon`); ctx.refresh(); })) : null,
    uploadForm(ctx, { label: 'Brand icon', name: 'brand_icon[file]', submitLabel: c.brandIcon ? 'Replace brand icon' : 'Upload brand icon', url: `${path}/brand_icon` }));
}

function windowText(w, allTime, from, to) {
  if (!w) return '';
  return w[allTime] ? 'all the time' : `${formatDate(w[from])} – ${formatDate(w[to])}`;
}

async function campaignPage(ctx, id) {
  const c = await ctx.api.get(campaignPath(ctx, id));
  const names = (map, ids) => (ids || []).map((x) => (map && map[x]) || x).join(', ');
  const details = [
    ['Reward', rewardLabel(c.reward)],
    ['State', activeBadge(c)],
    POOLED.includes(c.reward) ? ['Cost in points', c.costInPoints] : null,
    ['Usage left', usageLeft(c)],
    c.unlimited ? null : ['Limits', `${c.limit ?? '—'} in all, ${c.limitPerUser ?? '—'} per member`],
    c.pointValue !== null && c.pointValue !== undefined ? ['Value of one point', c.pointValue] : null,
    c.transactionPercentageValue !== null && c.transactionPercentageValue !== undefined ? ['Percentage', `${c.transactionPercentageValue} %`] : null,
    c.connectType ? ['Reached through', c.connectType + (c.earningRuleId ? ` (${c.earningRuleId})` : '')] : null,
    c.daysValid !== null && c.daysValid !== undefined ? ['Valid', c.daysValid ? `${c.daysValid} days, from ${c.daysInactive || 0} days after purchase` : 'for ever'] : null,
    ['Levels', names(c.levelNames, c.levels) || '—'],
    ['Segments', names(c.segmentNames, c.segments) || '—'],
    ['Categories', names(c.categoryNames, c.categories) || '—'],
    ['Active', windowText(c.campaignActivity, 'allTimeActive', 'activeFrom', 'activeTo')],
    ['Visible', windowText(c.campaignVisibility, 'allTimeVisible', 'visibleFrom', 'visibleTo')],
    ['Public', c.public], ['Featured', c.featured],
    ['Members it is visible to', c.visibleForCustomersCount],
    ['Bought by', c.usersWhoUsedThisCampaignCount],
  ].filter(Boolean);
  const canBuy = !['cashback', 'custom_campaign_code'].includes(c.reward);
  return h('div', { class: 'page-campaigns' },
    pageHeading(c.name || 'Campaign', toggleButton(ctx, c), h('a', { href: ctx.storeHash('campaigns'), class: 'button secondary' }, 'All campaigns')),
    section('Campaign', facts(details, 'campaign-facts')),
    POOLED.includes(c.reward) ? poolSection(ctx, c) : null,
    mediaSection(ctx, c),
    canBuy ? section('Buy for a member', buyForm(ctx, c)) : section('Buy for a member', notice('info', `A ${rewardLabel(c.reward).toLowerCase()} campaign is not bought through the buy routes.`)));
}

export default {
  id: 'campaigns',
  title: 'Reward campaigns',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 50,
  async render(ctx) {
    return ctx.params[0] ? campaignPage(ctx, ctx.params[0]) : listPage(ctx);
  },
};
