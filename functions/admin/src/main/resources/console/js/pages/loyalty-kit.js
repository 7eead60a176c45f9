// Small helpers shared by the members, levels, earning rules and segments pages (area B). Generic enough for
// ui.js one day; kept here so the shared modules stay the overview helper's to edit.

import { newIdempotencyKey } from '../api.js';
import { h } from '../ui.js';

/** Points as the API writes them (6.9, 10), grouped for reading; '' for none. */
export function points(value) {
  if (value === undefined || value === null || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString(undefined, { maximumFractionDigits: 2 }) : String(value);
}

/** A member's name, or their e-mail when they have none (an anonymized member has neither). */
export function memberName(c) {
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return name || c.email || c.customerId;
}

/**
 * An Idempotency-Key that stays the same while the same form is sent again (a retry after a network error
 * changes nothing twice) and is renewed once an answer came back, so the next, different body gets its own.
 */
export function idempotency() {
  let key = newIdempotencyKey();
  return {
    headers: () => ({ 'Idempotency-Key': key }),
    renew: () => { key = newIdempotencyKey(); },
  };
}

/**
 * A paged list that draws itself: load(page, perPage) answers {rows, total}; draw(rows) makes the table.
 * Returns {el, reload(page?)}: the element holds the table and Previous/Next buttons with "page x of y".
 */
export function pagedList({ load, draw, perPage = 20, label = 'List' }) {
  const el = h('div', { class: 'paged', 'aria-live': 'polite' });
  let page = 1;
  async function reload(to = page) {
    page = Math.max(1, to);
    el.setAttribute('aria-busy', 'true');
    try {
      const { rows, total } = await load(page, perPage);
      const pages = Math.max(1, Math.ceil((total || 0) / perPage));
      const prev = h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => reload(page - 1) }, 'Previous');
      const next = h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => reload(page + 1) }, 'Next');
      // replaceChildren would write a null as the text "null": the pager is added only when there are pages.
      el.replaceChildren(draw(rows));
      if (total > perPage) {
        el.append(h('nav', { class: 'pager', 'aria-label': `${label} pages` }, prev,
          h('span', {}, `Page ${page} of ${pages} (${total} in all)`), next));
      }
    } catch (e) {
      el.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, e.message || String(e)));
    } finally {
      el.removeAttribute('aria-busy');
    }
  }
  return { el, reload };
}

/** Indexed form fields (items[0][sku], items[1][sku]) come back from values() as {"0": ..}: the API wants a list. */
export function asList(value) {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
}

