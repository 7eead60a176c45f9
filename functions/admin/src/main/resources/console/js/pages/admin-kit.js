// Helpers shared by the admin pages (gift codes, orders, webhooks): cursor pages and retried creations.

import { ApiError } from '../api.js';
import { h } from '../ui.js';

/**
 * A list read in cursor pages (the API's `next`): load(cursor) answers {rows, next}; show(rows) draws them into
 * the returned element with Previous / Next page buttons. The cursors already followed are kept so Previous goes
 * back without the API needing a backwards cursor.
 */
export function cursorPages({ load, show, testId }) {
  const body = h('div', { 'data-test': testId });
  const status = h('span', { class: 'pager-status', role: 'status' });
  const previous = h('button', { type: 'button', class: 'secondary' }, 'Previous page');
  const nextButton = h('button', { type: 'button', class: 'secondary' }, 'Next page');
  const pager = h('div', { class: 'pager' }, previous, nextButton, status);
  const cursors = [null];
  let index = 0;
  let next = null;
  async function go(to) {
    previous.disabled = true;
    nextButton.disabled = true;
    status.textContent = 'Loading…';
    try {
      const page = await load(cursors[to]);
      index = to;
      next = page.next || null;
      if (next && cursors.length === index + 1) cursors.push(next);
      body.replaceChildren(show(page.rows));
      status.textContent = `Page ${index + 1}${next ? '' : ' (last)'}`;
    } catch (e) {
      status.textContent = e.message || String(e);
    } finally {
      previous.disabled = index === 0;
      nextButton.disabled = !next;
    }
  }
  previous.addEventListener('click', () => go(index - 1));
  nextButton.addEventListener('click', () => go(index + 1));
  return { el: h('div', {}, body, pager), first: () => { cursors.length = 1; return go(0); } };
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * Sends a creation with one Idempotency-Key until it is answered: a creation cut short (no answer, a gateway
 * timeout, 5xx) is finished by the same key and body, and 409 REQUEST_IN_PROGRESS says when the writer holding
 * it will be done. The key makes every resend safe: nothing is written twice. onWait(text) says why it waits.
 */
export async function sendUntilAnswered(send, onWait, { attempts = 6 } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (e) {
      const inProgress = e instanceof ApiError && e.status === 409 && e.code === 'REQUEST_IN_PROGRESS';
      const cutShort = e instanceof ApiError && (e.status === 0 || e.status >= 500);
      if (attempt >= attempts || !(inProgress || cutShort)) throw e;
      const named = /retry in (\d+) s/.exec(e.message || '');
      const seconds = named ? Math.min(Number(named[1]) + 1, 30) : 2 * attempt;
      onWait(`${inProgress ? 'Another request is still writing these codes' : `The creation was cut short (${e.message})`}: `
        + `sending it again with the same Idempotency-Key in ${seconds} s (nothing is written twice).`);
      await sleep(seconds * 1000);
    }
  }
}


/** A status word as a coloured badge. */
export function badge(text, kind) {
  return h('span', { class: `badge${kind ? ` badge-${kind}` : ''}` }, text);
}
