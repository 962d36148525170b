// <chorus-feed>: the custom element. State lives in plain arrays (see timeline.js); this file turns
// it into DOM, fetches pages, follows the live stream and, for a signed-in member on the hub's own
// site, loads the compose code (compose.js, a separate file) on demand.
//
// Names starting with "_" are private; the build shortens them. The unprefixed members below are what
// compose.js uses: language, root, posts, top, own(post), edited(post), removed(id).

import { READER, pageLanguage, translator } from './i18n.js';
import { getJson, mount, sameOrigin, streamUrl, timelineUrl, whole } from './api.js';
import { addPending, appendOlder, reconcile, remove, showPending, unseen, update } from './timeline.js';
import { article } from './render.js';
import { relativeTime } from './time.js';
import { h } from './dom.js';
import { CSS, adopt } from './style.js';

const LONG = 3e5; // a stream lost longer than five minutes: fetch the newest page again
const FILTERS = ['member', 'org', 'tag'];
const RELOAD = ['src', 'limit', 'replies', ...FILTERS];
const warn = (...a) => console.warn('[chorus]', ...a);

// Where this script came from, so the member's code is fetched from beside it. (Null when the
// module is bundled into a page's own code; the hub then serves it under the mount URL.)
export const SCRIPT = document.currentScript?.src;

export class ChorusFeed extends HTMLElement {
  static get observedAttributes() {
    return [...RELOAD, 'lang', 'live', 'compose', 'max-lines'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adopt(root, CSS);
    // (No type=button needed: a shadow root holds no form these buttons could submit.)
    const button = (part, onclick) => h('button', { part: 'button ' + part, onclick });
    this.posts = [];
    this._pending = [];
    this._el = new Map();
    this._dirty = new Set();
    this._gen = 0;
    this._composeGen = 0;
    this._filterText = h('span', { tabindex: -1 });
    this._all = button('show-all', () => this._unfilter());
    this._bar = h('p', { part: 'filter', hidden: true }, this._filterText, ' ', this._all);
    this.top = h('div');
    this._notice = h('p', { part: 'notice', role: 'status' });
    this._said = h('p', { class: 'sr', 'aria-live': 'polite' });
    this._new = button('new-posts', () => this._showNew(true));
    this._feed = h('div', { role: 'feed', part: 'feed', tabindex: -1, onkeydown: (e) => this._key(e) });
    this._state = h('div', { part: 'state' });
    this._older = button('older', () => this._load(true, true));
    this._end = h('p', { part: 'end' });
    this._io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && this._load(true),
      { rootMargin: '0px 0px 400px' });
    this._net = () => this._offline();
    root.append(this._bar, this.top, this._notice, this._said, this._new, this._feed, this._state,
      this._older, this._end);
  }

  connectedCallback() {
    addEventListener('online', this._net);
    addEventListener('offline', this._net);
    this._tick = setInterval(() => this._times(), 6e4);
    this._change('*');
  }

  disconnectedCallback() {
    removeEventListener('online', this._net);
    removeEventListener('offline', this._net);
    clearInterval(this._tick);
    this._stop();
    this._io.disconnect();
    this._compose(true);
  }

  attributeChangedCallback(name) {
    this._change(name);
  }

  /** The language of the UI and of dates: lang here, else on the closest element, else the browser's. */
  get language() {
    return pageLanguage(this);
  }

  // Attribute changes arrive one by one (several while the page parses): apply them together.
  _change(name) {
    if (!this._dirty.size) queueMicrotask(() => this._apply());
    this._dirty.add(name);
  }

  _apply() {
    const d = this._dirty;
    const all = d.has('*');
    this._dirty = new Set();
    if (!this.isConnected) return;
    const reload = all || RELOAD.some((n) => d.has(n));
    const attr = (n) => this.getAttribute(n) || null;
    this._t = translator(READER, this.language);
    this._clamp();
    if (reload) {
      try {
        this.root = mount(attr('src'), document.baseURI);
      } catch {
        this.root = null;
      }
      this._f = {
        limit: whole(attr('limit'), 20, 1, 100),
        member: attr('member'),
        org: attr('org'),
        tag: attr('tag'),
        replies: attr('replies') !== 'hide',
      };
      this._reset();
    } else {
      if (d.has('live')) this._live();
      if (d.has('lang')) {
        this._feed.replaceChildren();
        this._el.clear();
        this._sync();
        this._state.firstChild && this._showState(this._kind);
      }
    }
    this._labels();
    if (all || d.has('src') || d.has('lang') || d.has('compose')) this._compose(d.has('src'));
  }

  _labels() {
    const t = this._t;
    const f = this._f;
    this._feed.setAttribute('aria-label', t('feed'));
    this._older.textContent = t('older');
    this._end.textContent = t('end');
    this._all.textContent = t('showAll');
    this._filterText.textContent = f.member ? t('byMember', { v: f.member }) : t('byTag', { v: f.tag });
    this._bar.hidden = !this._orig;
    this._offline();
    this._announce();
  }

  _clamp() {
    const n = whole(this.getAttribute('max-lines'), 0, 1, 1e3);
    this._feed.classList.toggle('clamp', n > 0);
    if (n) this._feed.style.setProperty('--_lines', n);
  }

  _stop() {
    this._gen++;
    this._ac?.abort();
    this._es?.close();
    this._es = null;
    clearTimeout(this._retry);
  }

  _reset() {
    this._stop();
    this._ac = new AbortController();
    this._busy = false;
    this.posts = [];
    this._pending = [];
    this._gap = null;
    this._next = null;
    this._el.clear();
    this._feed.replaceChildren();
    this._footer();
    if (!this.root) {
      warn('<chorus-feed> needs src, the URL where the hub mounts Chorus');
      return this._showState('error');
    }
    this._live();
    this._load(false);
  }

  _get(url) {
    return getJson(url, this.root, this._ac.signal);
  }

  _shows(p) {
    return this._f.replies || !p.inReplyTo;
  }

  // Loads the newest page, or the next older one. `focus`: the reader asked (a button), so focus goes
  // to the first post loaded, also when an automatic load was already under way.
  async _load(older, focus) {
    if (focus) this._focus = true;
    if (this._busy || (older && this._next == null)) return;
    const gen = this._gen;
    this._busy = true;
    this._feed.setAttribute('aria-busy', 'true');
    if (!older) this._showState('loading');
    try {
      const page = await this._get(timelineUrl(this.root, this._f, older ? this._next : null));
      if (gen !== this._gen) return;
      this._next = page.next;
      this.posts = appendOlder(this.posts, page.items.filter((p) => this._shows(p)));
      this._pending = unseen(this._pending, this.posts);
      this._announce();
      this._showState(this.posts.length ? null : 'empty');
      this._sync(this._focus);
      if (this._next != null) {
        // Observing anew reports whether the button is still in view, so loading goes on while it is.
        this._io.unobserve(this._older);
        this._io.observe(this._older);
      }
    } catch (e) {
      if (gen !== this._gen) return;
      warn('load failed:', e);
      this._showState('error', older);
    } finally {
      if (gen === this._gen) {
        this._busy = this._focus = false;
        this._feed.setAttribute('aria-busy', 'false');
        this._footer();
      }
    }
  }

  _showState(kind, older) {
    const t = this._t;
    const s = this._state;
    this._kind = kind;
    s.replaceChildren();
    if (kind === 'loading') {
      s.append(h('p', { class: 'sr' }, t('loading')));
      for (let i = 0; i < 3; i++) s.append(h('div', { class: 'sk' }));
    }
    if (kind === 'empty') s.append(h('p', null, t('empty')));
    if (kind === 'error') {
      s.append(
        h('p', { role: 'alert' }, t('error')),
        this.root && h('button', { part: 'button retry', onclick: () => this._retryLoad(older) },
          t('retry')),
        // Without posts, the page's own fallback content (a link to the feed, say) shows again.
        !this.posts.length && h('p', null, h('slot')));
    }
  }

  _retryLoad(older) {
    this._feed.focus();
    this._load(older, true);
  }

  // Puts an <article> in the feed for every post in this.posts that has none yet, in order.
  _sync(focus) {
    let ref = null;
    let first = null;
    const added = [];
    for (let i = this.posts.length - 1; i >= 0; i--) {
      const p = this.posts[i];
      let el = this._el.get(p.id);
      if (!el) {
        el = this._make(p);
        if (!el) continue;
        this._feed.insertBefore(el, ref);
        added.push(el);
        first = el;
      }
      ref = el;
    }
    this._footer();
    this._fit(added);
    if (focus && first) first.focus();
  }

  _make(p) {
    try {
      const el = article(p, {
        t: this._t,
        lang: this.language,
        now: Date.now(),
        root: this.root,
        filter: (kind, v) => this.filter(kind, v),
      });
      this._member?.decorate(el, p);
      this._el.set(p.id, el);
      return el;
    } catch (e) {
      warn('could not show post', p && p.id, e);
    }
  }

  // Adds "show more" to posts cut short by max-lines.
  _fit(els) {
    if (!this._feed.classList.contains('clamp')) return;
    requestAnimationFrame(() => {
      for (const el of els) {
        const text = el.querySelector('[part=text]');
        if (!text || text.scrollHeight <= text.clientHeight + 1 || text.nextSibling?.tagName === 'BUTTON') continue;
        const more = h('button', {
          part: 'more', class: 'l', 'aria-expanded': 'false',
          onclick: () => {
            const open = el.classList.toggle('open');
            more.setAttribute('aria-expanded', open);
            more.textContent = this._t(open ? 'less' : 'more');
          },
        }, this._t('more'));
        text.after(more);
      }
    });
  }

  // After the list changed: positions in the feed, "load older" or the end, and the next auto-load.
  _footer() {
    const more = this._next != null;
    const n = this.posts.length;
    let i = 0;
    for (const el of this._feed.children) {
      el.setAttribute('aria-posinset', ++i);
      el.setAttribute('aria-setsize', more ? -1 : n);
    }
    this._older.hidden = !more || !n;
    this._end.hidden = more || !n;
    if (!more) this._io.disconnect();
  }

  _announce() {
    const n = this._pending.length;
    const text = this._t('newPosts', { n });
    this._new.hidden = !n;
    this._new.textContent = text;
    if (n && this._said.textContent !== text) this._said.textContent = text;
  }

  _showNew(focus) {
    if (this._gap) {
      // The stream was lost so long that the newest page does not reach what is shown: start over.
      this._next = this._gap.next;
      this.posts = [];
      this._el.clear();
      this._feed.replaceChildren();
      this._gap = null;
    }
    const fresh = this._pending;
    this._pending = [];
    this.posts = showPending(this.posts, fresh, this._next == null);
    this._announce();
    this._sync();
    this._showState(this.posts.length ? null : 'empty');
    const first = this.posts.find((p) => fresh.includes(p));
    if (focus && first) this._el.get(first.id)?.focus();
  }

  // The live stream. The browser reconnects by itself, sending Last-Event-ID so nothing is missed;
  // only when it gives up (the stream closed) does the widget start a new one and catch up.
  _live() {
    this._es?.close();
    this._es = null;
    clearTimeout(this._retry);
    if (!this.root || this.getAttribute('live') === 'off' || !window.EventSource) return;
    const es = (this._es = new EventSource(streamUrl(this.root, this._f)));
    const on = (type, fn) =>
      es.addEventListener(type, (e) => {
        try {
          fn(JSON.parse(e.data));
        } catch (x) {
          warn('could not apply', type, x);
        }
      });
    on('post.created', (p) => this._created(p));
    on('post.updated', (p) => this.edited(p));
    on('post.deleted', (d) => this.removed(d.id));
    es.onopen = () => {
      if (this._lost && Date.now() - this._lost > LONG) this._catchUp();
      this._lost = 0;
      this._wait = 0;
    };
    es.onerror = () => {
      if (!this._lost) this._lost = Date.now();
      if (es.readyState === 2) {
        this._wait = Math.min((this._wait || 1e3) * 2, LONG);
        warn(`stream closed; retry in ${this._wait / 1e3} s`);
        this._retry = setTimeout(() => {
          this._live();
          this._lost = 0;
          this._catchUp();
        }, this._wait);
      }
    };
  }

  _created(p) {
    if (!this._shows(p)) return;
    if (this._el.has(p.id)) return this.edited(p);
    this._pending = addPending(this.posts, this._pending, p);
    this._announce();
  }

  /** Shows a post in place of the one with its id, keeping the reader's focus where it was. */
  edited(p) {
    this._pending = update(this._pending, p);
    const old = this._el.get(p.id);
    if (!old) return;
    this.posts = update(this.posts, p);
    const active = this.shadowRoot.activeElement;
    const part = old.contains(active) && active.getAttribute('part');
    const el = this._make(this.posts.find((q) => q.id === p.id));
    if (!el) return;
    old.replaceWith(el);
    this._footer();
    this._fit([el]);
    if (part) (el.querySelector(`[part="${part}"]`) || el).focus();
  }

  /** Takes a post away, handing the reader's focus to its neighbour if it was inside. */
  removed(id) {
    this._pending = remove(this._pending, id);
    this._announce();
    const el = this._el.get(id);
    if (!el) return;
    if (el.contains(this.shadowRoot.activeElement)) {
      (el.nextElementSibling || el.previousElementSibling || this._feed).focus();
    }
    el.remove();
    this._el.delete(id);
    this.posts = remove(this.posts, id);
    this._footer();
    if (!this.posts.length) this._showState('empty');
  }

  /** Shows the member's own new post at once, with any waiting posts, leaving focus where it is. */
  own(p) {
    if (!this._shows(p)) return;
    this._pending = addPending(this.posts, this._pending, p);
    this._showNew(false);
  }

  // After a long gap: fetch the newest page and offer what is new, applying edits and deletions.
  async _catchUp() {
    const gen = this._gen;
    try {
      const page = await this._get(timelineUrl(this.root, this._f, null));
      if (gen !== this._gen) return;
      const r = reconcile(this.posts, page.items.filter((p) => this._shows(p)));
      if (r.gap) {
        this._gap = page;
        this._pending = r.fresh;
      } else {
        const json = (p) => JSON.stringify(p);
        for (const p of this.posts) if (!r.posts.some((q) => q.id === p.id)) this.removed(p.id);
        for (const p of r.posts) if (json(p) !== json(this.posts.find((q) => q.id === p.id))) this.edited(p);
        for (const p of r.fresh.reverse()) this._pending = addPending(this.posts, this._pending, p);
      }
      this._announce();
    } catch (e) {
      if (gen === this._gen) warn('catch-up failed:', e);
    }
  }

  _offline() {
    const off = !navigator.onLine;
    if (off && !this._lost) this._lost = Date.now();
    this._notice.hidden = !off;
    this._notice.textContent = off ? this._t('offline') : '';
  }

  _times() {
    for (const el of this._feed.querySelectorAll('time')) {
      el.textContent = relativeTime(el.dateTime, Date.now(), this.language);
    }
  }

  // Page Down / Page Up move between articles, as the ARIA feed pattern suggests (not while typing).
  _key(e) {
    const a = e.target.tagName !== 'TEXTAREA' && e.target.closest('article');
    const to = a && { PageDown: a.nextElementSibling, PageUp: a.previousElementSibling }[e.key];
    if (to) {
      e.preventDefault();
      to.focus();
    }
  }

  /**
   * Shows only the posts of one member (`kind` "member") or tag ("tag") until the reader activates
   * "Show all posts". Mentions and tags in posts call it, and so does <chorus-members>.
   */
  filter(kind, value) {
    if (!this._orig) this._orig = FILTERS.map((n) => [n, this.getAttribute(n)]);
    for (const n of FILTERS) this.removeAttribute(n);
    this.setAttribute(kind, value);
    queueMicrotask(() => this._filterText.focus());
  }

  _unfilter() {
    const orig = this._orig;
    this._orig = null;
    for (const [n, v] of orig) v == null ? this.removeAttribute(n) : this.setAttribute(n, v);
    this._feed.focus();
  }

  // Signed-in members on the hub's own site get compose, reply, appreciate, edit and delete: a
  // second file, fetched only for them. Nothing here runs for readers on other sites.
  async _compose(forget) {
    const gen = ++this._composeGen;
    this._member?.destroy();
    this._member = null;
    if (forget) this._session = null;
    const root = this.root;
    if (!this.isConnected || !root || this.getAttribute('compose') === 'off' || !sameOrigin(root)) return;
    try {
      if (!this._session) this._session = fetch(root + '/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : {}));
      const session = await this._session;
      if (!session.member) return;
      const { attach } = await import(new URL('widget-compose.js', SCRIPT || root + '/').href);
      if (gen !== this._composeGen) return;
      this._member = attach(this, session);
      for (const p of this.posts) this._member.decorate(this._el.get(p.id), p);
    } catch (e) {
      this._session = null;
      warn('no compose:', e);
    }
  }
}
