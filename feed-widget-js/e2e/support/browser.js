// Headless Chromium through playwright-core: Debian's /usr/bin/chromium, never a downloaded browser.
// One browser per test file; every test opens a fresh context (its own cookies, storage, cache).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, HUB } from './env.js';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts the browser; fails with a clear message when it is not installed. */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) `
      + 'or point CHORUS_E2E_CHROMIUM at one');
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A fresh context whose pages report what went wrong in them: `problems` collects uncaught errors,
 * console errors and warnings, Content-Security-Policy violations and failed requests to the hub.
 * `check()` asserts there were none. (The widget warns with a "[chorus]" prefix when it cannot do
 * something, so warnings count too.)
 */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ baseURL: HUB, ...options });
  context.setDefaultTimeout(10_000);
  const problems = [];
  await context.exposeBinding('__e2eViolation', ({ page }, v) =>
    problems.push(`CSP violation on ${page.url()}: ${v.directive} blocked ${v.blocked} (${v.sample})`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__e2eViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }), true);
  });
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`uncaught error on ${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      // Leaving a page aborts its requests and live stream (net::ERR_ABORTED), as the widget aborts
      // what it no longer needs; only requests that failed otherwise count.
      const error = r.failure()?.errorText;
      if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${error}`);
    });
  };
  context.on('page', watch);
  return {
    context,
    problems,
    page: () => context.newPage(),
    check(allowed = () => false) {
      const left = problems.filter((p) => !allowed(p));
      assert.deepEqual(left, [], 'the pages reported problems');
    },
    close: () => context.close(),
  };
}

/**
 * Opens `path` on the hub and waits until the widget shows posts and its live stream is connected
 * (the response to /api/stream has arrived, so the hub has registered the stream before any test
 * publishes).
 */
export async function openFeed(page, path = '/', { stream = true } = {}) {
  const streaming = stream && page.waitForResponse((r) => /\/chorus\/api\/stream/.test(r.url()), { timeout: 10_000 });
  await page.goto(path);
  await page.locator('chorus-feed article').first().waitFor();
  await waitIdle(page);
  if (streaming) {
    const response = await streaming;
    assert.equal(response.status(), 200, 'the live stream answered');
  }
}

/** Waits until no <chorus-feed> on the page is loading (aria-busy="false"). */
export async function waitIdle(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('chorus-feed')]
    .every((f) => f.shadowRoot?.querySelector('[role=feed]')?.getAttribute('aria-busy') === 'false'));
}

/**
 * What a reader sees of each article, in order: author name, handle, organisation, the time's
 * datetime and title and shown text, the post text, "edited", the appreciation line, reply context.
 */
export function articles(page, feed = 'chorus-feed') {
  return page.locator(feed).first().evaluate((el) => [...el.shadowRoot.querySelectorAll('article')].map((a) => {
    const text = (part) => a.querySelector(`[part~="${part}"]`)?.textContent ?? null;
    const time = a.querySelector('time');
    return {
      name: text('author'),
      handle: text('handle'),
      org: text('org'),
      datetime: time?.getAttribute('datetime') ?? null,
      timeTitle: time?.getAttribute('title') ?? null,
      timeText: time?.textContent ?? null,
      text: text('text'),
      edited: text('edited'),
      appreciations: text('appreciations'),
      replyContext: text('reply-context'),
    };
  }));
}

/** How the reader tells posts apart: who wrote it and when (to the millisecond). */
export const key = (handle, time) => `${handle}|${time}`;
export const articleKey = (a) => key(a.handle, a.datetime);
export const postKey = (p) => key('@' + p.author.handle, p.publishedAt);

/** The element focused inside the widget's shadow root, described, or null. */
export function focused(page) {
  return page.evaluate(() => {
    const feed = document.activeElement?.closest?.('chorus-feed') || document.activeElement;
    const el = feed?.shadowRoot?.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      part: el.getAttribute('part'),
      text: el.textContent,
      outline: { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor },
      index: el.tagName === 'ARTICLE' ? [...el.parentNode.children].indexOf(el) : -1,
    };
  });
}

/** Serves an HTML page at `path` on the hub's origin without the hub knowing (same origin, any headers). */
export async function servePage(page, path, body, headers = {}) {
  await page.route(HUB + path, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers: { 'cache-control': 'no-store', ...headers },
    body,
  }));
}

/** A minimal page embedding the widget as a site owner would. */
export function embedPage({ head = '', attrs = 'src="/chorus"', before = '', after = '', title = 'Chorus e2e' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/chorus/widget.js" defer></script>${head}</head>
<body>${before}<main><h1>${title}</h1>
<chorus-feed ${attrs}><p><a href="/chorus/feed.atom">Atom feed</a></p></chorus-feed>
</main>${after}</body></html>`;
}

/** Signs in through the demo hub's /signin form, pressing "Act as …" for the member with this handle. */
export async function signIn(page, handle) {
  await page.goto('/signin');
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.locator(`form button[name=handle][value="${handle}"]`).click(),
  ]);
}
