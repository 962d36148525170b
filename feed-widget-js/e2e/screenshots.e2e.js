// Screenshots for the README, written to docs/screenshots/ only when CHORUS_E2E_SCREENSHOTS=1, so
// ordinary runs (and CI) never rewrite files in the repository. They show the demo network as seeded:
// run this file first on a fresh hub, before other tests add their posts (WidgetBrowserIT does).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { SCREENSHOTS, skip } from './support/env.js';
import * as hub from './support/hub.js';
import { launch, open, openFeed, signIn, waitIdle } from './support/browser.js';

const DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SHOT = { animations: 'disabled', caret: 'hide' };

describe('screenshots', {
  skip: skip || (!SCREENSHOTS && 'CHORUS_E2E_SCREENSHOTS is not 1: screenshots are written only when asked for'),
}, () => {
  let browser;
  let session;
  before(async () => {
    const head = await hub.timeline({ limit: 20 });
    assert.ok(!head.items.some(hub.byTestMember), 'the timeline already shows posts the e2e tests wrote; take '
      + 'screenshots on a fresh hub, running this file first');
    mkdirSync(DIR, { recursive: true });
    browser = await launch();
  });
  after(() => browser?.close());
  test.afterEach(() => session.close());

  const home = (file, options, { scrollToFeed = false } = {}) => async () => {
    session = await open(browser, options);
    const page = await session.page();
    await openFeed(page);
    // On a phone the page's introduction fills the first screen; show where the timeline starts.
    if (scrollToFeed) await page.locator('#timeline-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: DIR + file, ...SHOT });
    session.check();
  };

  test('hub-light.png: the home page, 1280 wide', home('hub-light.png', { viewport: { width: 1280, height: 900 } }));
  test('hub-dark.png: the home page in dark mode', home('hub-dark.png', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }));
  test('hub-mobile.png: the home page, 375 wide', home('hub-mobile.png',
    { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, { scrollToFeed: true }));

  test('compose.png: a signed-in member writing a post', async () => {
    session = await open(browser, { viewport: { width: 1280, height: 900 } });
    const page = await session.page();
    await signIn(page, 'selin');
    const box = page.getByRole('textbox', { name: 'Write a post' });
    await box.waitFor();
    await waitIdle(page);
    // (No emoji: a machine without an emoji font would draw empty boxes.)
    await box.fill('Open lab this Saturday: the new laser cutter is calibrated. Bring plywood, we bring coffee. '
      + 'https://example.org/werkhaus/open-lab #OpenLab');
    await box.blur();
    const feed = await page.locator('chorus-feed').boundingBox();
    await page.screenshot({ path: DIR + 'compose.png', fullPage: true, clip: { ...feed, height: Math.min(feed.height, 640) }, ...SHOT });
    session.check();
  });
});
