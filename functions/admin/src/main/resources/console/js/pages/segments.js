// A store's segments (named lists of members that earning rules and campaigns target): list, create, and a
// segment's page (#/store/<code>/segments/<segmentId>): rename/describe/(de)activate, its members, add members
// (ids, or e-mails found through the members search) and remove one. Admin key and store key alike.

import { ApiError, path } from '../api.js';
import { actionButton, field, form, formatDate, h, notice, pageHeading, section, table } from '../ui.js';
import { memberName, pagedList, points } from './loyalty-kit.js';

export default {
  id: 'segments',
  title: 'Segments',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 50,
  async render(ctx) {
    if (ctx.params[0]) return segmentPage(ctx, ctx.params[0]);
    return listPage(ctx);
  },
};

async function listPage(ctx) {
  const list = pagedList({
    label: 'Segments',
    perPage: 50,
    load: async (page, perPage) => {
      const answer = await ctx.api.get(path`/api/${ctx.store}/segment`, { page, perPage });
      return { rows: answer.segments || [], total: answer.total || 0 };
    },
    draw: (rows) => h('div', { 'data-test': 'segments-table' }, table({
      caption: 'Segments',
      columns: [
        { label: 'Name', value: (s) => h('a', { href: ctx.storeHash('segments', s.segmentId) }, s.name) },
        { label: 'Description', value: (s) => s.description },
        { label: 'Members', value: (s) => points(s.customersCount), class: 'num' },
        { label: 'Active', value: (s) => s.active },
        { label: 'Created', value: (s) => formatDate(s.createdAt) },
      ],
      rows,
      empty: 'No segment yet.',
    })),
  });
  await list.reload(1);
  const create = form({
    label: 'Create a segment',
    submitLabel: 'Create segment',
    fields: [
      field({ name: 'segment[name]', label: 'Segment name', required: true }),
      field({ name: 'segment[description]', label: 'Segment description', type: 'textarea', rows: 2 }),
    ],
    onSubmit: async (values, formEl) => {
      const created = await ctx.api.post(path`/api/${ctx.store}/segment`, values);
      formEl.reset();
      await list.reload(1);
      return notice('ok', h('p', { 'data-test': 'segment-created' }, 'Segment created: ',
        h('a', { href: ctx.storeHash('segments', created.segmentId) }, 'open it to add members'), '.'));
    },
  });
  return h('div', {}, pageHeading('Segments'), section('All segments', list.el),
    section('Create a segment', h('div', { 'data-test': 'segment-create' }, create)));
}

async function segmentPage(ctx, segmentId) {
  const store = ctx.store;
  const segment = await ctx.api.get(path`/api/${store}/segment/${segmentId}`);
  const count = h('span', { 'data-test': 'segment-count' }, points(segment.customersCount));
  const members = pagedList({
    label: 'Members of the segment',
    load: async (page, perPage) => {
      const answer = await ctx.api.get(path`/api/${store}/segment/${segmentId}/customers`, { page, perPage });
      count.textContent = points(answer.total || 0);
      return { rows: answer.customers || [], total: answer.total || 0 };
    },
    draw: (rows) => h('div', { 'data-test': 'segment-members' }, table({
      caption: `Members of ${segment.name}`,
      columns: [
        { label: 'Name', value: (c) => h('a', { href: ctx.storeHash('members', c.customerId) }, memberName(c)) },
        { label: 'E-mail', value: (c) => c.email },
        { label: 'Phone', value: (c) => c.phone },
        {
          label: 'Actions',
          value: (c) => actionButton(`Remove ${memberName(c)}`, async () => {
            await ctx.api.del(path`/api/${store}/segment/${segmentId}/customers/${c.customerId}`);
            await members.reload();
          }, { kind: 'danger' }),
        },
      ],
      rows,
      empty: 'No member in this segment yet.',
    })),
  });
  await members.reload(1);

  const add = form({
    label: 'Add members',
    submitLabel: 'Add members',
    fields: [field({
      name: 'customers', label: 'Members to add', type: 'lines', required: true,
      hint: 'One per line: a member id, or an e-mail (found through the members search). Up to 100 at once.',
    })],
    onSubmit: async (values, formEl) => {
      const ids = await resolveMembers(ctx, values.customers || []);
      const answer = await ctx.api.post(path`/api/${store}/segment/${segmentId}/customers`, { customers: ids });
      formEl.reset();
      await members.reload(1);
      return notice('ok', `Added: the segment has ${points(answer.customersCount)} members.`);
    },
  });

  const edit = form({
    label: 'Edit the segment',
    submitLabel: 'Save segment',
    fields: [
      field({ name: 'segment[name]', label: 'Segment name', required: true, value: segment.name }),
      field({ name: 'segment[description]', label: 'Segment description', type: 'textarea', rows: 2, value: segment.description || undefined }),
      field({ name: 'segment[active]', label: 'Active', type: 'checkbox', value: segment.active }),
    ],
    onSubmit: async (values) => {
      const body = { segment: { ...(values.segment || {}), active: Boolean(values.segment && values.segment.active) } };
      await ctx.api.put(path`/api/${store}/segment/${segmentId}`, body);
      return notice('ok', 'Saved.');
    },
  });

  return h('div', {}, pageHeading(segment.name, h('a', { href: ctx.storeHash('segments') }, 'All segments')),
    section('Members', h('p', {}, count, ' members.'), members.el, h('h3', {}, 'Add members'),
      h('div', { 'data-test': 'segment-add' }, add)),
    section('Edit', h('div', { 'data-test': 'segment-edit' }, edit)));
}

/**
 * The API adds members by id; an e-mail line is looked up with the members search (whole value). An e-mail
 * that finds nobody is an error on the field, and nothing is sent.
 */
async function resolveMembers(ctx, lines) {
  const unknown = [];
  const ids = [];
  for (const line of lines) {
    if (!line.includes('@')) { ids.push(line); continue; }
    const answer = await ctx.api.get(path`/api/${ctx.store}/admin/customer`, { email: line, strict: 1, perPage: 1 });
    const found = (answer.customers || [])[0];
    if (found) ids.push(found.customerId);
    else unknown.push(line);
  }
  if (unknown.length) {
    const message = `No member has the e-mail ${unknown.join(', ')}.`;
    throw new ApiError(400, { message, errors: [{ field: 'customers', message }] });
  }
  return ids;
}
