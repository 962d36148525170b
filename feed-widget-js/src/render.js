// One post as an <article>: author, time, text segments, reply context, blog source, preview card.

import { h } from './dom.js';
import { sameOrigin, webUrl } from './api.js';
import { exactTime, relativeTime } from './time.js';

const out = (href, part, ...kids) =>
  h('a', { href, part, target: '_blank', rel: 'noopener nofollow ugc' }, ...kids);

/** How a link reads in a post: without "https://" and "www.", at most 40 characters. */
export function shortUrl(url) {
  const c = [...url.replace(/^https?:\/\/(www\.)?/i, '')];
  return c.length > 40 ? c.slice(0, 39).join('') + '…' : c.join('');
}

/**
 * One segment of a post's text: an http(s) link opening in a new tab, a mention or tag as a button
 * calling `filter("member" | "tag", value)`, and everything else, unknown types too, as plain text.
 */
export function segment(s, filter) {
  const text = String(s.text ?? '');
  const href = s.type === 'link' && webUrl(s.href);
  if (href) return out(href, 'link', shortUrl(text));
  const kind = s.type === 'mention' ? 'member' : s.type === 'tag' && 'tag';
  const value = kind && (s.handle || s.tag);
  if (value) {
    return h('button', { part: s.type, class: 'l', onclick: () => filter(kind, value) }, text);
  }
  return text;
}

/**
 * The <article> for post `p`. `c` holds `t` (UI strings), `lang`, `now` (ms), `root` (the mount URL,
 * whose origin alone may serve preview images) and `filter` (see segment).
 */
export function article(p, c) {
  const { t, lang } = c;
  const a = p.author || {};
  const org = a.organisation;
  const to = p.inReplyToAuthor;
  const src = p.source || {};
  const blog = src.kind === 'blog' && webUrl(src.url);
  const pv = p.preview;
  const pvUrl = pv && webUrl(pv.url);
  // The hub sends its copy's URL, absolute or as a path on its origin; nothing from elsewhere is loaded.
  const pvImg = pvUrl && pv.image && webUrl(pv.image, c.root);
  const img = pvImg && sameOrigin(pvImg, c.root) && pvImg;
  const id = 'a' + p.id;
  const segs = p.segments && p.segments.length ? p.segments : [{ type: 'text', text: p.text }];
  return h('article', { part: 'article', tabindex: 0, 'aria-labelledby': id },
    h('header', null,
      h('span', { part: 'author', id }, a.name || a.handle),
      a.handle && h('span', { part: 'handle' }, '@' + a.handle),
      org && h('span', { part: 'org' }, org.name || org.slug),
      h('time', { part: 'time', datetime: p.publishedAt, title: exactTime(p.publishedAt, lang) },
        relativeTime(p.publishedAt, c.now, lang)),
      p.editedAt && h('span', { part: 'edited', title: exactTime(p.editedAt, lang) }, t('edited'))),
    p.inReplyTo && h('p', { part: 'reply-context' }, to ? t('replyTo', { name: '@' + to.handle }) : t('replyToPost')),
    blog && h('p', { part: 'source' }, t('blog') + ' ', out(blog, 'source-link', src.title || shortUrl(blog))),
    h('p', { part: 'text' }, segs.map((s) => segment(s, c.filter))),
    pvUrl && out(pvUrl, 'preview',
      // alt="": the card's title next to it says what the picture is; its box is reserved (CSS aspect-ratio)
      img && h('img', { src: img, alt: '', loading: 'lazy', decoding: 'async', part: 'preview-image' }),
      h('strong', null, pv.title || shortUrl(pvUrl)),
      pv.description && h('span', null, pv.description),
      pv.siteName && h('small', null, pv.siteName)),
    h('footer', null,
      p.appreciations > 0 && h('span', { part: 'appreciations' }, t('appreciations', { n: p.appreciations }))));
}
