// <chorus-members>: the network's directory. People grouped by organisation (members without one in a
// group of their own), each with handle, bio and latest post, and a way to their posts: a button that
// filters the <chorus-feed> named by the `feed` attribute, or without one a link to "?member=handle".

import { DIRECTORY, pageLanguage, translator } from './i18n.js';
import { getJson, mount, webUrl, whole } from './api.js';
import { exactTime, relativeTime } from './time.js';
import { h } from './dom.js';
import { CSS, adopt } from './style.js';

/** How much of a member's latest post the directory shows, in characters. */
export const EXCERPT = 120;

const OWN_CSS = `[part~=directory]{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,18rem),1fr));gap:var(--_s) calc(var(--_s)*1.5)}
[part~=organisation]{margin:0 0 var(--_s)}
h1,h2,h3,h4,h5,h6{margin:0;font-size:1.1em}
[part~=person] [part~=name]{font-size:1em;display:inline;margin-inline-end:.5em}
[part~=people]{list-style:none;margin:.5em 0 0;padding:0}
[part~=person]{padding:.6em 0;border-top:1px solid var(--_line)}
[part~=handle],[part~=count],[part~=latest],[part~=org-site]{color:var(--_muted);font-size:.875em}
[part~=latest] q{color:var(--_fg)}
[part~=show-posts]{padding:.15em .7em;margin-top:.3em}`;

const byName = (lang) => (a, b) => String(a.name || a.handle).localeCompare(String(b.name || b.handle), lang);

/**
 * The directory's groups, `[{org, members}]`: one per organisation that has active members, by name,
 * then one with `org` null for the members without an organisation. `orgs` (from /api/organisations)
 * adds description and website; an organisation only the members name still gets its group.
 */
export function groups(members, orgs, lang) {
  const bySlug = new Map();
  for (const o of orgs) if (o && o.slug) bySlug.set(o.slug, { org: o, members: [] });
  const others = { org: null, members: [] };
  for (const m of members) {
    if (!m || !m.handle || (m.status && m.status !== 'active')) continue;
    const slug = m.organisation && m.organisation.slug;
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { org: m.organisation, members: [] });
    (slug ? bySlug.get(slug) : others).members.push(m);
  }
  const list = [...bySlug.values()].filter((g) => g.members.length);
  list.sort((a, b) => byName(lang)(a.org, b.org));
  if (others.members.length) list.push(others);
  for (const g of list) g.members.sort(byName(lang));
  return list;
}

/** A post's text on one line, cut to `max` characters (never inside a surrogate pair) with "…". */
export function excerpt(text, max = EXCERPT) {
  const c = [...String(text ?? '').replace(/\s+/g, ' ').trim()];
  return c.length > max ? c.slice(0, max - 1).join('').trimEnd() + '…' : c.join('');
}

export class ChorusMembers extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'feed', 'lang', 'level'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adopt(root, CSS);
    adopt(root, OWN_CSS);
    this._gen = 0;
    this._state = h('div', { part: 'state' });
    this._list = h('div', { part: 'directory' });
    root.append(this._state, this._list);
  }

  connectedCallback() {
    this._change();
  }

  attributeChangedCallback() {
    if (this.isConnected) this._change();
  }

  get language() {
    return pageLanguage(this);
  }

  // Several attributes arrive at once while the page parses: load once.
  _change() {
    if (this._queued) return;
    this._queued = true;
    queueMicrotask(() => {
      this._queued = false;
      if (this.isConnected) this.load();
    });
  }

  /** Fetches the directory and shows it; resolves when it is shown (or the error is). */
  async load() {
    const gen = ++this._gen;
    this._ac?.abort();
    const ac = (this._ac = new AbortController());
    this._t = translator(DIRECTORY, this.language);
    this._list.setAttribute('aria-label', this._t('directory'));
    let root;
    try {
      root = mount(this.getAttribute('src'), document.baseURI);
    } catch {
      console.warn('[chorus] <chorus-members> needs src, the URL where the hub mounts Chorus');
      return this._show('error');
    }
    this._show('loading');
    this._list.setAttribute('aria-busy', 'true');
    try {
      const [members, orgs] = await Promise.all([
        getJson(root + '/api/members', root, ac.signal),
        // Older hubs have no public list of organisations: the members' own references do then.
        getJson(root + '/api/organisations', root, ac.signal).catch(() => ({ items: [] })),
      ]);
      if (gen !== this._gen) return;
      this._render(groups(members.items || [], orgs.items || [], this.language));
    } catch (e) {
      if (gen !== this._gen) return;
      console.warn('[chorus] could not load the members:', e);
      this._list.replaceChildren();
      this._show('error');
    } finally {
      if (gen === this._gen) this._list.setAttribute('aria-busy', 'false');
    }
  }

  _show(kind) {
    const t = this._t;
    const error = kind === 'error';
    this._state.replaceChildren(...[
      kind === 'loading' && h('p', { role: 'status' }, t('loading')),
      kind === 'empty' && h('p', null, t('empty')),
      error && h('p', { role: 'alert' }, t('error')),
      error && h('button', { part: 'button retry', onclick: () => this.load() }, t('retry')),
      // Without a directory, the page's own content (a server-rendered list, say) shows again.
      error && h('slot'),
    ].filter(Boolean));
  }

  _render(list) {
    const level = whole(this.getAttribute('level'), 2, 1, 5);
    const now = Date.now();
    this._show(list.length ? null : 'empty');
    this._list.replaceChildren(...list.map((g, i) => {
      const t = this._t;
      const id = 'g' + i;
      const org = g.org;
      const site = org && webUrl(org.website);
      return h('section', { part: 'organisation', 'aria-labelledby': id },
        h('h' + level, { id, part: 'org-name' }, org ? org.name || org.slug : t('others')),
        h('p', { part: 'count' }, t('people', { n: g.members.length })),
        org && org.description && h('p', { part: 'org-description' }, org.description),
        site && h('p', null, h('a', { href: site, part: 'org-site', rel: 'noopener nofollow' }, new URL(site).host)),
        h('ul', { part: 'people' }, g.members.map((m) => this._person(m, level + 1, now))));
    }));
  }

  _person(m, level, now) {
    const t = this._t;
    const lang = this.language;
    const name = m.name || '@' + m.handle;
    const p = m.latestPost;
    const label = t('showPosts', { name });
    const link = this.getAttribute('feed')
      ? h('button', { part: 'button show-posts', onclick: () => this.showPosts(m.handle) }, label)
      : h('a', { part: 'posts-link', href: '?' + new URLSearchParams({ member: m.handle }) }, label);
    return h('li', { part: 'person' },
      h('h' + Math.min(level, 6), { part: 'name' }, name),
      h('span', { part: 'handle' }, '@' + m.handle),
      m.bio && h('p', { part: 'bio' }, m.bio),
      p && p.text && h('p', { part: 'latest' }, t('latest') + ' ', h('q', null, excerpt(p.text)), ' ',
        h('time', { part: 'time', datetime: p.publishedAt, title: exactTime(p.publishedAt, lang) },
          relativeTime(p.publishedAt, now, lang))),
      h('p', null, link));
  }

  /**
   * Shows `handle`'s posts in the <chorus-feed> named by the `feed` attribute (a selector such as
   * "#posts"), through its filter (so it offers "Show all posts"); without such a feed, opens
   * "?member=handle".
   */
  showPosts(handle) {
    let feed = null;
    try {
      feed = document.querySelector(this.getAttribute('feed'));
    } catch {
      // not a selector: handled below like a missing feed
    }
    if (!feed) {
      console.warn('[chorus] <chorus-members feed> names no element:', this.getAttribute('feed'));
      location.search = '?' + new URLSearchParams({ member: handle });
      return;
    }
    if (typeof feed.filter === 'function') feed.filter('member', handle);
    else feed.setAttribute('member', handle);
  }
}
