// Hostile post text: this project's own XSS payloads, plus the public corpus at
// /work/shared/corpus/xss-vectors.txt (or CHORUS_E2E_XSS_CORPUS) when it is present. Every payload that
// ran would call window.__xss(…) or alert/confirm/prompt, which the test traps.

import { existsSync, readFileSync } from 'node:fs';
import { countText, normalise } from '../../src/count.js';

/** Written for Chorus: markup, attribute and URL breakouts, mutation XSS, and what a post's own syntax invites. */
export const OWN = [
  `<script>__xss('script')</script>`,
  `<img src=x onerror="__xss('img-onerror')">`,
  `<svg onload=__xss('svg-onload')>`,
  `<svg><script>__xss('svg-script')</script></svg>`,
  `<iframe srcdoc="<script>parent.__xss('iframe-srcdoc')</script>"></iframe>`,
  `<a href="javascript:__xss('js-href')">a javascript: link</a>`,
  `javascript:__xss('bare-js-url')`,
  `"><img src=x onerror=__xss('attribute-breakout')>`,
  `'--></p></article><script>__xss('close-the-article')</script>`,
  `</textarea><img src=x onerror=__xss('textarea-breakout')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss('mxss-math')>`,
  `<noscript><p title="</noscript><img src=x onerror=__xss('mxss-noscript')>">`,
  `<details open ontoggle=__xss('details-ontoggle')>`,
  `<input autofocus onfocus=__xss('autofocus')>`,
  `<video><source onerror=__xss('video-source')></video>`,
  `<object data="javascript:__xss('object')"></object>`,
  `<embed src="data:text/html,<script>parent.__xss('embed')</script>">`,
  `<style>*{background:url("javascript:__xss('css')")}</style>`,
  `<base href="javascript:__xss('base')//">`,
  `https://example.org/"><img src=x onerror=__xss('after-a-link')>`,
  `https://example.org/?q=<script>__xss('in-a-link')</script>`,
  `@e2e"><img src=x onerror=__xss('mention')> #tag<img/src/onerror=__xss('tag')>`,
  `&lt;img src=x onerror=__xss('entities')&gt; &#x3C;script&#x3E;`,
  `<scr<script>ipt>__xss('nested')</scr</script>ipt>`,
  `{{constructor.constructor('__xss("template-injection")')()}} \${__xss('template-literal')}`,
  `data:text/html;base64,PHNjcmlwdD5fX3hzcygnZGF0YS11cmwnKTwvc2NyaXB0Pg==`,
];

const CORPUS = process.env.CHORUS_E2E_XSS_CORPUS || '/work/shared/corpus/xss-vectors.txt';

/** The corpus's payloads, decoded (its header: \n \r \t \\ \xHH \uHHHH; everything else literal); [] when absent. */
export function corpus() {
  if (!existsSync(CORPUS)) return [];
  return readFileSync(CORPUS, 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('# '))
    .map((line) => line.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[nrt\\])/g, (_, e) =>
      ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[e] ?? String.fromCharCode(parseInt(e.slice(1), 16))));
}

// The hub refuses, by its text rules, control characters other than line breaks, bidi embeddings
// and isolates, and unpaired surrogates. Those are spelled out (\x01, \u202E) so the rest of the
// payload still reaches the page.
const REFUSED = /[\0-\t\v-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const spell = (c) => {
  const n = c.charCodeAt(0);
  return n < 0x100 ? '\\x' + n.toString(16).padStart(2, '0') : '\\u' + n.toString(16).padStart(4, '0');
};
const BLANK_LINE = /^[\s\u00a0\u200b-\u200f\u2060\ufeff]*$/;

/** A payload as the hub accepts it, with what it refuses spelled out and no blank lines. */
export function acceptable(payload) {
  return payload.replace(/\r\n?/g, '\n').replace(REFUSED, spell)
    .split('\n').filter((line) => !BLANK_LINE.test(line)).join('\n');
}

/** Payloads packed one per line into post texts within the hub's limit (by the widget's own count). */
export function posts(payloads, limit = 480) {
  const texts = [];
  let text = '';
  for (const p of payloads.map(acceptable).filter((p) => !BLANK_LINE.test(p))) {
    const next = text ? text + '\n' + p : p;
    if (text && countText(next) > limit) {
      texts.push(text);
      text = p;
    } else text = next;
  }
  if (text) texts.push(text);
  return texts.map((t) => ({ sent: t, stored: normalise(t) }));
}
