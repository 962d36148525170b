// The reader's entry point: defines <chorus-feed>, <chorus-members> and <chorus-admin> (whose console
// is a file of its own, imported on first use). Loads as a classic script (<script src defer>) or as a
// module; defining the elements twice (two script tags on one page) is harmless.

import { ChorusFeed } from './feed.js';
import { ChorusMembers } from './members.js';
import { ChorusAdmin } from './admin-loader.js';

const define = (name, element) => customElements.get(name) || customElements.define(name, element);
define('chorus-feed', ChorusFeed);
define('chorus-members', ChorusMembers);
define('chorus-admin', ChorusAdmin);

export { ChorusAdmin, ChorusFeed, ChorusMembers };
