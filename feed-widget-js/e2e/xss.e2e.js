// Post text, author names and organisation names full of XSS payloads render as text and run nothing.
// The page has no Content-Security-Policy on purpose: here nothing but the widget stands between
// the payloads and the page, so anything the widget turned into markup would run.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import * as hub from './support/hub.js';
import * as payloads from './support/payloads.js';
import { embedPage, launch, open, servePage, waitIdle } from './support/browser.js';

// What the widget may put in a reader's shadow root; anything else (script, img, svg, iframe, style…)
// would have come from a payload.
const READER_TAGS = ['ARTICLE', 'HEADER', 'FOOTER', 'SPAN', 'TIME', 'P', 'A', 'BUTTON', 'DIV', 'SLOT'];

/** How a link reads in a post, as the widget's README describes it: no scheme or www., at most 40 characters. */
const shortUrl = (url) => {
  const c = [...url.replace(/^https?:\/\/(www\.)?/i, '')];
  return c.length > 40 ? c.slice(0, 39).join('') + '…' : c.join('');
};
const shownText = (p) => p.segments.map((s) => (s.type === 'link' ? shortUrl(s.text) : s.text)).join('');

describe('hostile text', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('XSS payloads in posts, author and organisation names render as text and run no script', async () => {
    const own = payloads.OWN;
    const corpus = payloads.corpus();
    if (!corpus.length) console.log('[e2e] no XSS corpus found; using only the suite\'s own payloads');
    const texts = payloads.posts([...own, ...corpus]);
    console.log(`[e2e] ${own.length} own and ${corpus.length} corpus payloads in ${texts.length} posts`);

    const org = 'e2e-xss-' + hub.unique();
    const orgName = `<svg onload=__xss('org-name')> "&amp;" Co`;
    await hub.organisation(org, orgName);
    const authorName = `<img src=x onerror=__xss('author-name')>`;
    // Two authors share the posts, within the hub's 30 writes a minute per member.
    const authors = [await hub.newMember({ organisation: org, name: authorName }), await hub.newMember({ organisation: org })];
    const published = [];
    for (const [i, t] of texts.entries()) {
      const p = await authors[i % 2].publish(t.sent);
      assert.equal(p.text, t.stored, `post ${i + 1} is stored exactly as sent (normalised), not cleaned`);
      assert.equal(p.segments.map((s) => s.text).join(''), p.text, `post ${i + 1}: segments add up to the text`);
      published.unshift(p); // newest first
    }

    const fired = [];
    await session.context.exposeFunction('__xss', (what) => fired.push(String(what)));
    await session.context.addInitScript(() => {
      for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        window[name] = (...args) => window.__xss(`${name}(${args.join(',')})`);
      }
    });
    const page = await session.page();
    page.on('dialog', (d) => {
      fired.push(`dialog: ${d.message()}`);
      d.dismiss();
    });
    await servePage(page, '/e2e/xss.html', embedPage({ attrs: `src="/chorus" org="${org}" limit="100"`, title: 'XSS' }));
    await page.goto('/e2e/xss.html');
    await page.waitForFunction((n) =>
      document.querySelector('chorus-feed').shadowRoot?.querySelectorAll('article').length === n, published.length);
    await waitIdle(page);

    const dom = await page.locator('chorus-feed').evaluate((feed) => {
      const all = [...feed.shadowRoot.querySelectorAll('*')];
      return {
        tags: [...new Set(all.map((el) => el.tagName))],
        handlers: all.flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on')).map((a) => `${el.tagName} ${a}`)),
        styled: all.filter((el) => el.hasAttribute('style')).map((el) => el.tagName),
        hrefs: all.filter((el) => el.hasAttribute('href')).map((el) => el.getAttribute('href')),
        srcs: all.filter((el) => el.hasAttribute('src') || el.hasAttribute('srcdoc')).map((el) => el.tagName),
        articles: [...feed.shadowRoot.querySelectorAll('article')].map((a) => ({
          text: a.querySelector('[part~=text]').textContent,
          author: a.querySelector('[part~=author]').textContent,
          org: a.querySelector('[part~=org]').textContent,
        })),
        page: document.querySelectorAll('script').length + document.querySelectorAll('img,svg,iframe,object,embed,style,base,input,math,video').length,
      };
    });
    assert.deepEqual(dom.tags.filter((t) => !READER_TAGS.includes(t)), [], 'only the widget\'s own elements');
    assert.deepEqual(dom.handlers, [], 'no inline event handler anywhere');
    assert.deepEqual(dom.styled, [], 'no style attribute');
    assert.deepEqual(dom.srcs, [], 'nothing that loads a source');
    assert.deepEqual(dom.hrefs.filter((h) => !/^https?:\/\//.test(h)), [], 'links only to http(s)');
    assert.equal(dom.page, 1, 'the host page still has just its one script and nothing injected');

    assert.equal(dom.articles.length, published.length);
    dom.articles.forEach((a, i) => {
      assert.equal(a.text, shownText(published[i]), `post ${published.length - i}: the payloads show as the text they are`);
      assert.equal(a.author, published[i].author.name);
    });
    assert.ok(dom.articles.some((a) => a.author === authorName), 'a hostile author name shows as text');
    assert.ok(dom.articles.every((a) => a.org === orgName), 'a hostile organisation name shows as text');
    assert.ok(dom.articles.some((a) => a.text.includes(`<script>__xss('script')</script>`)), 'markup shows literally');

    // Anything that was going to fire on load has had the time of a round trip to the page.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    assert.deepEqual(fired, [], 'no payload ran');
    session.check();
  });
});
