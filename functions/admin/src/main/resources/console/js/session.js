// Who is signed in. The key lives in sessionStorage only: it is gone when the browser session ends, and it
// is sent nowhere but this host's API (api.js).

import { createApi, path } from './api.js';

const STORAGE_KEY = 'serverless-loyalty.console.key';
/** A store's API key names its store: sl_<storeCode>_<secret> (ApiKey.claimedStore on the server). */
const STORE_KEY = /^sl_([^_]+)_/;

/**
 * A signed-in person: kind 'admin' (the deployment's admin key, every store) or 'store' (one store's API key,
 * that store's loyalty routes only; the admin-key routes answer 401 to it, so the console hides them).
 */
export function describeKey(key) {
  const match = STORE_KEY.exec(key);
  return match ? { kind: 'store', store: match[1] } : { kind: 'admin', store: null };
}

export function currentSession() {
  const key = sessionStorage.getItem(STORAGE_KEY);
  if (!key) return null;
  return { key, ...describeKey(key), api: createApi(key) };
}

/** Checks the key against the API before keeping it: a wrong key is refused here, not on the first page. */
export async function signIn(key) {
  const trimmed = key.trim();
  const described = describeKey(trimmed);
  const api = createApi(trimmed);
  if (described.kind === 'admin') {
    await api.get('/api/store');
  } else {
    await api.get(path`/api/${described.store}/earningRule`, { perPage: 1 });
  }
  sessionStorage.setItem(STORAGE_KEY, trimmed);
  return currentSession();
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
}
