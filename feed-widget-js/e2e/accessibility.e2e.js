// Keyboard-only use and axe-core, in light and dark.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import { axe } from './support/axe.js';
import { articleKey, articles, embedPage, focused, launch, open, openFeed, servePage, signIn, waitIdle } from './support/browser.js';

/**
 * Presses Tab until `wanted(focused)` holds and returns the focused element's description; every stop
 * on the way inside the widget must show a visible focus.
 */
async function tabTo(page, wanted, most) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f) assertVisibleFocus(f, `${f.tag} ${f.part || ''} "${f.text.slice(0, 30)}"`);
    if (f && wanted(f)) return f;
  }
  assert.fail(`Tab did not reach it within ${most} presses`);
}

/** A visible focus indicator: an outline of at least 2px that is not transparent. */
function assertVisibleFocus(f, what) {
  assert.notEqual(f.outline.style, 'none', `${what}: has an outline when focused`);
  assert.ok(parseFloat(f.outline.width) >= 2, `${what}: outline ${f.outline.width} wide`);
  assert.ok(!/rgba\(.*, 0\)$|transparent/.test(f.outline.color), `${what}: outline colour ${f.outline.color}`);
}

describe('accessibility', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.afterEach(() => session.close());

  test('keyboard only: Tab reaches the posts and their controls with a visible focus, Enter loads older posts', async () => {
    session = await open(browser);
    const page = await session.page();
    // A short page (limit 5) with a link after the widget, as a site's footer would have.
    await servePage(page, '/e2e/keyboard.html', embedPage({ attrs: 'src="/chorus" limit="5"', title: 'Keyboard',
      after: '<footer><a href="/">After the feed</a></footer>' }));
    await openFeed(page, '/e2e/keyboard.html');

    const firstArticle = await tabTo(page, () => true, 5);
    assert.equal(firstArticle.tag, 'article', 'the first Tab into the widget lands on the newest post');
    assert.equal(firstArticle.index, 0);
    await page.keyboard.press('PageDown');
    assert.equal((await focused(page)).index, 1, 'Page Down moves to the next post');
    await page.keyboard.press('PageUp');
    assert.equal((await focused(page)).index, 0, 'Page Up moves back');
    const control = await tabTo(page, (f) => f.tag !== 'article', 40);
    assert.ok(['a', 'button'].includes(control.tag), `Tab reaches the links and buttons in posts (${control.tag})`);

    // "Load older posts" comes last. Tabbing down to it brings it into view, which loads older posts
    // by itself (and moves it further down), so a keyboard user reaches it from the end of the page.
    await page.reload();
    await page.locator('chorus-feed article').first().waitFor();
    await waitIdle(page);
    await page.keyboard.press('Shift+Tab'); // from the top of the page to its last link, after the feed
    await page.keyboard.press('Shift+Tab');
    const older = await focused(page);
    assert.equal(older?.part, 'button older', 'Shift+Tab from the end of the page reaches "Load older posts"');
    assertVisibleFocus(older, '"Load older posts"');
    // Focusing the button scrolls it into view, which may start loading on its own; Enter must still
    // end with focus on the first post it brought (not on the button), after everything shown so far.
    const shownBefore = await articles(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('chorus-feed').shadowRoot.activeElement?.tagName === 'ARTICLE');
    await waitIdle(page);
    const after = await focused(page);
    const shown = await articles(page);
    assert.ok(after.index >= shownBefore.length, `focus moved on to an older post (${after.index} >= ${shownBefore.length})`);
    assert.ok(shown.length > shownBefore.length, 'older posts loaded');
    assert.equal(new Set(shown.map(articleKey)).size, shown.length, 'no post twice');
    session.check();
  });

  for (const colorScheme of ['light', 'dark']) {
    // A member's view holds everything a reader sees plus the compose box, the post actions and an open
    // reply box, so one run covers both.
    test(`axe-core finds no serious or critical problem on the hub's home page (${colorScheme}), with every control showing`, async () => {
      session = await open(browser, { colorScheme });
      const page = await session.page();
      await signIn(page, 'lea');
      await page.getByRole('textbox', { name: 'Write a post' }).waitFor();
      await waitIdle(page);
      const scheme = await page.locator('chorus-feed').evaluate((el) => getComputedStyle(el).colorScheme);
      assert.equal(scheme, colorScheme, `the widget follows prefers-color-scheme: ${colorScheme}`);
      await page.getByRole('button', { name: 'Reply' }).first().click();

      assert.deepEqual(await axe(page), []);
      session.check();
    });
  }
});
