// A store's members (Open Loyalty's customers and points): search with the filters GET /admin/customer takes,
// register, and a member's page (#/store/<code>/members/<customerId>): details, points status with level and
// expiring points, transfers, and add / spend / block points, p2p, cancel or activate a transfer.
// Every route here takes the admin key and the store's key.

import { path } from '../api.js';
import {
  actionButton, facts, field, fieldset, form, formatDate, h, notice, pageHeading, section, table,
} from '../ui.js';
import { idempotency, memberName, pagedList, points } from './loyalty-kit.js';

const SEARCH_FILTERS = [
  ['email', 'E-mail'],
  ['phone', 'Phone'],
  ['loyaltyCardNumber', 'Loyalty card number'],
  ['externalId', 'External id (the shop’s)'],
  ['lastName', 'Last name'],
  ['firstName', 'First name'],
];

export default {
  id: 'members',
  title: 'Members',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 10,
  async render(ctx) {
    if (ctx.params[0]) return memberPage(ctx, ctx.params[0]);
    return listPage(ctx);
  },
};

function memberLink(ctx, c) {
  return h('a', { href: ctx.storeHash('members', c.customerId) }, memberName(c));
}

function membersTable(ctx, rows, caption) {
  return table({
    caption,
    columns: [
      { label: 'Name', value: (c) => memberLink(ctx, c) },
      { label: 'E-mail', value: (c) => c.email },
      { label: 'Phone', value: (c) => c.phone },
      { label: 'Loyalty card', value: (c) => c.loyaltyCardNumber },
      { label: 'External id', value: (c) => c.externalId },
      { label: 'Status', value: (c) => statusBadge(c) },
      { label: 'Registered', value: (c) => formatDate(c.createdAt) },
    ],
    rows,
    empty: 'No member matches.',
  });
}

function statusBadge(c) {
  const type = c.status ? c.status.type : (c.active ? 'active' : 'inactive');
  return h('span', { class: `badge ${type === 'active' ? 'badge-ok' : 'badge-warn'}` }, type);
}

async function listPage(ctx) {
  const base = path`/api/${ctx.store}/admin/customer`;
  let filters = {};
  const results = pagedList({
    label: 'Members',
    load: async (page, perPage) => {
      const answer = await ctx.api.get(base, { ...filters, page, perPage });
      return { rows: answer.customers || [], total: answer.total || 0, capped: answer.capped };
    },
    draw: (rows) => h('div', { 'data-test': 'members-table' }, membersTable(ctx, rows, 'Members')),
  });

  const search = form({
    label: 'Search members',
    submitLabel: 'Search',
    fields: [
      h('div', { class: 'grid-2' }, SEARCH_FILTERS.map(([name, label]) => field({ name, label }))),
      field({ name: 'strict', label: 'Whole values only (else a value’s beginning matches)', type: 'checkbox' }),
    ],
    onSubmit: async (values) => {
      filters = {};
      for (const [name] of SEARCH_FILTERS) if (values[name]) filters[name] = values[name];
      if (values.strict) filters.strict = 1;
      await results.reload(1);
    },
  });

  const register = registerForm(ctx);
  await results.reload(1);
  return h('div', {}, pageHeading('Members'),
    section('Find members', h('p', { class: 'hint' },
      'Filters combine. The search reads by the first of external id, card number, e-mail, phone, last name; '
      + 'without any, the newest members come first.'), h('div', { 'data-test': 'member-search' }, search), results.el),
    section('Register a member', h('div', { 'data-test': 'member-register' }, register)));
}

function registerForm(ctx) {
  const once = idempotency();
  return form({
    label: 'Register a member',
    submitLabel: 'Register',
    fields: [
      h('div', { class: 'grid-2' },
        field({ name: 'customer[firstName]', label: 'First name', required: true, autocomplete: 'off' }),
        field({ name: 'customer[lastName]', label: 'Last name', required: true, autocomplete: 'off' }),
        field({ name: 'customer[email]', label: 'Member’s e-mail', type: 'email', autocomplete: 'off', hint: 'An e-mail or a phone is required.' }),
        field({ name: 'customer[phone]', label: 'Member’s phone', autocomplete: 'off' }),
        field({ name: 'customer[loyaltyCardNumber]', label: 'Member’s loyalty card number', autocomplete: 'off' }),
        field({ name: 'customer[externalId]', label: 'Member’s external id', autocomplete: 'off', hint: 'The shop’s own id of the customer.' }),
        field({ name: 'customer[birthDate]', label: 'Birth date', type: 'date' }),
        field({ name: 'customer[gender]', label: 'Gender', type: 'select', options: [['', '—'], ['female', 'female'], ['male', 'male'], ['not_disclosed', 'not disclosed']] })),
      field({ name: 'customer[agreement1]', label: 'Accepted the programme’s terms', type: 'checkbox' }),
      field({ name: 'customer[agreement2]', label: 'Subscribed to the newsletter', type: 'checkbox' }),
    ],
    onSubmit: async (values, formEl) => {
      const answer = await ctx.api.post(path`/api/${ctx.store}/admin/customer/register`, values, { headers: once.headers() });
      once.renew();
      formEl.reset();
      return notice('ok', h('p', { 'data-test': 'registered' }, 'Registered: ',
        h('a', { href: ctx.storeHash('members', answer.customerId) }, answer.email || answer.customerId), '.'));
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// One member.

async function memberPage(ctx, customerId) {
  const store = ctx.store;
  const member = await ctx.api.get(path`/api/${store}/customer/${customerId}`);
  const statusBox = h('div', { 'data-test': 'member-status', 'aria-live': 'polite' });
  const transfers = pagedList({
    label: 'Transfers',
    perPage: 20,
    load: async (page, perPage) => {
      const answer = await ctx.api.get(path`/api/${store}/points/transfer`, {
        customerId, page, perPage, sort: 'createdAt', direction: 'desc',
      });
      return { rows: answer.transfers || [], total: answer.total || 0 };
    },
    draw: (rows) => h('div', { 'data-test': 'transfers-table' }, transfersTable(ctx, rows, reload)),
  });

  async function loadStatus() {
    const status = await ctx.api.get(path`/api/${store}/admin/customer/${customerId}/status`);
    statusBox.replaceChildren(statusView(status));
  }
  async function reload() {
    await Promise.all([loadStatus(), transfers.reload(1)]);
  }
  await reload();

  const levels = await ctx.api.get(path`/api/${store}/level`, { page: 1, perPage: 100 }).then((a) => a.levels || []);
  const title = memberName(member);
  const active = member.status ? member.status.type === 'active' : member.active;
  const anonymized = member.status && member.status.type === 'anonymized';
  const toggle = anonymized ? null : actionButton(active ? 'Deactivate member' : 'Activate member', async () => {
    await ctx.api.post(path`/api/${store}/admin/customer/${customerId}/${active ? 'deactivate' : 'activate'}`, {});
    ctx.refresh();
  }, { kind: active ? 'danger' : 'secondary', confirmText: active ? `Deactivate ${title}? They can no longer earn or spend.` : undefined });

  return h('div', {}, pageHeading(title, h('a', { href: ctx.storeHash('members') }, 'All members')),
    h('div', { class: 'grid-2' },
      section('Member', facts([
        ['Id', h('code', {}, member.customerId)],
        ['Status', statusBadge(member)],
        ['E-mail', member.email], ['Phone', member.phone], ['Loyalty card', member.loyaltyCardNumber],
        ['External id', member.externalId], ['Birth date', member.birthDate],
        ['Registered', formatDate(member.createdAt)], ['Updated', formatDate(member.updatedAt)],
      ], 'member-facts'), toggle),
      section('Points and level', statusBox, anonymized ? null : levelByHand(ctx, customerId, levels, loadStatus))),
    anonymized ? null : section('Change points', h('div', { class: 'grid-2' },
      pointsForm(ctx, 'add', 'Add points', 'Points to add', customerId, reload),
      pointsForm(ctx, 'spend', 'Spend points', 'Points to spend', customerId, reload),
      pointsForm(ctx, 'block', 'Block points', 'Points to block', customerId, reload,
        'Held from spending until the block is canceled.'),
      p2pForm(ctx, member, reload))),
    section('Transfers', h('p', { class: 'hint' }, 'Newest first; states as of now.'), transfers.el));
}

function statusView(s) {
  const level = s.levelName ? `${s.levelName}${s.level ? ` (${s.level} reward)` : ''}` : 'none';
  const next = s.nextLevelName
    ? `${s.nextLevelName}${s.pointsToNextLevel !== undefined ? `: ${points(s.pointsToNextLevel)} points to go`
      : s.transactionsAmountToNextLevel !== undefined ? `: ${points(s.transactionsAmountToNextLevel)} ${s.currency || ''} to go` : ''}`
    : null;
  const breakdown = Object.entries(s.pointsExpiringBreakdown || {});
  return h('div', {},
    h('p', { class: 'big-number' }, h('span', { 'data-test': 'points-balance' }, points(s.points)), ' points'),
    facts([
      ['Level', level], ['Next level', next],
      ['Earned in all', points(s.totalEarnedPoints)], ['Spent', points(s.usedPoints)],
      ['Expired', points(s.expiredPoints)], ['Pending (locked)', points(s.lockedPoints)],
      ['Blocked', h('span', { 'data-test': 'points-blocked' }, points(s.blockedPoints))],
      ['From other members (p2p)', points(s.p2pPoints)],
      ['Expiring next month', points(s.pointsExpiringNextMonth)],
      ['Level expires in', s.levelWillExpireInDays !== undefined ? `${s.levelWillExpireInDays} days` : null],
      ['Shop’s own count', s.shopReportedBalance !== undefined ? points(s.shopReportedBalance) : null],
    ], 'status-facts'),
    breakdown.length ? table({
      caption: 'Points expiring, by last valid day',
      columns: [{ label: 'Last valid day', value: ([day]) => day }, { label: 'Points', value: ([, p]) => points(p), class: 'num' }],
      rows: breakdown,
    }) : null);
}

function transfersTable(ctx, rows, reload) {
  const store = ctx.store;
  return table({
    caption: 'Points transfers',
    columns: [
      { label: 'Created', value: (t) => formatDate(t.createdAt) },
      { label: 'Type', value: (t) => t.type },
      { label: 'Points', value: (t) => points(t.value), class: 'num' },
      { label: 'Left', value: (t) => points(t.availablePoints), class: 'num' },
      { label: 'State', value: (t) => h('span', { class: `badge ${t.state === 'active' ? 'badge-ok' : t.state === 'blocked' || t.state === 'pending' ? 'badge-warn' : ''}` }, t.state) },
      { label: 'Comment', value: (t) => t.comment },
      { label: 'Expires', value: (t) => (t.type === 'adding' || t.type === 'p2p_adding' ? formatDate(t.expiresAt) : '') },
      {
        label: 'Actions',
        value: (t) => h('span', { class: 'row-actions' },
          (t.state === 'active' || t.state === 'pending' || t.state === 'blocked') && t.type !== 'spending' && t.type !== 'p2p_spending'
            ? actionButton('Cancel', async () => {
              await ctx.api.post(path`/api/${store}/points/transfer/${t.pointsTransferId}/cancel`, {});
              await reload();
            }, { kind: 'danger', confirmText: `Cancel this transfer of ${points(t.value)} points?` }) : null,
          t.state === 'pending' ? actionButton('Activate', async () => {
            await ctx.api.post(path`/api/${store}/points/transfer/${t.pointsTransferId}/activate`, {});
            await reload();
          }) : null),
      },
    ],
    rows,
    empty: 'No transfer yet.',
  });
}

/** Add, spend or block: transfer[points] and transfer[comment]; the member goes in as transfer[customer]. */
function pointsForm(ctx, action, title, pointsLabel, customerId, reload, hint) {
  const once = idempotency();
  const el = form({
    label: title,
    submitLabel: title,
    fields: fieldset(title,
      field({ name: 'transfer[points]', label: pointsLabel, type: 'number', min: 0, step: 'any', required: true, hint }),
      field({ name: 'transfer[comment]', label: 'Comment', hint: 'Why: shown in the transfers list.' })),
    onSubmit: async (values, formEl) => {
      const body = { transfer: { ...(values.transfer || {}), customer: customerId } };
      const answer = await ctx.api.post(path`/api/${ctx.store}/points/transfer/${action}`, body, { headers: once.headers() });
      once.renew();
      formEl.reset();
      await reload();
      return notice('ok', `${title}: done (transfer ${answer.pointsTransferId}).`);
    },
  });
  return h('div', { 'data-test': `points-${action}` }, el);
}

/** The admin's p2p: from this member to another, named by id, e-mail or phone. */
function p2pForm(ctx, member, reload) {
  const once = idempotency();
  const el = form({
    label: 'Send points to another member',
    submitLabel: 'Send points',
    fields: fieldset('Send points to another member',
      field({ name: 'transfer[receiver]', label: 'Receiver (id, e-mail or phone)', required: true }),
      field({ name: 'transfer[points]', label: 'Points to send', type: 'number', min: 0, step: 'any', required: true })),
    onSubmit: async (values, formEl) => {
      const body = { transfer: { ...(values.transfer || {}), sender: member.customerId } };
      await ctx.api.post(path`/api/${ctx.store}/admin/p2p-points-transfer`, body, { headers: once.headers() });
      once.renew();
      formEl.reset();
      await reload();
      return notice('ok', 'Points sent.');
    },
  });
  return h('div', { 'data-test': 'points-p2p' }, el);
}

/** A level given by hand (a floor the member's points cannot take them below) and its removal. */
function levelByHand(ctx, customerId, levels, loadStatus) {
  const assign = form({
    label: 'Give a level by hand',
    submitLabel: 'Give level',
    fields: [field({ name: 'levelId', label: 'Level given by hand', type: 'select', required: true,
      options: [['', 'Choose a level…'], ...levels.map((l) => [l.id, `${l.name}${l.active ? '' : ' (inactive)'}`])],
      hint: 'It stays the member’s floor until removed; removing it places them by their points again.' })],
    onSubmit: async (values) => {
      await ctx.api.post(path`/api/${ctx.store}/customer/${customerId}/level`, values);
      await loadStatus();
      return notice('ok', 'Level given.');
    },
  });
  const remove = actionButton('Remove the level given by hand', async () => {
    await ctx.api.post(path`/api/${ctx.store}/customer/${customerId}/remove-manually-level`, {});
    await loadStatus();
    return 'Removed: the level follows the points again.';
  });
  return h('div', { 'data-test': 'level-by-hand' }, h('h3', {}, 'Level by hand'), assign, remove);
}
