// A store's first page: its points over time (the histogram route, B12), redemptions per reward campaign (the
// campaigns list) and how its members spread over the levels (the levels list). Read-only, so it is open to
// the admin key and the store's key alike. Each part loads on its own: one that fails says so in its place
// and the others still show.

import { path } from '../api.js';
import { barChart, formatNumber, timeSeries } from '../charts.js';
import { field, form, h, notice, pageHeading, section, table } from '../ui.js';

/** The periods the histogram is asked for: its interval and how many days back (today included). */
const PERIODS = [
  ['day:30', 'Last 30 days, by day', 'day', 30],
  ['day:90', 'Last 90 days, by day', 'day', 90],
  ['month:365', 'Last 12 months, by month', 'month', 365],
  ['year:1826', 'Last 5 years, by year', 'year', 1826],
];

const POINT_TYPES = [['earned', 'Earned'], ['spent', 'Spent'], ['expired', 'Expired']];

/** usageLeft when nothing caps it is Java's Long.MAX_VALUE (C24), which JSON.parse rounds: anything this big. */
const NO_LIMIT = 1e15;

/** Every item of a paged Open Loyalty list (perPage 100), at most `pages` pages. */
async function everyItem(api, route, key, pages = 20) {
  const items = [];
  for (let page = 1; page <= pages; page += 1) {
    const answer = await api.get(route, { page, perPage: 100 });
    const batch = answer[key] || [];
    items.push(...batch);
    if (batch.length < 100 || items.length >= (answer.total ?? Infinity)) break;
  }
  return items;
}

async function pointsPart(ctx, period) {
  const [, label, interval, lastDays] = PERIODS.find((p) => p[0] === period) || PERIODS[0];
  const answers = await Promise.all(POINT_TYPES.map(([pointType]) => ctx.api.get(
    path`/api/${ctx.store}/points/transfers`, { interval, lastDays, pointType })));
  // The three answers cover the same periods; their union keeps a period any one of them has.
  const labels = [...new Set(answers.flatMap((a) => Object.keys(a)))].sort();
  const series = POINT_TYPES.map(([, name], i) => ({ name, values: labels.map((l) => Number(answers[i][l] || 0)) }));
  const totals = h('dl', { class: 'totals', 'data-test': 'points-totals' },
    series.map((s) => h('div', {}, h('dt', {}, s.name), h('dd', { 'data-series': s.name }, formatNumber(s.values.reduce((a, b) => a + b, 0))))));
  return [
    timeSeries({ title: `Points ${label.toLowerCase()}`, labels, series, dataTest: 'points-chart' }),
    totals,
  ];
}

async function campaignsPart(ctx) {
  const campaigns = await everyItem(ctx.api, path`/api/${ctx.store}/campaign`, 'campaigns');
  const rows = campaigns.map((c) => ({
    name: c.name || c.campaignId, active: c.active, members: Number(c.usersWhoUsedThisCampaignCount || 0),
    left: c.usageLeft, reward: c.reward,
  })).sort((a, b) => b.members - a.members || a.name.localeCompare(b.name));
  const shown = rows.slice(0, 15);
  return [
    barChart({
      title: rows.length > shown.length ? `Members who redeemed each campaign (the ${shown.length} most redeemed)`
        : 'Members who redeemed each campaign',
      bars: shown.map((r) => ({ label: r.name, value: r.members })), valueName: 'Members',
      dataTest: 'campaigns-chart', empty: 'No reward campaign yet.',
    }),
    rows.length ? table({
      caption: 'Usage of each campaign',
      columns: [
        { label: 'Campaign', value: (r) => r.name },
        { label: 'Reward', value: (r) => r.reward },
        { label: 'Active', value: (r) => r.active },
        { label: 'Members who redeemed', value: (r) => formatNumber(r.members), class: 'num' },
        { label: 'Usage left', value: (r) => (r.left === undefined || r.left === null ? '' : r.left >= NO_LIMIT ? 'no limit' : formatNumber(r.left)), class: 'num' },
      ],
      rows,
    }) : null,
  ];
}

async function levelsPart(ctx) {
  const levels = await everyItem(ctx.api, path`/api/${ctx.store}/level`, 'levels');
  // The list counts each level's members; a level without the count asks the level's members route for its total.
  const counts = await Promise.all(levels.map(async (l) => (typeof l.customersCount === 'number' ? l.customersCount
    : (await ctx.api.get(path`/api/${ctx.store}/level/${l.id || l.levelId}/customers`, { perPage: 1 })).total || 0)));
  return [barChart({
    title: 'Members per level',
    bars: levels.map((l, i) => ({ label: l.active === false ? `${l.name} (inactive)` : l.name, value: counts[i] })),
    valueName: 'Members', dataTest: 'levels-chart', empty: 'No level yet.',
  })];
}

/** Runs one part; its failure becomes a notice in its place, so the rest of the page still shows. */
async function part(load) {
  try {
    return await load();
  } catch (e) {
    return [notice('error', `Could not be read: ${e.message}`)];
  }
}

export default {
  id: 'overview',
  title: 'Overview',
  scope: 'store',
  kinds: ['admin', 'store'],
  order: 1,
  async render(ctx) {
    const period = PERIODS.some((p) => p[0] === ctx.query.get('period')) ? ctx.query.get('period') : PERIODS[0][0];
    const periodForm = form({
      label: 'Period of the points chart',
      submitLabel: 'Show',
      fields: [field({ name: 'period', label: 'Period', type: 'select', options: PERIODS.map((p) => [p[0], p[1]]), value: period })],
      onSubmit: async (values) => {
        ctx.navigate(`${ctx.storeHash('overview')}?period=${encodeURIComponent(values.period)}`);
      },
    });
    periodForm.classList.add('form-inline');
    const [points, campaigns, levels] = await Promise.all([
      part(() => pointsPart(ctx, period)), part(() => campaignsPart(ctx)), part(() => levelsPart(ctx))]);
    return h('div', {},
      pageHeading('Overview'),
      section('Points over time', periodForm, points),
      h('div', { class: 'grid-2' },
        section('Redemptions per campaign', campaigns),
        section('Level distribution', levels)));
  },
};
