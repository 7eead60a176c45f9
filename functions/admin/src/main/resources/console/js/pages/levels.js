// A store's levels (Open Loyalty's levels): list with member counts, create, and a level's page
// (#/store/<code>/levels/<levelId>): edit (the whole form again, PUT), activate/deactivate, its members, and a
// member assigned by hand. Every route here takes the admin key and the store's key.

import { path } from '../api.js';
import { actionButton, field, fieldset, form, h, notice, pageHeading, section, table } from '../ui.js';
import { memberName, pagedList, points } from './loyalty-kit.js';

export default {
  id: 'levels',
  title: 'Levels',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 30,
  async render(ctx) {
    if (ctx.params[0]) return levelPage(ctx, ctx.params[0]);
    return listPage(ctx);
  },
};

/** The reward as the API stores it (0.15) shown as the percent the form takes (15). */
function percent(fraction) {
  return fraction === undefined || fraction === null ? '' : Math.round(Number(fraction) * 10000) / 100;
}

function activeToggle(ctx, level, redraw) {
  return actionButton(level.active ? 'Deactivate' : 'Activate', async () => {
    await ctx.api.post(path`/api/${ctx.store}/level/${level.id}/activate`, { active: !level.active });
    if (redraw) await redraw(); else ctx.refresh();
  }, { kind: level.active ? 'danger' : 'secondary' });
}

async function listPage(ctx) {
  const listBox = h('div', { 'data-test': 'levels-table', 'aria-live': 'polite' });
  async function drawList() {
    const answer = await ctx.api.get(path`/api/${ctx.store}/level`, { page: 1, perPage: 100 });
    const levels = (answer.levels || []).slice().sort((a, b) => a.conditionValue - b.conditionValue);
    listBox.replaceChildren(table({
      caption: 'Levels, by the value that reaches them',
      columns: [
        { label: 'Name', value: (l) => h('a', { href: ctx.storeHash('levels', l.id) }, l.name) },
        { label: 'Reached at', value: (l) => points(l.conditionValue), class: 'num' },
        { label: 'Reward', value: (l) => (l.reward ? `${l.reward.name} (${percent(l.reward.value)} %, ${l.reward.code})` : '') },
        { label: 'Members', value: (l) => points(l.customersCount), class: 'num' },
        { label: 'Active', value: (l) => l.active },
        { label: 'Actions', value: (l) => activeToggle(ctx, l, drawList) },
      ],
      rows: levels,
      empty: 'No level yet: create the first one below (a level reached at 0 takes every new member).',
    }));
  }
  await drawList();
  const create = levelForm({
    label: 'Create a level',
    submitLabel: 'Create level',
    level: { active: true },
    onSave: (values) => ctx.api.post(path`/api/${ctx.store}/level/create`, values),
    after: async (created) => {
      await drawList();
      return notice('ok', h('p', { 'data-test': 'level-created' }, 'Level created: ',
        h('a', { href: ctx.storeHash('levels', created.id) }, 'open it'), '.'));
    },
  });
  return h('div', {}, pageHeading('Levels'),
    section('All levels', listBox),
    section('Create a level', h('div', { 'data-test': 'level-create' }, create)));
}

/** The level form, prefilled from a level (Open Loyalty's answer) when editing. */
function levelForm({ label, submitLabel, level, onSave, after }) {
  const en = (level.translations && level.translations.en) || {};
  const reward = level.reward || {};
  return form({
    label,
    submitLabel,
    fields: [
      h('div', { class: 'grid-2' },
        field({ name: 'level[translations][en][name]', label: 'Level name', required: true, value: en.name || level.name }),
        field({ name: 'level[conditionValue]', label: 'Reached at', type: 'number', min: 0, step: 'any', required: true,
          value: level.conditionValue, hint: 'Points (or transactions’ amount, the store’s tierAssignType) that reach it.' })),
      field({ name: 'level[translations][en][description]', label: 'Level description', type: 'textarea', rows: 2, value: en.description || undefined }),
      field({ name: 'level[minOrder]', label: 'Minimum order', type: 'number', min: 0, step: 'any', value: level.minOrder === null ? undefined : level.minOrder }),
      fieldset('Reward',
        h('div', { class: 'grid-2' },
          field({ name: 'level[reward][name]', label: 'Reward name', required: true, value: reward.name }),
          field({ name: 'level[reward][code]', label: 'Reward code', required: true, value: reward.code }),
          field({ name: 'level[reward][value]', label: 'Reward percent', type: 'number', min: 0, max: 100, step: 'any', required: true,
            value: percent(reward.value), hint: '15 is a 15 % reward.' }))),
      field({ name: 'level[active]', label: 'Active', type: 'checkbox', value: level.active }),
    ],
    onSubmit: async (values, formEl) => {
      // Open Loyalty's checkbox: absent is false, so an unchecked box is sent as false explicitly.
      const body = { level: { ...(values.level || {}), active: Boolean(values.level && values.level.active) } };
      return after(await onSave(body), formEl);
    },
  });
}

async function levelPage(ctx, levelId) {
  const store = ctx.store;
  const level = await ctx.api.get(path`/api/${store}/level/${levelId}`);
  const members = pagedList({
    label: 'Members of the level',
    load: async (page, perPage) => {
      const answer = await ctx.api.get(path`/api/${store}/level/${levelId}/customers`, { page, perPage });
      return { rows: answer.customers || [], total: answer.total || 0 };
    },
    draw: (rows) => h('div', { 'data-test': 'level-members' }, table({
      caption: `Members at ${level.name}`,
      columns: [
        { label: 'Name', value: (c) => h('a', { href: ctx.storeHash('members', c.customerId) }, memberName(c)) },
        { label: 'E-mail', value: (c) => c.email },
        { label: 'Phone', value: (c) => c.phone },
        { label: 'Loyalty card', value: (c) => c.loyaltyCardNumber },
      ],
      rows,
      empty: 'No member has this level now.',
    })),
  });
  await members.reload(1);
  const edit = levelForm({
    label: 'Edit the level',
    submitLabel: 'Save level',
    level,
    onSave: (values) => ctx.api.put(path`/api/${store}/level/${levelId}`, values),
    after: () => notice('ok', 'Saved. Members move at their next points change.'),
  });
  const assign = form({
    label: 'Assign a member to this level',
    submitLabel: 'Assign',
    fields: [field({ name: 'customerId', label: 'Member id', required: true,
      hint: 'The level becomes the member’s floor until it is removed on their page.' })],
    onSubmit: async (values) => {
      if (!values.customerId) throw new Error('Enter a member id.');
      await ctx.api.post(path`/api/${store}/customer/${values.customerId}/level`, { levelId });
      await members.reload(1);
      return notice('ok', 'Assigned.');
    },
  });
  return h('div', {}, pageHeading(level.name, activeToggle(ctx, level), h('a', { href: ctx.storeHash('levels') }, 'All levels')),
    section('Members at this level', members.el),
    section('Edit', h('div', { 'data-test': 'level-edit' }, edit)),
    section('Assign by hand', assign));
}
