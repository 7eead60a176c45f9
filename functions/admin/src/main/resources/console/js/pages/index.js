// Every page of the console, in the order the section list shows them (each page's `order`).
// Adding a page: write pages/<name>.js (see README.md) and import it here.

import stores from './stores.js';
import storeSettings from './store-settings.js';
import giftcodes from './giftcodes.js';
import orders from './orders.js';
import webhooks from './webhooks.js';
import members from './members.js';
import levels from './levels.js';
import segments from './segments.js';
import overview from './overview.js';
import campaigns from './campaigns.js';
import rewards from './rewards.js';
import earningRules from './earning-rules.js';

export const PAGES = [
  stores,
  storeSettings,
  giftcodes,
  orders,
  webhooks,
  members,
  levels,
  segments,
  overview,
  campaigns,
  rewards,
  earningRules,
].sort((a, b) => a.order - b.order);
