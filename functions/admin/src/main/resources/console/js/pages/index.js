// Every page of the console, in the order the section list shows them (each page's `order`).
// Adding a page: write pages/<name>.js (see README.md) and import it here.

import stores from './stores.js';
import overview from './overview.js';

export const PAGES = [
  stores,
  overview,
].sort((a, b) => a.order - b.order);
