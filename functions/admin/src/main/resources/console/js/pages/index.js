// Every page of the console, in the order the section list shows them (each page's `order`).
// Adding a page: write pages/<name>.js (see README.md) and import it here.

import stores from './stores.js';
import members from './members.js';
import levels from './levels.js';
import segments from './segments.js';
import earningRules from './earning-rules.js';

export const PAGES = [
  stores,
  members,
  levels,
  segments,
  earningRules,
].sort((a, b) => a.order - b.order);
