// The hub admin's console inside <chorus-admin>: invitations, join requests, reports, hidden posts,
// members and the audit log. Built as widget-admin.js, which widget.js imports only when a page has a
// <chorus-admin>. It works on the hub's own site for a signed-in admin: every write carries the
// session's CSRF token, refusals show the hub's problem `detail`, and destructive acts ask first.

import { h } from './dom.js';
import { ADMIN } from './i18n-admin.js';
import { pageLanguage, translator } from './i18n.js';
import { mount, sameOrigin } from './api.js';
import { problemMessage } from './problem.js';
import { CSS, DANGER, adopt } from './style.js';
import { exactTime } from './time.js';

/** The console's sections, in tab order. */
export const TABS = ['invitations', 'requests', 'reports', 'hidden', 'members', 'audit'];
/** Audit entries per page. */
export const AUDIT_PAGE = 50;

const OWN_CSS = `${DANGER}
[part~=tabs]{display:flex;flex-wrap:wrap;gap:.25em;border-bottom:1px solid var(--_line);margin-bottom:var(--_s)}
[role=tab]{background:none;border:0;border-bottom:3px solid transparent;padding:.5em .8em}
[role=tab][aria-selected=true]{border-bottom-color:var(--_accent);font-weight:600}
h2{font-size:1.2em;margin:.5em 0}
[part~=items]{list-style:none;margin:0;padding:0}
[part~=item]{padding:.75em 0;border-bottom:1px solid var(--_line)}
.meta,[part~=badge]{color:var(--_muted);font-size:.875em}
[part~=badge]{border:1px solid var(--_line);border-radius:1em;padding:0 .5em}
[part~=actions],.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin-top:.4em}
[part~=actions] [part~=button],[part~=confirm] [part~=button]{padding:.15em .7em}
form{display:grid;gap:.5em;margin:.5em 0 var(--_s);justify-items:start}
.field{display:grid;gap:.2em;margin:0}
label{font-weight:600}
input,select{font:inherit;color:inherit;background:var(--_bg);border:1px solid var(--_line);border-radius:calc(var(--_r)/2);padding:.35em .5em;max-width:100%}
[part~=confirm]{padding:.6em .8em;border:1px solid var(--_danger);border-radius:var(--_r)}
[part~=problem]{color:var(--_danger)}
[part~=problem]:empty,[part~=status]:empty{display:none}
[part~=post]{margin:.4em 0;padding:.2em .8em;border-inline-start:3px solid var(--_line)}
[part~=post-text]{white-space:pre-wrap;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;padding:.35em .5em;border-bottom:1px solid var(--_line);vertical-align:top;overflow-wrap:anywhere}
code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}`;

const enc = encodeURIComponent;
let seq = 0;

/**
 * Fills `host` (a <chorus-admin>, reading its `src`, `lang` and `join` attributes) with the console.
 * Returns `{ready, destroy()}`; `ready` settles once the console shows (or says why it cannot).
 */
export function attach(host) {
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  adopt(shadow, CSS);
  adopt(shadow, OWN_CSS);
  const lang = pageLanguage(host);
  const t = translator(ADMIN, lang);
  const src = host.getAttribute('src');
  const join = host.getAttribute('join');
  let root = null;
  try {
    root = src && mount(src, document.baseURI);
  } catch {
    // no usable src: the console says it needs the hub's own site
  }
  let csrf = '';
  let current = TABS[0];
  let gen = 0;

  const said = h('p', { part: 'status', role: 'status' });
  const problem = h('p', { part: 'problem', role: 'alert' });
  const panel = h('div', { part: 'panel', role: 'tabpanel', id: 'panel', tabindex: 0 });
  const tabs = TABS.map((name) => h('button', {
    part: 'tab', role: 'tab', id: 'tab-' + name, 'aria-controls': 'panel', 'aria-selected': 'false', tabindex: -1,
    onclick: () => select(name),
  }, t(name)));
  const tablist = h('div', { part: 'tabs', role: 'tablist', 'aria-label': t('console'), onkeydown: key }, tabs);
  const box = h('div', { part: 'console' }, h('p', { role: 'status' }, t('loading')));
  shadow.append(box);

  const say = (text) => {
    problem.textContent = '';
    said.textContent = text;
  };
  const fail = (e) => {
    said.textContent = '';
    problem.textContent = e.message;
  };

  /** One request to the hub's API; rejects with the message for the admin (the problem's detail). */
  async function api(method, path, body) {
    const headers = { accept: 'application/json' };
    if (method !== 'GET') headers['x-chorus-csrf'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let r;
    try {
      r = await fetch(root + '/api' + path, {
        method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw Error(t('network'));
    }
    const json = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok) {
      throw Object.assign(Error(problemMessage(r.status, json, r.headers.get('retry-after'), t)), { status: r.status });
    }
    return json;
  }

  // Runs an admin act, then shows the section afresh with `done` said; a refusal shows the hub's
  // reason (and a thing already gone refreshes the list too). Resolves to whether it worked.
  async function act(run, done) {
    try {
      await run();
    } catch (e) {
      if (e.status === 404 || e.status === 410) await show();
      fail(e);
      return false;
    }
    await show();
    say(done);
    panel.focus();
    return true;
  }

  const button = (part, label, onclick) => h('button', { type: 'button', part: 'button ' + part, onclick }, label);
  const actions = (buttons) => h('div', { part: 'actions' }, buttons);
  const time = (iso) => iso && h('time', { datetime: iso }, exactTime(iso, lang));
  const who = (m) => (m ? (m.name ? `${m.name} (@${m.handle})` : '@' + m.handle) : t('hub'));
  const orgName = (o) => o && ' · ' + (o.name || o.slug);
  const badge = (status) => {
    const key = 'status-' + status;
    const text = t(key);
    return h('span', { part: 'badge' }, text === key ? String(status) : text);
  };
  const list = (items, render) =>
    (items.length ? h('ul', { part: 'items' }, items.map((x) => h('li', { part: 'item' }, render(x)))) : h('p', null, t('none')));
  const post = (p) => h('blockquote', { part: 'post' },
    h('p', { class: 'meta' }, who(p.author), ' · ', time(p.publishedAt)),
    h('p', { part: 'post-text' }, p.text));

  // A labelled form control; returns [control, its labelled row].
  function field(key, tag, attrs, ...kids) {
    const id = 'f' + ++seq;
    const control = h(tag, { id, ...attrs }, ...kids);
    return [control, h('p', { class: 'field' }, h('label', { for: id }, t(key)), control)];
  }

  /**
   * A button for a destructive act, which first asks: the question, a reason (required when
   * `needsReason`) and Confirm / Cancel. `run(reason)` does it; `done` is said afterwards.
   */
  function destructive(part, label, question, needsReason, run, done) {
    const opener = button(part, label, () => {
      const row = opener.parentNode;
      const [reason, reasonRow] = field(needsReason ? 'reason' : 'reasonOptional', 'input',
        { part: 'reason', maxlength: 500, required: needsReason });
      const close = () => {
        form.remove();
        row.hidden = false;
        opener.focus();
      };
      const form = h('form', {
        part: 'confirm',
        onsubmit: (e) => {
          e.preventDefault();
          const text = reason.value.trim();
          if (needsReason && !text) return reason.focus();
          act(() => run(text), done);
        },
      }, h('p', null, question), reasonRow,
      h('div', { class: 'row' }, h('button', { type: 'submit', part: 'button confirm' }, t('confirm')),
        button('cancel', t('cancel'), close)));
      row.hidden = true;
      row.after(form);
      reason.focus();
    });
    return opener;
  }

  const optionalReason = (reason) => (reason ? { reason } : {});

  const SECTIONS = {
    async invitations() {
      const [invitations, orgs] = await Promise.all([
        api('GET', '/admin/invitations'),
        api('GET', '/admin/organisations').catch(() => ({ items: [] })),
      ]);
      const [uses, usesRow] = field('uses', 'input', { type: 'number', min: 1, max: 1000, value: 1, required: true });
      const [days, daysRow] = field('expires', 'input', { type: 'number', min: 1, max: 90, value: 14, required: true });
      const [org, orgRow] = field('organisation', 'select', null, h('option', { value: '' }, t('noOrganisation')),
        orgs.items.map((o) => h('option', { value: o.slug }, o.name || o.slug)));
      const [note, noteRow] = field('note', 'input', { maxlength: 200 });
      const form = h('form', {
        part: 'invite',
        onsubmit: (e) => {
          e.preventDefault();
          const body = { uses: Number(uses.value), expiresInDays: Number(days.value) };
          if (org.value) body.organisation = org.value;
          if (note.value.trim()) body.note = note.value.trim();
          act(() => api('POST', '/admin/invitations', body), t('created'));
        },
      }, usesRow, daysRow, orgRow, noteRow, h('button', { type: 'submit', part: 'button create' }, t('create')));
      return [form, list(invitations.items, (i) => {
        const link = join && inviteLink(i.code);
        return [
          h('p', null, h('code', { part: 'code' }, i.code), ' ', badge(i.status)),
          h('p', { class: 'meta' }, t('used', { used: i.used, n: i.uses }), ' · ',
            t('until', { time: exactTime(i.expiresAt, lang) }), orgName(i.organisation),
            i.createdBy && ' · ' + t('createdBy', { handle: i.createdBy })),
          i.note && h('p', null, i.note),
          actions([
            button('copy-code', t('copyCode'), () => copy(i.code)),
            link && button('copy-link', t('copyLink'), () => copy(link)),
            i.status === 'open' && destructive('revoke', t('revoke'), t('confirmRevoke'), false,
              () => api('DELETE', '/admin/invitations/' + enc(i.id)), t('revoked')),
          ]),
        ];
      })];
    },

    async requests() {
      const { items } = await api('GET', '/admin/join-requests?status=pending');
      return [list(items, (r) => [
        h('p', null, h('strong', null, r.name), ' @' + r.handle, orgName(r.organisation)),
        r.message && h('p', null, r.message),
        h('p', { class: 'meta' }, time(r.createdAt)),
        actions([
          button('approve', t('approve'), () =>
            act(() => api('POST', `/admin/join-requests/${enc(r.id)}/approve`), t('approved', { handle: r.handle }))),
          destructive('decline', t('decline'), t('confirmDecline', { handle: r.handle }), false,
            (reason) => api('POST', `/admin/join-requests/${enc(r.id)}/decline`, optionalReason(reason)), t('declined')),
        ]),
      ])];
    },

    async reports() {
      const { items } = await api('GET', '/admin/reports?status=open');
      return [list(items, (r) => [
        r.post && post(r.post),
        h('p', null, t('reportedBy', { name: who(r.reporter) }), ' ', h('q', null, r.reason)),
        h('p', { class: 'meta' }, time(r.createdAt)),
        actions([
          destructive('dismiss', t('dismiss'), t('confirmDismiss'), false,
            (reason) => api('POST', `/admin/reports/${enc(r.id)}/dismiss`, optionalReason(reason)), t('dismissed')),
          r.post && destructive('hide', t('hide'), t('confirmHide'), true,
            (reason) => api('POST', `/admin/posts/${enc(r.post.id)}/hide`, { reason }), t('hiddenDone')),
        ]),
      ])];
    },

    async hidden() {
      const { items } = await api('GET', '/admin/posts?hidden=true');
      return [list(items, (p) => [
        post(p),
        p.hidden && h('p', null, t('hiddenBy', { handle: p.hidden.by, time: exactTime(p.hidden.at, lang) }), ' ',
          h('q', null, p.hidden.reason)),
        actions([button('unhide', t('unhide'), () =>
          act(() => api('POST', `/admin/posts/${enc(p.id)}/unhide`), t('unhidden')))]),
      ])];
    },

    async members() {
      const { items } = await api('GET', '/admin/members?status=all');
      return [list(items, (m) => {
        const handle = m.handle;
        const path = `/admin/members/${enc(handle)}/`;
        return [
          h('p', null, h('strong', null, m.name), ' @' + handle, orgName(m.organisation), ' ', badge(m.status),
            m.role === 'admin' && ' ', m.role === 'admin' && h('span', { part: 'badge' }, t('admin'))),
          actions([m.status === 'suspended'
            ? destructive('reinstate', t('reinstate'), t('confirmReinstate', { handle }), false,
              (reason) => api('POST', path + 'reinstate', optionalReason(reason)), t('reinstated', { handle }))
            : destructive('suspend', t('suspend'), t('confirmSuspend', { handle }), false,
              (reason) => api('POST', path + 'suspend', optionalReason(reason)), t('suspended', { handle }))]),
        ];
      })];
    },

    async audit() {
      const rows = h('tbody');
      let next = null;
      const page = async () => {
        const q = new URLSearchParams({ limit: AUDIT_PAGE });
        if (next != null) q.set('before', next);
        const r = await api('GET', '/admin/audit?' + q);
        rows.append(...r.items.map((e) => h('tr', null, h('td', null, time(e.at)), h('td', null, who(e.actor)),
          h('td', null, e.action), h('td', null, e.target), h('td', null, e.reason || ''))));
        next = r.next;
        older.hidden = next == null;
      };
      const older = button('older', t('older'), () => page().catch(fail));
      await page();
      return [h('table', { part: 'audit' },
        h('thead', null, h('tr', null, ['when', 'actor', 'action', 'target', 'reason'].map((k) => h('th', { scope: 'col' }, t(k))))),
        rows), older];
    },
  };

  function inviteLink(code) {
    try {
      const u = new URL(join, document.baseURI);
      u.searchParams.set('code', code);
      return u.href;
    } catch {
      return null;
    }
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      say(t('copied'));
    } catch {
      fail(Error(t('copyFailed')));
    }
  }

  /** Shows the current section afresh. */
  async function show() {
    const g = ++gen;
    panel.setAttribute('aria-busy', 'true');
    const heading = h('h2', null, t(current));
    try {
      const content = await SECTIONS[current]();
      if (g === gen) panel.replaceChildren(heading, ...content);
    } catch (e) {
      if (g !== gen) return;
      panel.replaceChildren(heading);
      fail(e);
    } finally {
      if (g === gen) panel.setAttribute('aria-busy', 'false');
    }
  }

  function select(name, focus) {
    current = name;
    say('');
    for (const tab of tabs) {
      const on = tab.getAttribute('id') === 'tab-' + name;
      tab.setAttribute('aria-selected', on);
      tab.setAttribute('tabindex', on ? 0 : -1);
      if (on && focus) tab.focus();
    }
    panel.setAttribute('aria-labelledby', 'tab-' + name);
    return show();
  }

  // Arrow keys, Home and End move between tabs, as the ARIA tabs pattern has it.
  function key(e) {
    const i = TABS.indexOf(current);
    const n = TABS.length;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (to == null) return;
    e.preventDefault();
    select(TABS[to % n], true);
  }

  async function start() {
    let session = {};
    if (root && sameOrigin(root)) {
      try {
        const r = await fetch(root + '/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (r.ok) session = await r.json();
      } catch {
        // the hub cannot be reached: as good as signed out
      }
    }
    if (!session.member || session.member.role !== 'admin') {
      box.replaceChildren(h('p', { role: 'alert' }, t(root && sameOrigin(root) ? 'notAdmin' : 'noSession')));
      return;
    }
    csrf = session.csrf || '';
    box.replaceChildren(tablist, said, problem, panel);
    await select(TABS.includes(host.getAttribute('tab')) ? host.getAttribute('tab') : TABS[0]);
  }

  return {
    ready: start(),
    destroy() {
      gen++;
      box.remove();
    },
  };
}
