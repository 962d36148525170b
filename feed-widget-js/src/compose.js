// What a signed-in member gets on the hub's own site: a compose box, and on each post reply and
// appreciate (and edit and delete on their own). Built as widget-compose.js, a file of its own that
// widget.js imports only once GET /api/session names a member, so readers never download it.

import { h } from './dom.js';
import { MEMBER, translator } from './i18n.js';
import { countText } from './count.js';
import { problemMessage } from './problem.js';
import { DANGER, adopt } from './style.js';

const CSS = `${DANGER}
[part~=compose-box]{padding-bottom:var(--_s);border-bottom:1px solid var(--_line)}
form{display:grid;gap:.4em;margin:.5em 0}
label{font-weight:600}
textarea{font:inherit;color:inherit;background:var(--_bg);border:1px solid var(--_line);border-radius:var(--_r);padding:.5em;width:100%;min-height:4.5em;resize:vertical}
textarea[aria-invalid=true]{border-color:var(--_danger)}
.row,[part~=actions]{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
[part~=compose-count]{margin-inline-end:auto;color:var(--_muted);font-size:.875em}
.over{color:var(--_danger)}
[part~=actions]{margin-top:.4em}
[part~=actions] [part~=button]{padding:.15em .7em}
[aria-pressed=true]{background:var(--_accent);color:var(--_on-accent);border-color:var(--_accent)}
button:disabled{opacity:.55;cursor:default}
[part~=compose-status]:empty,[part~=status]:empty{display:none}
[part~=compose-status].bad,[part~=status]{color:var(--_danger)}`;

let seq = 0;

/**
 * Adds the member's controls to `feed` (a <chorus-feed>) for `session`, the hub's answer to
 * GET /api/session: {member: {handle, ...}, csrf, maxLength?, urlLength?}. Returns {decorate(article, post),
 * destroy()}; the feed calls decorate for every <article> it shows.
 */
export function attach(feed, session) {
  const t = translator(MEMBER, feed.language);
  const me = session.member.handle;
  const max = session.maxLength > 0 ? session.maxLength : 500;
  const linkLength = session.urlLength > 0 ? session.urlLength : undefined;
  const open = new Map(); // editors in use, by kind and post id, kept when their article is redrawn
  const root = feed.shadowRoot;
  const say = (text) => (status.textContent = text);
  adopt(root, CSS);

  async function send(method, path, body) {
    let r;
    try {
      r = await fetch(feed.root + '/api/posts' + path, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-chorus-csrf': session.csrf || '' },
        body: body && JSON.stringify(body),
      });
    } catch {
      throw Error(t('network'));
    }
    const json = await r.json().catch(() => null);
    if (!r.ok) throw Error(problemMessage(r.status, json, r.headers.get('retry-after'), t));
    return json;
  }

  const button = (part, label, onclick, attrs) =>
    h('button', { type: 'button', part: 'button ' + part, onclick, ...attrs }, label);

  // A labelled text box with a live count by the server's rules, a submit button and a message line.
  function editor(label, text, submitLabel, submit, cancel) {
    const id = 'chorus-c' + ++seq;
    const area = h('textarea', { id, part: 'compose-input', rows: 3, 'aria-describedby': id + 'n' });
    const count = h('span', { id: id + 'n', part: 'compose-count' });
    const note = h('p', { part: 'compose-status', role: 'status' });
    const go = h('button', { type: 'submit', part: 'button compose-submit' }, submitLabel);
    const recount = () => {
      const n = countText(area.value, linkLength);
      const over = n > max;
      count.textContent = over ? t('over', { n: n - max }) : t('count', { n, max });
      count.classList.toggle('over', over);
      area.setAttribute('aria-invalid', over);
      go.disabled = !n || over;
    };
    const form = h('form', {
      part: 'compose',
      onsubmit: async (e) => {
        e.preventDefault();
        if (go.disabled) return;
        go.disabled = true;
        note.className = '';
        note.textContent = t('sending');
        try {
          await submit(area.value);
          note.textContent = '';
        } catch (x) {
          note.className = 'bad';
          note.textContent = x.message;
        }
        recount();
      },
    },
    h('label', { for: id }, label),
    area,
    h('div', { class: 'row' }, count, cancel && button('compose-cancel', t('cancel'), cancel), go),
    note);
    area.value = text;
    area.addEventListener('input', recount);
    area.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
      if (e.key === 'Escape' && cancel) cancel();
    });
    recount();
    return { form, area, clear: () => ((area.value = ''), recount()) };
  }

  const status = h('p', { part: 'compose-status', role: 'status' });
  const box = editor(t('compose'), '', t('post'), async (text) => {
    feed.own(await send('POST', '', { text }));
    box.clear();
    say(t('posted'));
  });
  const section = h('section', { part: 'compose-box', 'aria-label': t('compose') }, box.form, status);
  feed.top.append(section);

  // Puts an open editor into (a redrawn) article: a reply below it, an edit in place of the text.
  function place(el, kind, form) {
    const text = el.querySelector('[part=text]');
    if (kind === 'edit') {
      text.hidden = true;
      text.after(form);
    } else el.append(form);
  }

  // Opens a reply or edit box in article `el`; `submit` may return what to do once it has closed.
  function openEditor(el, kind, p, label, text, submitLabel, submit) {
    const key = kind + p.id;
    if (open.has(key)) return open.get(key).area.focus();
    const close = () => {
      const el = ed.form.closest('article');
      open.delete(key);
      ed.form.remove();
      if (el) {
        el.querySelector('[part=text]').hidden = false;
        el.querySelector(`[part="button ${kind}"]`)?.focus();
      }
    };
    const ed = editor(label, text, submitLabel, async (value) => {
      const then = await submit(value);
      close();
      then?.();
    }, close);
    open.set(key, ed);
    place(el, kind, ed.form);
    ed.area.focus();
  }

  function decorate(el, p) {
    if (!el || !p) return;
    const a = p.author || {};
    const mine = a.handle === me;
    const note = h('p', { part: 'status', role: 'status' });
    const fail = (x) => (note.textContent = x.message);
    const actions = h('div', { part: 'actions' });
    if (!mine) {
      actions.append(button('appreciate', t('appreciate'), async () => {
        const on = !p.appreciatedByMe;
        try {
          const q = await send(on ? 'POST' : 'DELETE', `/${encodeURIComponent(p.id)}/appreciation`);
          feed.edited({
            ...p,
            ...(q && q.id === p.id ? q : null),
            appreciatedByMe: q?.appreciatedByMe ?? on,
            appreciations: q?.appreciations ?? Math.max(0, (p.appreciations || 0) + (on ? 1 : -1)),
          });
        } catch (x) {
          fail(x);
        }
      }, { 'aria-pressed': String(!!p.appreciatedByMe) }));
    }
    actions.append(button('reply', t('reply'), () =>
      openEditor(el, 'reply', p, t('replyLabel', { name: a.name || '@' + a.handle }),
        a.handle && !mine ? `@${a.handle} ` : '', t('reply'), async (text) => {
          const q = await send('POST', '', { text, inReplyTo: p.id });
          say(t('replied'));
          return () => feed.own(q);
        })));
    if (mine) {
      actions.append(button('edit', t('edit'), () =>
        openEditor(el, 'edit', p, t('editLabel'), p.text, t('save'), async (text) => {
          const q = await send('PATCH', '/' + encodeURIComponent(p.id), { text });
          say(t('saved'));
          return () => feed.edited(q);
        })));
      const del = button('delete', t('delete'), () => {
        const ask = h('span', { part: 'confirm' }, t('confirmDelete'), ' ',
          button('confirm-delete', t('delete'), async () => {
            try {
              await send('DELETE', '/' + encodeURIComponent(p.id));
              feed.removed(p.id);
              say(t('deleted'));
            } catch (x) {
              fail(x);
            }
          }), ' ',
          button('cancel-delete', t('cancel'), () => {
            ask.remove();
            del.hidden = false;
            del.focus();
          }));
        del.hidden = true;
        del.after(ask);
        ask.querySelector('button').focus();
      });
      actions.append(del);
    }
    const footer = el.querySelector('footer');
    footer.append(actions, note);
    for (const kind of ['reply', 'edit']) {
      const ed = open.get(kind + p.id);
      if (ed) place(el, kind, ed.form);
    }
  }

  return {
    decorate,
    destroy() {
      section.remove();
      for (const ed of open.values()) ed.form.remove();
      open.clear();
      for (const n of root.querySelectorAll('[part=actions],[part=status]')) n.remove();
      for (const n of root.querySelectorAll('[part=text][hidden]')) n.hidden = false;
    },
  };
}
