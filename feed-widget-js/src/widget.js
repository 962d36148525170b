// The reader's entry point: defines <chorus-feed>. Loads as a classic script (<script src defer>)
// or as a module; defining the element twice (two script tags on one page) is harmless.

import { ChorusFeed } from './feed.js';

if (!customElements.get('chorus-feed')) customElements.define('chorus-feed', ChorusFeed);

export { ChorusFeed };
