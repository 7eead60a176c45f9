// One store's settings (admin key): GET/PUT /api/store/{code} with every field the PUT takes (the store's own,
// its points settings, its transaction and level settings), and its keys: rotate the API key or the publishable
// key (POST /api/store/{code}/api-key/rotate[?key=publishable], the new key shown this once) and the
// customer-token secret (POST /api/store/{code}/customer-token-secret/rotate, never shown).

import { path } from '../api.js';
import { actionButton, field, fieldset, form, formatDate, h, notice, pageHeading, section } from '../ui.js';
import { STORES_CHANGED } from '../routes.js';

const STATUSES = [['active', 'active'], ['inactive', 'inactive'], ['anonymized', 'anonymized']];

export default {
  id: 'settings',
  title: 'Store settings',
  scope: 'store',
  kinds: ['admin'],
  order: 90,
  async render(ctx) {
    const storePath = path`/api/store/${ctx.store}`;
    const store = await ctx.api.get(storePath);
    const text = (list) => (Array.isArray(list) ? list : []);
    const settings = form({
      label: 'Store settings',
      submitLabel: 'Save settings',
      fields: [
        fieldset('The store',
          field({ name: 'name', label: 'Name', required: true, value: store.name }),
          field({ name: 'currency', label: 'Currency', value: store.currency, hint: 'ISO 4217, e.g. EUR' }),
          field({ name: 'timezone', label: 'Time zone', value: store.timezone, hint: 'IANA, e.g. Europe/Paris: it decides the day a code expires and when points expire.' }),
          field({ name: 'locale', label: 'Locale', value: store.locale, hint: 'e.g. fr or en-GB: the language of checkout messages.' }),
          field({ name: 'active', label: 'Active', type: 'checkbox', value: store.active, hint: 'An inactive store’s keys open nothing.' })),
        fieldset('Points',
          field({
            name: 'pointsDaysExpiryAfter', label: 'Points expire', type: 'select', value: store.pointsDaysExpiryAfter,
            options: [['after_x_days', 'after a number of days'], ['at_the_end_of_the_month', 'at the end of the month'],
              ['at_the_end_of_the_year', 'at the end of the year'], ['all_time_active', 'never']],
          }),
          field({ name: 'pointsDaysActiveCount', label: 'Days points stay active', type: 'number', min: 1, max: 36500, value: store.pointsDaysActiveCount, hint: 'For “after a number of days”.' }),
          field({ name: 'allTimeNotLocked', label: 'Added points are usable at once', type: 'checkbox', value: store.allTimeNotLocked }),
          field({ name: 'pointsDaysLocked', label: 'Days added points stay locked', type: 'number', min: 0, max: 36500, value: store.pointsDaysLocked, hint: 'When they are not usable at once: 1 or more.' }),
          field({ name: 'customerStatusesEarning', label: 'Member statuses that earn', type: 'select', multiple: true, options: STATUSES, value: text(store.customerStatusesEarning) }),
          field({ name: 'customerStatusesSpending', label: 'Member statuses that spend', type: 'select', multiple: true, options: STATUSES, value: text(store.customerStatusesSpending) }),
          field({ name: 'refuseCancelWhenSpent', label: 'Refuse cancelling an add part of which was spent', type: 'checkbox', value: store.refuseCancelWhenSpent })),
        fieldset('Transactions and orders',
          field({
            name: 'customersIdentificationPriority', label: 'Find a transaction’s member by', type: 'lines',
            rows: 3, value: text(store.customersIdentificationPriority).slice().sort((a, b) => a.priority - b.priority).map((p) => p.field),
            hint: 'One per line, first tried first: phone, loyaltyCardNumber, email.',
          }),
          field({ name: 'returns', label: 'Accept returns', type: 'checkbox', value: store.returns }),
          field({ name: 'excludedDeliverySKUs', label: 'Delivery SKUs', type: 'lines', rows: 2, value: text(store.excludedDeliverySKUs), hint: 'One per line: lines with these SKUs are delivery costs.' }),
          field({
            name: 'orderPointsSource', label: 'An order’s points come from', type: 'select', value: store.orderPointsSource,
            options: [['rules', 'the earning rules'], ['reported', 'the points the shop reports (CibleR)']],
          }),
          field({ name: 'enrollShoppers', label: 'An order’s unknown shopper becomes a member', type: 'checkbox', value: store.enrollShoppers }),
          field({ name: 'beaconEarns', label: 'Orders only the browser beacon reported earn points', type: 'checkbox', value: store.beaconEarns })),
        fieldset('Levels',
          field({
            name: 'tierAssignType', label: 'A member’s level follows', type: 'select', value: store.tierAssignType,
            options: [['points', 'points'], ['transactions', 'transactions']],
          }),
          field({
            name: 'levelDowngradeMode', label: 'Moving down a level', type: 'select', value: store.levelDowngradeMode,
            options: [['automatic', 'automatic'], ['none', 'never'], ['after_x_days', 'after a number of days']],
          }),
          field({ name: 'levelDowngradeDays', label: 'Days before moving down', type: 'number', min: 1, max: 36500, value: store.levelDowngradeDays }),
          field({
            name: 'levelDowngradeBase', label: 'Levels count', type: 'select', value: store.levelDowngradeBase,
            options: [['active_points', 'active points'], ['earned_points', 'every point ever earned'],
              ['earned_points_since_last_level_change', 'points earned since the last level change']],
          }),
          field({ name: 'excludedLevelSKUs', label: 'SKUs that do not count towards a level', type: 'lines', rows: 2, value: text(store.excludedLevelSKUs) }),
          field({ name: 'excludedLevelCategories', label: 'Categories that do not count towards a level', type: 'lines', rows: 2, value: text(store.excludedLevelCategories) }),
          field({ name: 'excludeDeliveryCostsFromTierAssignment', label: 'Levels by transactions leave delivery costs out', type: 'checkbox', value: store.excludeDeliveryCostsFromTierAssignment })),
      ],
      onSubmit: async (values) => {
        await ctx.api.put(storePath, values);
        window.dispatchEvent(new Event(STORES_CHANGED));
        return notice('ok', h('p', { 'data-test': 'settings-saved' }, 'Settings saved. Functions read them within 30 seconds (StoreCacheSeconds).'));
      },
    });

    return h('div', {}, pageHeading(`Store ${store.code}: settings`),
      section('Settings',
        h('p', { class: 'hint' }, `Created ${formatDate(store.createdAt)}, last changed ${formatDate(store.updatedAt)}.`),
        settings),
      section('Keys', keys(ctx)));
  },
};

/** The rotations: each new key is shown once, in the answer that made it. */
function keys(ctx) {
  const shown = h('div', { 'data-test': 'rotated' });
  const showKey = (label, value) => shown.replaceChildren(notice('ok',
    h('p', {}, `New ${label}, shown this once: keep it now. The old one stops working within 30 seconds.`),
    h('p', {}, h('code', { 'data-test': 'rotated-key' }, value))));
  const rotate = (key) => async () => {
    const answer = await ctx.api.post(path`/api/store/${ctx.store}/api-key/rotate`, undefined, { query: { key } });
    if (key === 'publishable') showKey('publishable key', answer.publishableKey);
    else showKey('API key', answer.apiKey);
    return 'Rotated.';
  };
  const rotateSecret = async () => {
    const answer = await ctx.api.post(path`/api/store/${ctx.store}/customer-token-secret/rotate`);
    shown.replaceChildren(notice('ok', h('p', { 'data-test': 'secret-rotated' },
      `Customer-token secret rotated (version ${answer.customerTokenSecretVersion}, ${formatDate(answer.rotatedAt)}): every member token issued before is refused from now on.`)));
    return 'Rotated.';
  };
  return h('div', {},
    h('p', {}, 'Keys are stored only as hashes, so a lost key cannot be shown again: rotate it to get a new one.'),
    h('div', { class: 'key-actions' },
      actionButton('Rotate the API key', rotate('api'), { confirmText: 'Rotate the API key? The shop server’s current key stops working.' }),
      actionButton('Rotate the publishable key', rotate('publishable'), { confirmText: 'Rotate the publishable key? The browser beacon’s current key stops working.' }),
      actionButton('Rotate the customer-token secret', rotateSecret, { confirmText: 'Rotate the customer-token secret? Every member token issued so far is refused.' })),
    shown);
}
