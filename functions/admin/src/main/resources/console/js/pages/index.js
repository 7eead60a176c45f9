// Every page of the console, in the order the section list shows them (each page's `order`).
// Adding a page: write pages/<name>.js (see README.md) and import it here.

import stores from './stores.js';
import campaigns from './campaigns.js';
import rewards from './rewards.js';

export const PAGES = [
  stores,
  campaigns,
  rewards,
].sort((a, b) => a.order - b.order);
