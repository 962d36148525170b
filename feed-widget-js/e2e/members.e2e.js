// <chorus-members> on the hub's network page: a reader browses the directory and filters the page's
// feed to one member; hostile names and bios stay text.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import { axe } from './support/axe.js';
import * as hub from './support/hub.js';
import * as payloads from './support/payloads.js';
import { articles, launch, open, openFeed, postKey, servePage, waitIdle } from './support/browser.js';

const DIRECTORY_TAGS = ['SECTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'LI', 'P', 'SPAN', 'Q', 'TIME', 'A', 'BUTTON', 'DIV', 'SLOT'];

/** Waits until the directory shows people. */
const directoryShown = (page) => page.locator('chorus-members [part~=person]').first().waitFor();

/** What a reader sees of the directory: each organisation's heading and its people, in order. */
function directory(page) {
  return page.locator('chorus-members').first().evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~=organisation]')].map((s) => {
    const heading = s.querySelector('[part~=org-name]');
    return {
      org: heading.textContent,
      level: heading.tagName,
      people: [...s.querySelectorAll('[part~=person]')].map((p) => ({
        name: p.querySelector('[part~=name]').textContent,
        handle: p.querySelector('[part~=handle]').textContent,
        bio: p.querySelector('[part~=bio]')?.textContent ?? '',
        latest: p.querySelector('[part~=latest] q')?.textContent ?? null,
        datetime: p.querySelector('[part~=latest] time')?.getAttribute('datetime') ?? null,
      })),
    };
  }));
}

describe('the directory', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('shows every active member once, under their organisation\'s heading, with bio and latest post', async () => {
    const page = await session.page();
    await page.goto('/network.html');
    await directoryShown(page);
    const members = (await hub.expect(200, 'GET', '/members')).items.filter((m) => (m.status ?? 'active') === 'active');
    const shown = await directory(page);

    assert.ok(shown.every((g) => g.level === 'H2'), 'organisations are headings below the page\'s h1');
    const others = shown.filter((g) => g.org === 'Other members');
    assert.ok(others.length <= 1 && (others.length === 0 || shown.at(-1) === others[0]), 'members without an organisation come last');
    const people = shown.flatMap((g) => g.people.map((p) => ({ ...p, org: g.org })));
    assert.deepEqual(people.map((p) => p.handle).sort(), members.map((m) => '@' + m.handle).sort(), 'each active member once');
    for (const m of members) {
      const p = people.find((x) => x.handle === '@' + m.handle);
      assert.equal(p.name, m.name);
      assert.equal(p.org, m.organisation ? m.organisation.name : 'Other members', `@${m.handle}'s group`);
      assert.equal(p.bio, m.bio ?? '');
      assert.equal(p.datetime, m.latestPost?.publishedAt ?? null, `@${m.handle}'s latest post`);
      if (m.latestPost) assert.ok(m.latestPost.text.replace(/\s+/g, ' ').startsWith(p.latest.replace(/…$/, '')), p.latest);
    }
    await page.getByRole('heading', { level: 2, name: 'Windwerk Energie' }).waitFor();
    assert.ok(await page.getByRole('list').count() >= shown.length, 'people are lists');
    assert.deepEqual(await axe(page), [], 'axe finds no serious or critical problem');
    session.check();
  });

  test('"Posts by …" filters the page\'s feed to that member, and "Show all posts" goes back', async () => {
    const page = await session.page();
    await openFeed(page, '/network.html');
    await directoryShown(page);
    const feed = page.locator('chorus-feed');
    const org = await feed.getAttribute('org');
    // Someone of another organisation than the feed's, who has posted.
    const members = (await hub.expect(200, 'GET', '/members')).items;
    const posts = await hub.newest(100);
    const author = posts.map((p) => members.find((m) => m.handle === p.author.handle))
      .find((m) => m && m.status === 'active' && m.organisation && m.organisation.slug !== org);
    const theirs = (await hub.timeline({ member: author.handle, limit: 10 })).items;

    await page.locator('chorus-members').getByRole('button', { name: `Posts by ${author.name}`, exact: true }).click();
    await page.locator('chorus-feed [part~=filter]', { hasText: `Posts by @${author.handle}` }).waitFor();
    await page.waitForFunction((handle) => {
      const shown = [...document.querySelector('chorus-feed').shadowRoot.querySelectorAll('article [part~=handle]')];
      return shown.length > 0 && shown.every((h) => h.textContent === handle);
    }, '@' + author.handle);
    await waitIdle(page);
    assert.equal(await feed.getAttribute('member'), author.handle);
    assert.equal(await feed.getAttribute('org'), null, 'the organisation filter gives way to the member');
    const shown = await articles(page);
    assert.deepEqual(shown.map((a) => `${a.handle}|${a.datetime}`), theirs.map(postKey), 'their posts, newest first');

    await page.locator('chorus-feed').getByRole('button', { name: 'Show all posts' }).click();
    await page.waitForFunction(() => !document.querySelector('chorus-feed').hasAttribute('member'));
    assert.equal(await feed.getAttribute('org'), org, 'back to the organisation the page showed');
    session.check();
  });

  test('without feed, each member links to ?member=, which the network page shows', async () => {
    const page = await session.page();
    await servePage(page, '/e2e/directory.html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Directory</title><script src="/chorus/widget.js" defer></script></head>
<body><main><h1>Directory</h1><chorus-members src="/chorus"></chorus-members></main></body></html>`,
    { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'" });
    await page.goto('/e2e/directory.html');
    await directoryShown(page);
    const link = page.locator('chorus-members').getByRole('link', { name: 'Posts by Katrin Vogt' });
    assert.equal(await link.evaluate((a) => a.href), new URL('/e2e/directory.html?member=katrin', page.url()).href);

    await openFeed(page, '/network.html?member=katrin');
    const shown = await articles(page);
    assert.ok(shown.length > 0 && shown.every((a) => a.handle === '@katrin'), 'the network page shows Katrin\'s posts');
    session.check();
  });

  test('hostile names and bios show as the characters typed and run nothing', async () => {
    const name = `<img src=x onerror=__xss('directory-name')>`;
    const bio = payloads.OWN.slice(0, 6).join(' ').slice(0, 300);
    const member = await hub.newMember({ name });
    await hub.expect(200, 'PATCH', '/me', { token: member.token, body: { bio } });
    const fired = [];
    await session.context.exposeFunction('__xss', (what) => fired.push(String(what)));
    const page = await session.page();
    page.on('dialog', (d) => {
      fired.push(`dialog: ${d.message()}`);
      d.dismiss();
    });
    await page.goto('/network.html');
    await directoryShown(page);
    const person = page.locator('chorus-members [part~=person]', { hasText: '@' + member.handle });
    assert.equal(await person.locator('[part~=name]').textContent(), name);
    assert.equal(await person.locator('[part~=bio]').textContent(), bio);
    const tags = await page.locator('chorus-members').evaluate((el) => [...new Set([...el.shadowRoot.querySelectorAll('*')].map((e) => e.tagName))]);
    assert.deepEqual(tags.filter((t) => !DIRECTORY_TAGS.includes(t)), [], 'only the directory\'s own elements');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    assert.deepEqual(fired, [], 'nothing ran');
    session.check();
  });
});
