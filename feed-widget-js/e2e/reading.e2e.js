// A reader on the hub's home page: the newest posts in order, and "Load older posts".

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import * as hub from './support/hub.js';
import { articleKey, articles, launch, open, openFeed, postKey, waitIdle } from './support/browser.js';

describe('a reader of the timeline', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('sees the newest posts first, as the API has them, each with author and exact time', async () => {
    const newestBefore = (await hub.timeline({ limit: 1 })).items[0];
    const page = await session.page();
    await openFeed(page);

    const feed = page.locator('chorus-feed [role=feed]');
    assert.equal(await feed.count(), 1, 'one element with role=feed');
    assert.equal(await feed.getAttribute('aria-label'), 'Posts');
    const shown = await articles(page);
    assert.equal(shown.length, 20, 'the page embeds limit="20"');

    // Posts published while the page loaded may stand before what it shows; nothing else may.
    const api = await hub.newest(40);
    const first = api.findIndex((p) => postKey(p) === articleKey(shown[0]));
    assert.ok(first >= 0, `the first article (${articleKey(shown[0])}) is in the API's timeline`);
    assert.ok(BigInt(api[first].id) >= BigInt(newestBefore.id), 'the first article is the newest post');
    const expected = api.slice(first, first + 20);
    assert.deepEqual(shown.map(articleKey), expected.map(postKey), 'same posts, same order as /api/timeline');
    const times = shown.map((a) => Date.parse(a.datetime));
    assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]), 'newest first');

    shown.forEach((a, i) => {
      const p = expected[i];
      assert.equal(a.name, p.author.name, `article ${i + 1}: author name`);
      assert.equal(a.org, p.author.organisation?.name ?? null, `article ${i + 1}: organisation`);
      assert.ok(a.timeTitle && a.timeText, `article ${i + 1}: the time reads as text, with the exact time as title`);
      assert.equal(a.edited != null, p.editedAt != null, `article ${i + 1}: "edited" shown exactly when edited`);
      assert.equal(a.replyContext != null, p.inReplyTo != null, `article ${i + 1}: reply context exactly for replies`);
    });
    assert.ok(shown.some((a) => /ago|now/.test(a.timeText)), 'times read as relative times');
    const positions = await page.locator('chorus-feed article').evaluateAll((els) =>
      els.map((a) => [a.getAttribute('aria-posinset'), a.getAttribute('aria-setsize')]));
    assert.deepEqual(positions, shown.map((_, i) => [String(i + 1), '-1']), 'positions in the feed, size unknown while older pages remain');
    session.check();
  });

  test('"Load older posts" continues where the page ended, in order and without a duplicate', async () => {
    const page = await session.page();
    await openFeed(page);
    const firstPage = await articles(page);

    await page.getByRole('button', { name: 'Load older posts' }).click();
    await page.waitForFunction(() => document.querySelector('chorus-feed').shadowRoot.querySelectorAll('article').length >= 40);
    await waitIdle(page);

    const shown = await articles(page);
    const keys = shown.map(articleKey);
    assert.equal(new Set(keys).size, keys.length, 'no article shows twice');
    assert.deepEqual(keys.slice(0, 20), firstPage.map(articleKey), 'the first page stays as it was');
    const api = await hub.newest(keys.length + 20);
    const first = api.findIndex((p) => postKey(p) === keys[0]);
    assert.deepEqual(keys, api.slice(first, first + keys.length).map(postKey),
      'the older posts follow on from the first page, as the API pages them');
    const focus = await page.evaluate(() => {
      const root = document.querySelector('chorus-feed').shadowRoot;
      return [...root.querySelectorAll('article')].indexOf(root.activeElement);
    });
    // Scrolling near the end also loads older pages by itself, and on a slow machine such a load may
    // already be under way when the button is pressed: focus then goes to the first post of the page
    // that load brings. Either way it lands on the first post of a page loaded after the first one.
    assert.ok(focus >= 20 && focus % 20 === 0, `focus moves to the first post of a newly loaded page (was article ${focus + 1})`);
    session.check();
  });
});
