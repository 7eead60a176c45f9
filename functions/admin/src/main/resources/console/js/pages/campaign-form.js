// The reward campaign form (POST /api/{storeCode}/campaign, sent as JSON: {"campaign": {...}}). Every field is named
// as the API names it (campaign[costInPoints], campaign[translations][en][name]) so its 400 lands next to the field.
// Each reward type shows only its own fields: the API ignores another type's fields, and hidden fields are not sent.

import { field, fieldset, form, h, notice } from '../ui.js';

/** The API's reward types (RewardType's wire names), with what buying each gives. */
export const REWARD_TYPES = [
  ['discount_code', 'Discount code'],
  ['free_delivery_code', 'Free delivery code'],
  ['gift_code', 'Gift code'],
  ['event_code', 'Event code'],
  ['value_code', 'Value code'],
  ['cashback', 'Cashback'],
  ['percentage_discount_code', 'Percentage discount code'],
  ['custom_campaign_code', 'Custom campaign'],
];

/** The five types that hand out a code of the campaign's pool when bought. */
export const POOLED = ['discount_code', 'free_delivery_code', 'gift_code', 'event_code', 'value_code'];

export function rewardLabel(wire) {
  const found = REWARD_TYPES.find(([value]) => value === wire);
  return found ? found[1] : wire;
}

/** The store's levels, segments and categories, for the audience and category choices (empty when none). */
export async function audienceChoices(ctx) {
  const base = `/api/${encodeURIComponent(ctx.store)}`;
  const [levels, segments, categories] = await Promise.all([
    ctx.api.get(`${base}/level`, { perPage: 100 }),
    ctx.api.get(`${base}/segment`, { perPage: 100 }),
    ctx.api.get(`${base}/campaignCategory`, { perPage: 100 }),
  ]);
  return {
    levels: (levels.levels || []).map((l) => [l.levelId, l.name]),
    segments: (segments.segments || []).map((s) => [s.segmentId, s.name]),
    categories: (categories.categories || []).map((c) => [c.campaignCategoryId, c.name]),
  };
}

/**
 * A window (campaignActivity or campaignVisibility): "all the time", or both dates. The dates are hidden while
 * "all the time" is ticked, so they are not sent.
 */
function windowFields(root, allTime, from, to, legend, allTimeLabel, fromLabel, toLabel) {
  const all = field({ name: `campaign[${root}][${allTime}]`, label: allTimeLabel, type: 'checkbox', value: true });
  const dates = h('div', { class: 'campaign-dates', hidden: true },
    field({ name: `campaign[${root}][${from}]`, label: fromLabel, type: 'datetime-local' }),
    field({ name: `campaign[${root}][${to}]`, label: toLabel, type: 'datetime-local' }));
  const box = all.querySelector('input');
  box.addEventListener('change', () => { dates.hidden = box.checked; });
  return fieldset(legend, all, dates);
}

/** Shows the fieldsets of the chosen type (data-types lists the types each belongs to). */
function showType(formEl, type) {
  formEl.querySelectorAll('[data-types]').forEach((el) => {
    el.hidden = !el.dataset.types.split(' ').includes(type);
  });
}

function onlyFor(types, ...children) {
  const el = fieldset(...children);
  el.dataset.types = types.join(' ');
  return el;
}

/** The create form; onCreated(campaignId) runs after a 200. */
export function campaignForm(ctx, choices, onCreated) {
  const base = `/api/${encodeURIComponent(ctx.store)}`;
  const type = field({ name: 'campaign[reward]', label: 'Reward type', type: 'select', required: true, options: REWARD_TYPES, value: 'discount_code' });
  const none = (what) => `No ${what} yet: create one first.`;
  const fields = [
    type,
    fieldset('Text (in English; the store’s language falls back to it)',
      field({ name: 'campaign[translations][en][name]', label: 'Campaign name', required: true }),
      field({ name: 'campaign[translations][en][shortDescription]', label: 'Short description', type: 'textarea', rows: 2, hint: 'Markdown.' }),
      field({ name: 'campaign[translations][en][conditionsDescription]', label: 'Conditions', type: 'textarea', rows: 2 }),
      field({ name: 'campaign[translations][en][usageInstruction]', label: 'Usage instruction', type: 'textarea', rows: 2 }),
      field({ name: 'campaign[translations][en][brandName]', label: 'Brand name' }),
      field({ name: 'campaign[translations][en][brandDescription]', label: 'Brand description', type: 'textarea', rows: 2 })),
    fieldset('State',
      field({ name: 'campaign[active]', label: 'Active', type: 'checkbox', value: true }),
      field({ name: 'campaign[public]', label: 'Public (listed to anyone)', type: 'checkbox' }),
      field({ name: 'campaign[featured]', label: 'Featured', type: 'checkbox' })),
    fieldset('Who may buy it',
      field({ name: 'campaign[target]', label: 'Target', type: 'select', options: [['level', 'Members of levels'], ['segment', 'Members of segments']], value: choices.levels.length || !choices.segments.length ? 'level' : 'segment' }),
      field({ name: 'campaign[levels]', label: 'Levels', type: 'select', multiple: true, options: choices.levels, hint: choices.levels.length ? 'Ctrl or Cmd to choose several.' : none('level') }),
      field({ name: 'campaign[segments]', label: 'Segments', type: 'select', multiple: true, options: choices.segments, hint: choices.segments.length ? 'Ctrl or Cmd to choose several.' : none('segment') })),
    fieldset('Catalogue',
      field({ name: 'campaign[categories]', label: 'Categories', type: 'select', multiple: true, options: choices.categories, hint: choices.categories.length ? null : 'No category yet (optional).' }),
      field({ name: 'campaign[labels]', label: 'Labels', placeholder: 'type:promotion;season:summer', hint: 'key:value pairs separated by ;' }),
      field({ name: 'campaign[moreInformationLink]', label: 'More information link', type: 'url' }),
      field({ name: 'campaign[pushNotificationText]', label: 'Push notification text' }),
      field({ name: 'campaign[rewardValue]', label: 'Reward value', type: 'number', step: '0.01', min: 0 }),
      field({ name: 'campaign[tax]', label: 'Tax (%)', type: 'number', step: 1, min: 0, max: 98 }),
      field({ name: 'campaign[taxPriceValue]', label: 'Tax price value', type: 'number', step: '0.01', min: 0 })),
    windowFields('campaignActivity', 'allTimeActive', 'activeFrom', 'activeTo', 'When it can be bought',
      'Active all the time', 'Active from', 'Active to'),
    windowFields('campaignVisibility', 'allTimeVisible', 'visibleFrom', 'visibleTo', 'When members see it',
      'Visible all the time', 'Visible from', 'Visible to'),
    onlyFor(POOLED, 'Price, limits and coupon pool',
      field({ name: 'campaign[costInPoints]', label: 'Cost in points', type: 'number', step: '0.01', min: 0, required: true }),
      field({ name: 'campaign[unlimited]', label: 'Unlimited (no purchase limits)', type: 'checkbox' }),
      field({ name: 'campaign[limit]', label: 'Limit (all members)', type: 'number', step: 1, min: 1 }),
      field({ name: 'campaign[limitPerUser]', label: 'Limit per member', type: 'number', step: 1, min: 1 }),
      field({ name: 'campaign[singleCoupon]', label: 'Single coupon (every buyer gets the same code)', type: 'checkbox' }),
      field({ name: 'campaign[daysInactive]', label: 'Days inactive after purchase', type: 'number', step: 1, min: 0, value: 0, required: true }),
      field({ name: 'campaign[daysValid]', label: 'Days valid', type: 'number', step: 1, min: 0, value: 30, required: true, hint: '0: valid for ever.' }),
      field({ name: 'campaign[coupons]', label: 'Coupon codes', type: 'lines', rows: 5, required: true, hint: 'One code a line: letters, digits, - and _.' })),
    onlyFor(['gift_code'], 'Gift code',
      field({ name: 'campaign[fulfillmentTracking]', label: 'Fulfillment tracking (delivery status)', type: 'checkbox' })),
    onlyFor(['cashback'], 'Cashback',
      field({ name: 'campaign[pointValue]', label: 'Value of one point', type: 'number', step: '0.0001', min: 0, required: true, hint: 'In the store’s currency, e.g. 0.5' })),
    onlyFor(['percentage_discount_code'], 'Percentage discount',
      field({ name: 'campaign[transactionPercentageValue]', label: 'Percentage of the transaction', type: 'number', step: 1, min: 0, max: 99, required: true }),
      field({ name: 'campaign[daysInactive]', label: 'Days inactive after purchase', type: 'number', step: 1, min: 0, value: 0, required: true }),
      field({ name: 'campaign[daysValid]', label: 'Days valid', type: 'number', step: 1, min: 0, value: 30, required: true })),
    onlyFor(['custom_campaign_code'], 'Custom campaign',
      field({ name: 'campaign[connectType]', label: 'Reached through', type: 'select', options: [['none', 'Nothing (none)'], ['qrcode', 'A QR-code earning rule'], ['geolocation', 'A geolocation earning rule']], value: 'none' }),
      field({ name: 'campaign[earningRuleId]', label: 'Earning rule id', hint: 'Required for qrcode and geolocation.' })),
  ];
  const el = form({
    label: 'Create a campaign',
    submitLabel: 'Create campaign',
    fields,
    onSubmit: async (values) => {
      const created = await ctx.api.post(`${base}/campaign`, values);
      onCreated(created.campaignId);
      return notice('ok', 'Campaign created: ', h('a', { href: ctx.storeHash('campaigns', created.campaignId), 'data-test': 'new-campaign' }, values.campaign.translations.en.name));
    },
  });
  const select = type.querySelector('select');
  select.addEventListener('change', () => showType(el, select.value));
  showType(el, select.value);
  return el;
}
