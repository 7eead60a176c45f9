// The deployment's stores (admin key): list and create. GET/POST /api/store.

import { field, form, h, notice, pageHeading, section, table } from '../ui.js';
import { STORES_CHANGED, storeHash } from '../routes.js';

export default {
  id: 'stores',
  title: 'Stores',
  scope: 'global',
  kinds: ['admin'],
  order: 0,
  async render(ctx) {
    const list = h('div', { 'data-test': 'stores-list' });
    // Drawn again after a creation, so the new store is listed beside the keys shown for it.
    async function drawList() {
      const answer = await ctx.api.get('/api/store', { perPage: 100 });
      list.replaceChildren(table({
        caption: 'Stores',
        columns: [
          { label: 'Code', value: (s) => h('a', { href: storeHash(s.code, 'settings') }, s.code) },
          { label: 'Name', value: (s) => s.name },
          { label: 'Currency', value: (s) => s.currency },
          { label: 'Time zone', value: (s) => s.timezone },
          { label: 'Locale', value: (s) => s.locale },
          { label: 'Active', value: (s) => s.active },
        ],
        rows: answer.stores || [],
        empty: 'No store yet: create the first one below.',
      }));
    }
    await drawList();
    const create = form({
      label: 'Create a store',
      submitLabel: 'Create store',
      fields: [
        field({ name: 'code', label: 'Code', required: true, hint: 'Letters, digits and dashes; it is in every path of the store.' }),
        field({ name: 'name', label: 'Name', required: true }),
        field({ name: 'currency', label: 'Currency', required: true, value: 'EUR', hint: 'ISO 4217, e.g. EUR' }),
        field({ name: 'timezone', label: 'Time zone', value: 'UTC', hint: 'IANA, e.g. Europe/Paris: it decides the day a code expires.' }),
        field({ name: 'locale', label: 'Locale', value: 'en' }),
      ],
      onSubmit: async (values) => {
        const created = await ctx.api.post('/api/store', values);
        window.dispatchEvent(new Event(STORES_CHANGED));
        await drawList().catch(() => {});
        return notice('ok',
          h('p', {}, 'Store ', h('a', { href: storeHash(created.code, 'settings') }, created.code), ' created. Its keys are shown this once: keep them now.'),
          h('dl', { class: 'keys', 'data-test': 'new-store-keys' },
            h('dt', {}, 'API key (the shop server’s)'), h('dd', {}, h('code', { 'data-test': 'api-key' }, created.apiKey)),
            h('dt', {}, 'Publishable key (the browser beacon’s)'), h('dd', {}, h('code', {}, created.publishableKey))));
      },
    });
    return h('div', {}, pageHeading('Stores'), section('All stores', list), section('Create a store', create));
  },
};
