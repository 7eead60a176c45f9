// Addresses inside the console, shared by the shell and the pages.

/** The hash of a store's page: #/store/<code>/<page>/<params...>, each part encoded. */
export function storeHash(store, pageId, ...params) {
  return `#/store/${[store, pageId, ...params].map(encodeURIComponent).join('/')}`;
}

/** Sent on window by a page that created or changed stores: the store picker reads the list again. */
export const STORES_CHANGED = 'console:stores-changed';
