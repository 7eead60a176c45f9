// Charts drawn by hand in SVG: no library, so nothing to download, pin or allow in the Content-Security-Policy.
// Each chart is a <figure>: a caption, the picture (role="img" with an aria-label that says what it shows in
// words), a legend, and the same numbers as a visually hidden table for screen readers. Every bar and point
// carries data-label and data-value, which the browser tests read.
//
// SVG attributes (x, width, class) are set with setAttribute through h(); colours come from classes in
// console.css (series-0, series-1, ...), never from inline style, which the CSP refuses.

import { h, uid } from './ui.js';

const FORMAT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A number as people read it (the browser's locale, at most 2 decimals). */
export function formatNumber(value) {
  return FORMAT.format(value);
}

/** The round number at or above max that makes good axis ticks (1, 2 or 5 times a power of ten). */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const fraction = max / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Axis ticks from 0 to max: whole steps for a few whole things (members), else fifths of the round max. */
export function ticks(max, whole) {
  if (whole && max <= 5) return Array.from({ length: max + 1 }, (_, i) => i);
  return [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => f * max);
}

function shorten(text, length) {
  const s = String(text);
  return s.length > length ? `${s.slice(0, length - 1)}…` : s;
}

function figure({ title, summary, dataTest, picture, legend, columns, rows, wide }) {
  const captionId = uid('chart');
  const svg = picture;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}. ${summary}`);
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', wide ? 'chart chart-wide' : 'chart');
  return h('figure', { class: 'chart-figure', 'data-test': dataTest, 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, title),
    svg,
    legend,
    h('div', { class: 'visually-hidden', 'data-test': dataTest ? `${dataTest}-data` : undefined },
      h('table', {}, h('caption', {}, title),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => (i === 0
          ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))))));
}

/**
 * Horizontal bars, one per item, for categories with names (campaigns, levels):
 * barChart({title, bars: [{label, value}], valueName: 'Members', dataTest}). Negative values are drawn as 0.
 * An empty list draws nothing and says `empty` instead.
 */
export function barChart({ title, bars, valueName = 'Value', dataTest, empty = 'Nothing to show yet.' }) {
  if (!bars.length) return h('p', { class: 'empty', 'data-test': dataTest }, empty);
  const width = 480;
  const labelWidth = 150;
  const valueWidth = 56;
  const row = 30;
  const top = 6;
  const height = top + bars.length * row + 22;
  const plot = width - labelWidth - valueWidth;
  const max = niceMax(Math.max(...bars.map((b) => b.value)));
  const x = (v) => labelWidth + (Math.max(v, 0) / max) * plot;

  const svg = h('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMinYMin meet' },
    h('g', { class: 'grid', 'aria-hidden': 'true' }, ticks(max, bars.every((b) => Number.isInteger(b.value))).map((t) => [
      h('line', { x1: x(t), x2: x(t), y1: top, y2: height - 20, class: 'gridline' }),
      h('text', { x: x(t), y: height - 6, 'text-anchor': 'middle' }, formatNumber(t)),
    ])),
    bars.map((bar, i) => {
      const y = top + i * row;
      return h('g', { class: 'bar-row' },
        h('text', { x: labelWidth - 8, y: y + row / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, shorten(bar.label, 22)),
        h('rect', {
          x: labelWidth, y: y + 4, height: row - 8, width: Math.max(x(bar.value) - labelWidth, bar.value > 0 ? 1 : 0),
          class: 'bar series-0', 'data-label': bar.label, 'data-value': bar.value,
        }, h('title', {}, `${bar.label}: ${formatNumber(bar.value)}`)),
        h('text', { x: x(bar.value) + 6, y: y + row / 2 + 4, class: 'bar-value' }, formatNumber(bar.value)));
    }),
    h('line', { x1: labelWidth, x2: labelWidth, y1: top, y2: height - 20, class: 'axis' }));

  const summary = bars.map((b) => `${b.label}: ${formatNumber(b.value)}`).join('; ');
  return figure({
    title, summary, dataTest, picture: svg, legend: null,
    columns: ['Name', valueName], rows: bars.map((b) => [b.label, formatNumber(b.value)]),
  });
}

/**
 * Values over time, one line per series on a shared axis of periods (days, months, years):
 * timeSeries({title, labels: ['2026-11-01', ...], series: [{name, values: [...]}], dataTest}).
 */
export function timeSeries({ title, labels, series, dataTest }) {
  const width = 720;
  const height = 260;
  const left = 56;
  const right = 40;
  const top = 12;
  const bottom = 44;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const all = series.flatMap((s) => s.values);
  const max = niceMax(Math.max(0, ...all));
  const x = (i) => left + (labels.length === 1 ? plotWidth / 2 : (i / (labels.length - 1)) * plotWidth);
  const y = (v) => top + plotHeight - (Math.max(v, 0) / max) * plotHeight;
  // At most about eight period labels under the axis, always the first and the last.
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const shown = labels.map((_, i) => i).filter((i) => i % every === 0);
  const last = labels.length - 1;
  if (last > 0 && shown[shown.length - 1] !== last) {
    if (last - shown[shown.length - 1] <= every / 2) shown.pop();
    shown.push(last);
  }

  const svg = h('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMinYMin meet' },
    h('g', { class: 'grid', 'aria-hidden': 'true' },
      ticks(max, all.every((v) => Number.isInteger(v))).map((t) => [
        h('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), class: 'gridline' }),
        h('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, formatNumber(t)),
      ]),
      shown.map((i) => h('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle' }, labels[i]))),
    h('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'axis' }),
    series.map((s, n) => h('g', { class: `series series-${n}`, 'data-series': s.name },
      h('polyline', { class: 'line', fill: 'none', points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ') }),
      s.values.map((v, i) => h('circle', {
        cx: x(i), cy: y(v), r: labels.length > 62 ? 1.5 : 3, class: 'point',
        'data-label': labels[i], 'data-value': v,
      }, h('title', {}, `${s.name}, ${labels[i]}: ${formatNumber(v)}`))))));

  const range = labels.length ? `${labels[0]} to ${labels[labels.length - 1]}` : 'no period';
  const totals = series.map((s) => `${s.name} ${formatNumber(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' },
    series.map((s, n) => h('li', {}, h('span', { class: `swatch series-${n}` }), s.name)));
  return figure({
    title, summary: `${range}. In total: ${totals}.`, dataTest, picture: svg, legend, wide: true,
    columns: ['Period', ...series.map((s) => s.name)],
    rows: labels.map((label, i) => [label, ...series.map((s) => formatNumber(s.values[i]))]),
  });
}
