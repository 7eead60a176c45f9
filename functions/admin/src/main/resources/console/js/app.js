// The console's shell: sign-in, the section list, the store picker and the hash router (#/<page> for pages
// about the deployment, #/store/<code>/<page>/<more> for a store's pages). Each page is a module of pages/
// listed in pages/index.js; see pages/README.md for what a page exports.

import { ApiError } from './api.js';
import { currentSession, signIn, signOut } from './session.js';
import { announce, field, form, h, notice } from './ui.js';
import { PAGES } from './pages/index.js';
import { STORES_CHANGED, storeHash } from './routes.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const picker = document.getElementById('store-picker');

let session = currentSession();
let storeCodes = null;
let rendering = 0;

/** #/store/<code>/<page>/<rest...> or #/<page>/<rest...>, each part decoded; a ?query after them is ctx.query's. */
function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'store' && parts.length >= 2) {
    return { store: parts[1], pageId: parts[2], params: parts.slice(3) };
  }
  return { store: null, pageId: parts[0], params: parts.slice(1) };
}


function allowed(page) {
  return page.kinds.includes(session.kind);
}

function defaultHash() {
  if (session.kind === 'store') {
    const first = PAGES.filter((p) => p.scope === 'store' && allowed(p))[0];
    return storeHash(session.store, first ? first.id : '');
  }
  return '#/stores';
}

async function render() {
  const ticket = ++rendering;
  if (!session) {
    renderSignIn();
    return;
  }
  const route = parseHash();
  if (session.kind === 'store' && route.store !== session.store) {
    location.replace(defaultHash());
    return;
  }
  const page = PAGES.find((p) => p.id === route.pageId && (p.scope === 'store') === Boolean(route.store));
  if ((!route.pageId || !page) && location.hash !== defaultHash()) {
    location.replace(defaultHash());
    return;
  }
  if (!(await renderChrome(route, ticket))) return;
  if (!page) {
    main.replaceChildren(notice('info', 'No section is open: choose one in the list.'));
    return;
  }
  if (!allowed(page)) {
    main.replaceChildren(notice('error', `${page.title} needs the admin key: this store's key cannot use those routes.`));
    return;
  }
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  const ctx = {
    api: session.api, session, store: route.store, params: route.params,
    query: new URLSearchParams(location.hash.split('?')[1] || ''),
    navigate: (hash) => { location.hash = hash; },
    storeHash: (pageId, ...params) => storeHash(route.store, pageId, ...params),
    refresh: () => render(),
  };
  try {
    const content = await page.render(ctx);
    if (ticket !== rendering) return;
    main.replaceChildren(content);
  } catch (e) {
    if (ticket !== rendering) return;
    if (e instanceof ApiError && e.status === 401) {
      signOut();
      session = null;
      renderSignIn('The API refused the key (401): sign in again.');
      return;
    }
    main.replaceChildren(notice('error', `${page.title} could not be shown: ${e.message}`));
  }
  document.title = `${page.title} · serverless-loyalty console`;
  const heading = document.getElementById('page-title');
  (heading || main).focus({ preventScroll: false });
  announce(`${page.title} opened`);
}

/**
 * The header and the section list for `route`. Reading the store list takes a moment, in which the person may
 * have moved on: a render that is no longer the latest (its ticket) writes nothing and answers false, so an
 * older address never overwrites the list of a newer one.
 */
async function renderChrome(route, ticket) {
  who.replaceChildren(
    h('span', {}, session.kind === 'admin' ? 'Signed in with the admin key' : `Signed in with store ${session.store}'s key`),
    h('button', { type: 'button', class: 'link', onclick: () => { signOut(); session = null; location.hash = ''; render(); } }, 'Sign out'));
  if (session.kind === 'admin' && storeCodes === null) {
    try {
      const answer = await session.api.get('/api/store', { perPage: 100 });
      storeCodes = (answer.stores || []).map((s) => s.code);
    } catch (e) {
      storeCodes = [];
    }
    if (ticket !== rendering) return false;
  }
  const codes = session.kind === 'admin' ? storeCodes : [session.store];
  const select = h('select', { id: 'store-select', 'aria-label': 'Store' },
    session.kind === 'admin' ? h('option', { value: '' }, 'Choose a store…') : null,
    codes.map((code) => h('option', { value: code, selected: code === route.store }, code)));
  if (route.store && !codes.includes(route.store)) select.append(h('option', { value: route.store, selected: true }, route.store));
  select.addEventListener('change', () => {
    if (!select.value) return;
    const current = parseHash();
    const pageId = current.store && current.pageId ? current.pageId : firstStorePage();
    location.hash = storeHash(select.value, pageId);
  });
  picker.replaceChildren(h('label', { for: 'store-select' }, 'Store '), select);

  const link = (page, hash, active) => h('li', {}, h('a', { href: hash, 'aria-current': active ? 'page' : false }, page.title));
  const globalPages = PAGES.filter((p) => p.scope === 'global' && allowed(p));
  const storePages = PAGES.filter((p) => p.scope === 'store' && allowed(p));
  nav.replaceChildren(...[
    globalPages.length ? h('ul', {}, globalPages.map((p) => link(p, `#/${p.id}`, !route.store && route.pageId === p.id))) : null,
    route.store ? h('h2', { class: 'nav-store' }, `Store ${route.store}`) : null,
    route.store ? h('ul', {}, storePages.map((p) => link(p, storeHash(route.store, p.id), route.pageId === p.id))) : null,
  ].filter(Boolean));
  return true;
}

function firstStorePage() {
  const first = PAGES.find((p) => p.scope === 'store' && allowed(p));
  return first ? first.id : '';
}

// A page that creates a store says so; the picker reads the list again at once (the page itself stays as it is,
// showing the new store's keys), so the new store can be chosen right away.
window.addEventListener(STORES_CHANGED, () => {
  storeCodes = null;
  if (session) renderChrome(parseHash(), rendering);
});

function renderSignIn(message) {
  nav.replaceChildren();
  who.replaceChildren();
  picker.replaceChildren();
  document.title = 'Sign in · serverless-loyalty console';
  const signInForm = form({
    label: 'Sign in',
    submitLabel: 'Sign in',
    fields: [field({
      name: 'key', label: 'Admin key or store API key', type: 'password', required: true, autocomplete: 'off',
      hint: 'The admin key opens every store; a store key (sl_<store>_…) opens that store. It is kept for this browser session only.',
    })],
    onSubmit: async (values) => {
      if (!values.key) {
        throw new ApiError(400, { message: 'Enter a key.', errors: [{ field: 'key', message: 'Enter a key.' }] });
      }
      try {
        session = await signIn(values.key);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
          throw new ApiError(e.status, { message: 'This key was refused.', errors: [{ field: 'key', message: `The API refused this key (${e.status}).` }] });
        }
        throw e;
      }
      storeCodes = null;
      location.hash = defaultHash();
      render();
    },
  });
  main.replaceChildren(h('div', { class: 'sign-in card' }, h('h1', { id: 'page-title', tabindex: '-1' }, 'Sign in'),
    message ? notice('error', message) : null, signInForm));
  signInForm.querySelector('input').focus();
}

window.addEventListener('hashchange', () => render());
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
render();

