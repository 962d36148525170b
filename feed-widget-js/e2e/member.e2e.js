// A member signed in on the hub's own site (the demo sign-in form): compose, reply, appreciate.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import * as hub from './support/hub.js';
import { articleKey, articles, focused, launch, open, postKey, signIn, waitIdle } from './support/browser.js';

// 16 + 1 (👩🏽‍🔧, one character of four code points and a joiner) + 1 (🔥) + 6 + 1 (🇩🇪) + 10
// + 23 (a link counts 23, however long) + 1 + 1 (✔️, with its variation selector) = 60,
// where String.length says 111 and code points say 105.
const URL_TEXT = 'https://example.org/events/2026/soldering-night-at-the-werkhaus';
const TEXT = `Soldering night 👩🏽‍🔧🔥 with 🇩🇪 friends: ${URL_TEXT} ✔️`;
const COUNT = '60 of 500 characters';

/** The article of post `p` (by author and time, as a reader tells posts apart). */
const articleOf = (page, p) => page.locator('chorus-feed article')
  .filter({ has: page.locator(`time[datetime="${p.publishedAt}"]`) })
  .filter({ has: page.locator('[part~=handle]', { hasText: '@' + p.author.handle }) });

describe('a signed-in member on the hub', { skip }, () => {
  let browser;
  let session;
  let me;
  before(async () => {
    browser = await launch();
    me = await hub.newMember({ organisation: 'werkhaus-lab', name: `E2E Composer ${hub.unique()}` });
  });
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('composes a post with an emoji and a link, counted as the server counts, and it is published', async () => {
    const page = await session.page();
    await signIn(page, me.handle);
    const box = page.getByRole('textbox', { name: 'Write a post' });
    await box.waitFor();
    await waitIdle(page);
    const count = page.locator('chorus-feed [part~=compose-count]').first();
    assert.equal(await count.textContent(), '0 of 500 characters');
    assert.equal(await page.getByRole('button', { name: 'Post', exact: true }).isDisabled(), true, 'nothing to post yet');

    await box.fill(TEXT);
    assert.equal(await count.textContent(), COUNT, 'emoji count as one character each, the link as 23');
    assert.equal(await count.isVisible(), true);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.locator('chorus-feed [part~=compose-status]', { hasText: 'Posted.' }).waitFor();

    const mine = (await hub.timeline({ member: me.handle, limit: 1 })).items[0];
    assert.equal(mine?.text, TEXT, 'the hub has the post, text unchanged');
    assert.deepEqual(mine.segments.filter((s) => s.type === 'link').map((s) => s.href), [URL_TEXT]);
    const shown = await articles(page);
    assert.equal(articleKey(shown[0]), postKey(mine), 'the post shows at the top at once');
    const shortLink = 'example.org/events/2026/soldering-night…'; // no scheme, at most 40 characters
    assert.equal(shown[0].text, TEXT.replace(URL_TEXT, shortLink));
    const link = page.locator('chorus-feed article').first().getByRole('link', { name: shortLink });
    assert.equal(await link.getAttribute('href'), URL_TEXT, 'the link goes where the text said');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener nofollow ugc');
    assert.equal(await box.inputValue(), '', 'the box is empty again');
    assert.equal(await count.textContent(), '0 of 500 characters');
    session.check();
  });

  test('replies to another member\'s post, and the reply shows and is stored as a reply', async () => {
    const page = await session.page();
    await signIn(page, me.handle);
    await page.getByRole('textbox', { name: 'Write a post' }).waitFor();
    await waitIdle(page);
    const theirs = (await hub.timeline({ limit: 20 })).items.find((p) => p.author.handle && p.author.handle !== me.handle);
    const target = articleOf(page, theirs);

    await target.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = page.getByRole('textbox', { name: `Reply to ${theirs.author.name}` });
    assert.equal(await reply.inputValue(), `@${theirs.author.handle} `, 'the reply starts with a mention');
    assert.equal((await focused(page))?.tag, 'textarea', 'focus is in the reply box');
    const text = `@${theirs.author.handle} Count me in, I will bring the spare soldering irons ${hub.unique()}`;
    await reply.fill(text);
    await target.locator('form').getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('chorus-feed [part~=compose-status]', { hasText: 'Reply posted.' }).waitFor();

    const stored = (await hub.timeline({ member: me.handle, limit: 1 })).items[0];
    assert.equal(stored.text, text);
    assert.equal(stored.inReplyTo, theirs.id, 'stored as a reply to that post');
    const shown = await articles(page);
    assert.equal(articleKey(shown[0]), postKey(stored), 'the reply shows at the top');
    assert.equal(shown[0].replyContext, `In reply to @${theirs.author.handle}`);
    assert.equal(await reply.count(), 0, 'the reply box closed');
    session.check();
  });

  test('appreciates another member\'s post: the count goes up, and it stays appreciated after a reload', async () => {
    const page = await session.page();
    await signIn(page, me.handle);
    await page.getByRole('textbox', { name: 'Write a post' }).waitFor();
    await waitIdle(page);
    // A post of someone else's this member has not appreciated yet (a fresh member has appreciated nothing).
    const theirs = (await hub.timeline({ limit: 20 })).items.find((p) => p.author.handle && p.author.handle !== me.handle);
    const target = articleOf(page, theirs);
    const appreciate = target.getByRole('button', { name: 'Appreciate' });
    assert.equal(await appreciate.getAttribute('aria-pressed'), 'false');

    await appreciate.click();
    await target.locator('[aria-pressed=true]').waitFor();
    const n = theirs.appreciations + 1;
    const line = n === 1 ? '1 appreciation' : `${n} appreciations`;
    assert.equal(await target.locator('[part~=appreciations]').textContent(), line);

    const asMe = await page.request.get(`/chorus/api/posts/${theirs.id}`);
    const stored = await asMe.json();
    assert.equal(stored.appreciations, n, 'the hub counts it');
    assert.equal(stored.appreciatedByMe, true, 'and knows it was this member');

    await page.reload();
    await page.getByRole('textbox', { name: 'Write a post' }).waitFor();
    await articleOf(page, theirs).locator('[part~=actions]').waitFor();
    assert.equal(await articleOf(page, theirs).getByRole('button', { name: 'Appreciate' }).getAttribute('aria-pressed'), 'true',
      'still appreciated after a reload');
    assert.equal(await articleOf(page, theirs).locator('[part~=appreciations]').textContent(), line);
    session.check();
  });
});
