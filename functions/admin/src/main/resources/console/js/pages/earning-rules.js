// A store's earning rules (Open Loyalty's earningRule[...] form): list with the API's filters, create every type
// the API takes with its own fields, edit (PUT, the type stays), activate/deactivate, and a basket simulation
// (POST /transaction/simulate: the points the store's active rules give a basket; nothing is written), and in the
// rule form a draft simulation (POST /earningRule/simulate, issue 12: the unsaved form's points on a basket).
// Every route here takes the admin key and the store's key.

import { ApiError, path } from '../api.js';
import {
  actionButton, clearErrors, field, fieldset, form, formatDate, h, notice, pageHeading, section, showErrors, table, values,
} from '../ui.js';
import { asList, pagedList, points } from './loyalty-kit.js';

const TYPES = [
  ['points', 'General spending (points per unit of currency)'],
  ['multiply_for_product', 'Multiply the points of some products'],
  ['multiply_by_product_labels', 'Multiply the points of products by label'],
  ['product_purchase', 'Points for buying a product'],
  ['instant_reward', 'A reward campaign’s coupon with each sale'],
  ['event', 'A built-in event'],
  ['custom_event', 'A shop’s own event'],
  ['referral', 'Referrals'],
  ['geolocation', 'Being at a place'],
  ['qrcode', 'Scanning a QR code'],
];
const TYPE_LABEL = Object.fromEntries(TYPES);
const BUILT_IN_EVENTS = [
  ['oloy.account.created', 'Account created (registration)'],
  ['oloy.customer.logged_in', 'Logged in (once a day)'],
  ['oloy.customer.newsletter_subscription', 'Newsletter subscription'],
  ['oloy.transaction.customer_first_transaction', 'First purchase'],
];
const PERIODS = [['', '—'], ['day', 'a day'], ['week', 'a week'], ['month', 'a month'], ['3months', '3 months'],
  ['6months', '6 months'], ['year', 'a year'], ['forever', 'ever']];
const LABEL_MULTIPLIER_ROWS = 3;
const BASKET_ROWS = 4;
const DRAFT_BASKET_ROWS = 3;

export default {
  id: 'earning-rules',
  title: 'Earning rules',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 40,
  async render(ctx) {
    const choices = await targetChoices(ctx);
    if (ctx.params[0]) return rulePage(ctx, ctx.params[0], choices);
    return listPage(ctx, choices);
  },
};

/** The store's levels, segments and campaigns, for the rule form's pickers. */
async function targetChoices(ctx) {
  const [levels, segments, campaigns] = await Promise.all([
    ctx.api.get(path`/api/${ctx.store}/level`, { page: 1, perPage: 100 }).then((a) => a.levels || []),
    ctx.api.get(path`/api/${ctx.store}/segment`, { page: 1, perPage: 100 }).then((a) => a.segments || []),
    ctx.api.get(path`/api/${ctx.store}/campaign`, { page: 1, perPage: 100 }).then((a) => a.campaigns || []).catch(() => null),
  ]);
  return { levels, segments, campaigns };
}

function activeToggle(ctx, rule, redraw) {
  return actionButton(rule.active ? 'Deactivate' : 'Activate', async () => {
    await ctx.api.post(path`/api/${ctx.store}/earningRule/${rule.earningRuleId}/activate`, { active: rule.active ? 0 : 1 });
    await redraw();
  }, { kind: rule.active ? 'danger' : 'secondary' });
}

function targetText(rule) {
  const names = [...Object.values(rule.levelNames || {}), ...Object.values(rule.segmentNames || {})];
  if (!rule.target) return 'everyone';
  return `${rule.target === 'level' ? 'levels' : 'segments'}: ${names.join(', ') || '(none left)'}`;
}

function periodText(rule) {
  if (rule.allTimeActive) return 'always';
  return `${formatDate(rule.startAt)} – ${formatDate(rule.endAt)}`;
}

async function listPage(ctx, choices) {
  let filters = {};
  const list = pagedList({
    label: 'Earning rules',
    perPage: 50,
    load: async (page, perPage) => {
      const answer = await ctx.api.get(path`/api/${ctx.store}/earningRule`, { ...filters, page, perPage });
      return { rows: answer.earningRules || [], total: answer.total || 0 };
    },
    draw: (rows) => h('div', { 'data-test': 'rules-table' }, table({
      caption: 'Earning rules',
      columns: [
        { label: 'Name', value: (r) => h('a', { href: ctx.storeHash('earning-rules', r.earningRuleId) }, r.name) },
        { label: 'Type', value: (r) => TYPE_LABEL[r.type] || r.type },
        { label: 'For', value: targetText },
        { label: 'When', value: periodText },
        { label: 'Active', value: (r) => r.active },
        { label: 'Actions', value: (r) => activeToggle(ctx, r, () => list.reload()) },
      ],
      rows,
      empty: 'No earning rule matches.',
    })),
  });
  await list.reload(1);
  const filter = form({
    label: 'Filter earning rules',
    submitLabel: 'Filter',
    fields: h('div', { class: 'form-inline' },
      field({ name: 'type', label: 'Type', type: 'select', options: [['', 'any'], ...TYPES] }),
      field({ name: 'active', label: 'State', type: 'select', options: [['', 'any'], ['true', 'active'], ['false', 'inactive']] })),
    onSubmit: async (values) => {
      filters = values;
      await list.reload(1);
    },
  });
  const create = ruleForm(ctx, choices, null, async (created) => {
    await list.reload(1);
    return notice('ok', h('p', { 'data-test': 'rule-created' }, 'Rule created: ',
      h('a', { href: ctx.storeHash('earning-rules', created.earningRuleId) }, 'open it'),
      '. Try a basket below: active rules count at once.'));
  });
  return h('div', {}, pageHeading('Earning rules'),
    section('All rules', h('div', { 'data-test': 'rules-filter' }, filter), list.el),
    section('Create a rule', h('div', { 'data-test': 'rule-create' }, create)),
    section('Try a basket', simulator(ctx)));
}

async function rulePage(ctx, ruleId, choices) {
  const rule = await ctx.api.get(path`/api/${ctx.store}/earningRule/${ruleId}`);
  const edit = ruleForm(ctx, choices, rule, async () => notice('ok', 'Saved.'));
  return h('div', {}, pageHeading(rule.name, activeToggle(ctx, rule, async () => ctx.refresh()),
    h('a', { href: ctx.storeHash('earning-rules') }, 'All rules')),
    rule.usageUrl ? notice('info', 'The shop earns it with POST ', h('code', {}, rule.usageUrl)) : null,
    section(`Edit: ${TYPE_LABEL[rule.type] || rule.type}`, h('div', { 'data-test': 'rule-edit' }, edit)),
    section('Try a basket', simulator(ctx)));
}

// ---------------------------------------------------------------------------------------------------------
// The rule form: the fields every rule has, then one fieldset per type, only the chosen type's shown (and sent).

/** A rule's current value for a form name (earningRule[limit][period] -> rule.limit.period). */
function current(rule, name) {
  if (!rule) return undefined;
  const keys = name.replace(/\]/g, '').split('[').slice(1);
  return keys.reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), rule);
}

function ruleForm(ctx, choices, rule, after) {
  const f = (spec) => {
    const value = current(rule, spec.name);
    return field(rule && value !== undefined && value !== null ? { ...spec, value } : spec);
  };
  const n = (key) => `earningRule[${key}]`;
  const pointsAmount = (hint) => f({ name: n('pointsAmount'), label: 'Points amount', type: 'number', step: 'any', min: 0, required: true, hint });
  const limitFields = () => fieldset('Limit per member',
    f({ name: n('limit][active'), label: 'Limit uses', type: 'checkbox' }),
    h('div', { class: 'grid-2' },
      f({ name: n('limit][limit'), label: 'Uses allowed', type: 'number', min: 1, step: 1 }),
      f({ name: n('limit][period'), label: 'Per', type: 'select', options: PERIODS, hint: 'Calendar periods in the store’s time zone.' })));
  const labelRows = [];
  for (let i = 0; i < LABEL_MULTIPLIER_ROWS; i += 1) {
    labelRows.push(h('div', { class: 'basket-row' },
      f({ name: n(`labelMultipliers][${i}][key`), label: `Label ${i + 1} key` }),
      f({ name: n(`labelMultipliers][${i}][value`), label: `Label ${i + 1} value` }),
      f({ name: n(`labelMultipliers][${i}][multiplier`), label: `Label ${i + 1} multiplier`, type: 'number', step: 'any', min: 0 })));
  }
  const campaignField = choices.campaigns
    ? f({ name: n('rewardCampaignId'), label: 'Reward campaign', type: 'select', required: true,
      options: [['', 'Choose a campaign…'], ...choices.campaigns.map((c) => [c.campaignId, c.name])] })
    : f({ name: n('rewardCampaignId'), label: 'Reward campaign id', required: true });

  const perType = {
    points: [
      f({ name: n('pointValue'), label: 'Points per unit of currency', type: 'number', step: 'any', min: 0, required: true }),
      f({ name: n('excludedSKUs'), label: 'Excluded SKUs', hint: 'Separated by ";": these lines earn nothing.' }),
      f({ name: n('labelsInclusionType'), label: 'Product labels', type: 'select',
        options: [['none_labels', 'every product'], ['exclude_labels', 'all but the excluded labels'], ['include_labels', 'only the included labels']] }),
      f({ name: n('excludedLabels'), label: 'Excluded labels', hint: 'key:value;key2:value2' }),
      f({ name: n('includedLabels'), label: 'Included labels', hint: 'key:value;key2:value2' }),
      f({ name: n('minOrderValue'), label: 'Minimum order value', type: 'number', step: 'any', min: 0 }),
      field({ name: n('excludeDeliveryCost'), label: 'Delivery lines earn nothing', type: 'checkbox',
        value: rule ? rule.excludeDeliveryCost !== false : true }),
    ],
    multiply_for_product: [
      f({ name: n('skuIds'), label: 'Products’ SKUs', type: 'lines', hint: 'One per line.' }),
      f({ name: n('labels'), label: 'Or products with labels', hint: 'key:value;key2:value2' }),
      f({ name: n('multiplier'), label: 'Multiplier', type: 'number', step: 'any', min: 0, required: true }),
    ],
    multiply_by_product_labels: [h('p', { class: 'hint' }, 'Each label’s products earn their points times its multiplier.'), labelRows],
    product_purchase: [
      f({ name: n('skuIds'), label: 'Products’ SKUs', type: 'lines', required: true, hint: 'One per line.' }),
      pointsAmount('Once per sale with any of them; never multiplied.'),
    ],
    instant_reward: [campaignField],
    event: [
      f({ name: n('eventName'), label: 'Event', type: 'select', required: true, options: BUILT_IN_EVENTS }),
      pointsAmount(),
    ],
    custom_event: [
      f({ name: n('eventName'), label: 'Event name', required: true, hint: 'The shop posts it: /v1/earnRule/{name}/customer/{id}.' }),
      pointsAmount(), limitFields(),
    ],
    referral: [
      f({ name: n('eventName'), label: 'Paid on', type: 'select', required: true,
        options: [['register', 'registration'], ['first_purchase', 'the first purchase'], ['every_purchase', 'every purchase']] }),
      f({ name: n('rewardType'), label: 'Paid to', type: 'select', required: true,
        options: [['referred', 'the new member'], ['referrer', 'the member who invited'], ['both', 'both']] }),
      pointsAmount(),
    ],
    geolocation: [
      h('div', { class: 'grid-2' },
        f({ name: n('latitude'), label: 'Latitude', type: 'number', step: 'any', required: true }),
        f({ name: n('longitude'), label: 'Longitude', type: 'number', step: 'any', required: true }),
        f({ name: n('radius'), label: 'Radius (km)', type: 'number', step: 'any', min: 0, required: true })),
      pointsAmount(), limitFields(),
    ],
    qrcode: [f({ name: n('code'), label: 'QR code text', required: true }), pointsAmount(), limitFields()],
  };

  const typeSets = Object.fromEntries(Object.entries(perType).map(([type, fields]) =>
    [type, h('fieldset', { class: 'type-fields', dataset: { type } }, h('legend', {}, TYPE_LABEL[type]), fields)]));
  const typeSelect = rule ? null : field({ name: n('type'), label: 'Rule type', type: 'select', required: true, options: TYPES });
  const show = (type) => Object.entries(typeSets).forEach(([t, el]) => { el.hidden = t !== type; });
  show(rule ? rule.type : TYPES[0][0]);
  if (typeSelect) typeSelect.querySelector('select').addEventListener('change', (e) => show(e.target.value));

  return form({
    label: rule ? 'Edit the rule' : 'Create a rule',
    submitLabel: rule ? 'Save rule' : 'Create rule',
    fields: [
      typeSelect,
      h('div', { class: 'grid-2' },
        f({ name: n('name'), label: 'Rule name', required: true }),
        f({ name: n('description'), label: 'Rule description', required: true })),
      h('div', { class: 'grid-2' },
        field({ name: n('active'), label: 'Active', type: 'checkbox', value: rule ? rule.active : true }),
        field({ name: n('allTimeActive'), label: 'Always (no dates)', type: 'checkbox', value: rule ? rule.allTimeActive : true })),
      h('div', { class: 'grid-2' },
        f({ name: n('startAt'), label: 'Starts at', placeholder: '2026-12-01 00:00', hint: 'Without “Always”. In the store’s time zone.' }),
        f({ name: n('endAt'), label: 'Ends at', placeholder: '2027-01-31 23:59' })),
      fieldset('For whom',
        f({ name: n('target'), label: 'Target', type: 'select',
          options: [['', 'everyone (built-in account-created event only)'], ['level', 'members of levels'], ['segment', 'members of segments']] }),
        h('div', { class: 'grid-2' },
          f({ name: n('levels'), label: 'Levels', type: 'select', multiple: true, options: choices.levels.map((l) => [l.id, l.name]) }),
          f({ name: n('segments'), label: 'Segments', type: 'select', multiple: true, options: choices.segments.map((s) => [s.segmentId, s.name]) }))),
      f({ name: n('lastExecutedRule'), label: 'Stop evaluating after this rule (lastExecutedRule)', type: 'checkbox' }),
      Object.values(typeSets),
    ],
    extra: draftSimulator(ctx, rule),
    onSubmit: async (formValues) => {
      const rl = ruleBody(formValues);
      const answer = rule
        ? await ctx.api.put(path`/api/${ctx.store}/earningRule/${rule.earningRuleId}`, { earningRule: rl })
        : await ctx.api.post(path`/api/${ctx.store}/earningRule`, { earningRule: rl });
      return after(answer);
    },
  });
}

/** The earningRule part of a rule form's values, as the create and replace routes take it. */
function ruleBody(formValues) {
  const rl = { ...(formValues.earningRule || {}) };
  if (rl.labelMultipliers) {
    rl.labelMultipliers = asList(rl.labelMultipliers).filter((m) => m && Object.keys(m).length);
  }
  if (rl.target === 'level') delete rl.segments;
  if (rl.target === 'segment') delete rl.levels;
  if (!rl.target) { delete rl.levels; delete rl.segments; }
  return rl;
}

// ---------------------------------------------------------------------------------------------------------
// The basket simulations.

/** Basket lines named transaction[items][i][...], labelled `${prefix} i SKU`, `... total`. */
function basketRows(count, prefix) {
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const item = (key) => `transaction[items][${i}]${key}`;
    rows.push(h('fieldset', { class: 'basket-row' }, h('legend', { class: 'visually-hidden' }, `${prefix} ${i + 1}`),
      field({ name: item('[sku][code]'), label: `${prefix} ${i + 1} SKU` }),
      field({ name: item('[name]'), label: `${prefix} ${i + 1} name` }),
      field({ name: item('[quantity]'), label: `${prefix} ${i + 1} quantity`, type: 'number', min: 0, step: 'any' }),
      field({ name: item('[grossValue]'), label: `${prefix} ${i + 1} total`, type: 'number', step: 'any' }),
      field({ name: item('[category]'), label: `${prefix} ${i + 1} category` })));
  }
  return rows;
}

/**
 * The filled lines of a basket form (empty ones are not sent), and how to rename the API's errors about the lines
 * it was sent (transaction[items][0]) to the form's own (transaction[items][2]), so they land next to the field.
 */
function filledLines(tx) {
  const sent = (tx && tx.items ? Object.entries(tx.items).map(([k, v]) => ({ k, v })) : [])
    .filter(({ v }) => v && Object.keys(v).length);
  if (!sent.length) throw new ApiError(400, { message: 'Fill at least one line.', errors: [] });
  const rename = (e) => {
    if (e instanceof ApiError) {
      e.errors = e.errors.map((err) => ({
        ...err,
        field: String(err.field || '').replace(/^transaction\[items\]\[(\d+)\]/, (m, i) => `transaction[items][${sent[Number(i)] ? sent[Number(i)].k : i}]`),
      }));
    }
    return e;
  };
  return { items: sent.map(({ v }) => v), rename };
}

/**
 * Issue 12: the rule form's "Simulate this rule on a basket" part. Posts the form's current earningRule values (as
 * the create would send them; an edit adds its fixed type) and the basket to POST /earningRule/simulate, which saves
 * nothing, and shows what the draft alone gives and what it gives among the store's active rules. Errors of both
 * parts come back under the API's own field names, so they are shown next to the form's fields.
 */
function draftSimulator(ctx, rule) {
  const result = h('div', { class: 'form-result', 'data-test': 'draft-simulated' });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Simulate this rule');
  const el = h('fieldset', { class: 'draft-simulator', 'data-test': 'draft-simulator' },
    h('legend', {}, 'Simulate this rule on a basket'),
    h('p', { class: 'hint' }, 'The points this rule, as filled above and before it is saved, would give a basket: '
      + 'alone, and with the store’s active rules. Nothing is saved. A line’s total is its price times its quantity.'),
    basketRows(DRAFT_BASKET_ROWS, 'Draft basket line'),
    h('div', { class: 'form-actions' }, button), result);
  const run = async () => {
    const formEl = el.closest('form');
    clearErrors(formEl);
    result.replaceChildren();
    button.disabled = true;
    let lines = null;
    try {
      const formValues = values(formEl);
      lines = filledLines(formValues.transaction);
      const earningRule = ruleBody(formValues);
      if (rule) earningRule.type = rule.type;
      const answer = await ctx.api.post(path`/api/${ctx.store}/earningRule/simulate`,
        { earningRule, transaction: { items: lines.items } });
      result.replaceChildren(h('p', { class: 'simulated', role: 'status' }, 'This rule alone gives ',
        h('span', { 'data-test': 'draft-points' }, points(answer.points)), ' points; with the store’s active rules, ',
        h('span', { 'data-test': 'draft-points-with-active' }, points(answer.pointsWithActiveRules)), ' points.'));
    } catch (e) {
      showErrors(formEl, lines ? lines.rename(e) : e);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', run);
  // Enter in a basket field simulates; it must not submit (and save) the rule.
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      run();
    }
  });
  return el;
}

function simulator(ctx) {
  return h('div', { 'data-test': 'simulator' },
    h('p', { class: 'hint' }, 'The points the store’s active rules (as saved) give this basket; nothing is written. '
      + 'With a member’s e-mail, only the rules for that member count; without, every active rule does. '
      + 'A line’s total is its price times its quantity.'),
    form({
      label: 'Try a basket',
      submitLabel: 'Simulate',
      fields: [basketRows(BASKET_ROWS, 'Line'), field({ name: 'transaction[customerData][email]', label: 'Member’s e-mail (optional)', type: 'email' })],
      onSubmit: async (formValues) => {
        const tx = formValues.transaction || {};
        const lines = filledLines(tx);
        const body = { transaction: { items: lines.items } };
        if (tx.customerData) body.transaction.customerData = tx.customerData;
        let answer;
        try {
          answer = await ctx.api.post(path`/api/${ctx.store}/transaction/simulate`, body);
        } catch (e) {
          throw lines.rename(e);
        }
        return h('p', { class: 'simulated', role: 'status' }, 'This basket earns ',
          h('span', { 'data-test': 'simulated-points' }, points(answer.points)), ' points.');
      },
    }));
}
