// The widget on pages it does not control: hostile CSS, a page whose own styles must stay as they
// were, and a strict Content-Security-Policy. The pages are served on the hub's origin by the test
// (page.route), so they are same-origin without changing the hub.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skip } from './support/env.js';
import { articles, embedPage, launch, open, servePage, signIn, waitIdle } from './support/browser.js';

const HOSTILE = '<style>* { all: unset !important; color: red !important } button { display: none !important }</style>';
const RED = 'rgb(255, 0, 0)';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

/** Computed styles of the widget's parts that show whether its own styles apply. */
function widgetLook(page) {
  return page.locator('chorus-feed').evaluate((host) => {
    const root = host.shadowRoot;
    const look = (el) => {
      if (!el) return null;
      const s = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return { display: s.display, color: s.color, visibility: s.visibility, width: box.width, height: box.height,
        border: s.borderBottomStyle, fontWeight: s.fontWeight, whiteSpace: s.whiteSpace };
    };
    return {
      host: look(host),
      article: look(root.querySelector('article')),
      author: look(root.querySelector('[part~=author]')),
      text: look(root.querySelector('[part~=text]')),
      time: look(root.querySelector('time')),
      older: look(root.querySelector('[part~=older]')),
      articleButtons: [...root.querySelectorAll('article button')].map(look),
    };
  });
}

describe('the widget on a host page', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('hostile page CSS (all: unset, red text, hidden buttons) does not break the widget', async () => {
    const page = await session.page();
    await servePage(page, '/e2e/hostile.html', embedPage({ head: HOSTILE, title: 'Hostile CSS',
      before: '<p id="page-text">The page\'s own text</p><button id="page-button">Page button</button>' }));
    await page.goto('/e2e/hostile.html');
    await page.locator('chorus-feed article').first().waitFor();
    await waitIdle(page);

    const pageText = await page.locator('#page-text').evaluate((el) => getComputedStyle(el).color);
    assert.equal(pageText, RED, 'the hostile CSS does apply to the page itself');
    assert.equal(await page.locator('#page-button').isVisible(), false, 'and hides the page\'s buttons');

    const look = await widgetLook(page);
    assert.equal(look.host.display, 'block');
    assert.notEqual(look.host.color, RED, 'the widget keeps its text colour');
    assert.equal(look.host.color, 'rgb(28, 28, 33)', 'the default text colour');
    for (const part of ['article', 'author', 'text', 'time']) {
      assert.notEqual(look[part].color, RED, `${part} is not red`);
      assert.ok(look[part].width > 0 && look[part].height > 0, `${part} is visible`);
    }
    assert.equal(look.article.display, 'block');
    assert.equal(look.article.border, 'solid', 'articles keep their dividing line');
    assert.equal(look.author.fontWeight, '600', 'author names stay bold');
    assert.equal(look.text.whiteSpace, 'pre-wrap', 'line breaks in posts still show');
    assert.notEqual(look.older.display, 'none', '"Load older posts" is not hidden');
    assert.ok(look.older.width > 40 && look.older.height > 10, '"Load older posts" has a size');
    assert.equal(await page.getByRole('button', { name: 'Load older posts' }).isVisible(), true);
    assert.ok(look.articleButtons.every((b) => b.display !== 'none'), 'buttons in posts show');
    assert.equal((await articles(page)).length, 20);

    await page.getByRole('button', { name: 'Load older posts' }).click();
    await page.waitForFunction(() => document.querySelector('chorus-feed').shadowRoot.querySelectorAll('article').length >= 40);
    session.check();
  });

  test('the widget\'s styles do not leak into the page', async () => {
    const page = await session.page();
    // Elements and attributes the widget's own selectors would match, if they reached the page.
    const probes = `<div id="probes">
      <article id="p-article"><header id="p-header"><span part="author" id="p-author">A</span></header>
        <p part="text" id="p-text">Text</p><footer id="p-footer">F</footer></article>
      <button id="p-button" part="button older">Button</button><a id="p-link" href="#">Link</a>
      <span class="sr" id="p-sr">sr</span><button class="l" id="p-l">l</button><div class="sk" id="p-sk">sk</div>
      <p part="end" id="p-end">end</p><div role="feed" part="feed" id="p-feed">feed</div></div>`;
    const head = '<meta name="color-scheme" content="light">';
    // The page first without the widget: how its elements look on their own.
    await servePage(page, '/e2e/plain.html', `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>Plain</title></head>
      <body>${probes}<chorus-feed src="/chorus" limit="5"></chorus-feed></body></html>`);
    await page.goto('/e2e/plain.html');
    const styles = () => page.locator('#probes').evaluate((root) => [root, ...root.querySelectorAll('*')].map((el) => {
      const s = getComputedStyle(el);
      const props = ['display', 'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'padding-top',
        'padding-bottom', 'margin-top', 'margin-bottom', 'border-bottom-style', 'border-bottom-color', 'outline-style',
        'position', 'width', 'height', 'white-space', 'text-decoration-line', 'clip-path', 'box-sizing', 'line-height'];
      return [el.id, Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]))];
    }));
    const without = await styles();
    const sheetsBefore = await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]);

    await page.addScriptTag({ url: '/chorus/widget.js' });
    await page.locator('chorus-feed article').first().waitFor();
    await waitIdle(page);

    assert.deepEqual(await styles(), without, 'the page\'s elements look exactly as before');
    assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]),
      sheetsBefore, 'no style sheet added to the document');
    session.check();
  });

  test('under a strict Content-Security-Policy the widget works, also for a member, with no violation', async () => {
    const page = await session.page();
    // A signed-in member, so the compose code (a second file, loaded on demand) and its styles load too.
    await signIn(page, 'mia');
    let served = 0;
    await servePage(page, '/e2e/csp.html', embedPage({ title: 'Strict CSP' }), { 'content-security-policy': CSP });
    page.on('response', (r) => r.url().endsWith('/e2e/csp.html') && r.headers()['content-security-policy'] === CSP && served++);
    await page.goto('/e2e/csp.html');
    await page.locator('chorus-feed article').first().waitFor();
    await page.getByRole('textbox', { name: 'Write a post' }).waitFor();
    await waitIdle(page);
    assert.equal(served, 1, 'the page came with the policy');

    assert.equal((await articles(page)).length, 20);
    const look = await widgetLook(page);
    assert.equal(look.article.border, 'solid', 'the widget\'s styles applied (constructable stylesheets need no unsafe-inline)');
    assert.equal(look.author.fontWeight, '600');
    assert.ok(await page.getByRole('button', { name: 'Reply' }).first().isVisible(), 'member controls show');
    await page.getByRole('textbox', { name: 'Write a post' }).fill('Checking the count under CSP https://example.org');
    assert.equal(await page.locator('chorus-feed [part~=compose-count]').first().textContent(), '52 of 500 characters'); // 29 + 23
    await page.getByRole('button', { name: 'Load older posts' }).click();
    await page.waitForFunction(() => document.querySelector('chorus-feed').shadowRoot.querySelectorAll('article').length >= 40);
    session.check(); // includes every securitypolicyviolation event and console error ("Refused to …")
  });
});
