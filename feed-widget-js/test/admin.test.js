import { test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { HTMLElement, all, install, parts } from '../test-support/fake-dom.js';

let attach, TABS, AUDIT_PAGE;
before(async () => {
  install({ base: 'https://hub.example/admin.html' });
  ({ attach, TABS, AUDIT_PAGE } = await import('../src/admin.js'));
});

const ROOT = 'https://hub.example/chorus';
const CSRF = 'csrf-token-of-the-session';
const ADMIN = { handle: 'hannah', name: 'Hannah Petersen', role: 'admin', status: 'active' };
const EVIL = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const post = (id, text, fields) => ({
  id, text, publishedAt: '2026-11-30T11:00:00.000Z', author: { handle: 'bo', name: 'Bo Lind' }, hidden: null, ...fields,
});

// The hub as the console sees it: answers by "METHOD path", records every request.
let calls;
let routes;
function hub(overrides = {}) {
  calls = [];
  routes = {
    'GET /api/session': [200, { member: ADMIN, csrf: CSRF }],
    'GET /api/admin/invitations': [200, { items: [
      { id: '11', code: 'Abc123_-xyz', organisation: { slug: 'werkhaus', name: 'Werkhaus' }, uses: 3, used: 1,
        expiresAt: '2026-12-14T12:00:00.000Z', createdAt: '2026-11-30T12:00:00.000Z', createdBy: 'hannah', note: EVIL, status: 'open' },
      { id: '10', code: 'Old999', organisation: null, uses: 1, used: 1, expiresAt: '2026-12-01T12:00:00.000Z',
        createdAt: '2026-11-01T12:00:00.000Z', createdBy: 'hannah', note: '', status: 'used-up' },
    ] }],
    'GET /api/admin/organisations': [200, { items: [{ slug: 'werkhaus', name: 'Werkhaus' }] }],
    'POST /api/admin/invitations': [201, { id: '12', code: 'New', status: 'open' }],
    'DELETE /api/admin/invitations/11': [204, null],
    'GET /api/admin/join-requests?status=pending': [200, { items: [
      { id: '5', handle: 'neu', name: EVIL, organisation: null, message: 'Let me in', status: 'pending', createdAt: '2026-11-30T10:00:00.000Z' },
    ] }],
    'POST /api/admin/join-requests/5/approve': [200, { request: {}, member: {} }],
    'POST /api/admin/join-requests/5/decline': [200, {}],
    'GET /api/admin/reports?status=open': [200, { items: [
      { id: '3', post: post('77', EVIL), reporter: { handle: 'ada', name: 'Ada' }, reason: 'Spam', status: 'open', createdAt: '2026-11-30T11:30:00.000Z' },
    ] }],
    'POST /api/admin/reports/3/dismiss': [200, {}],
    'POST /api/admin/posts/77/hide': [200, {}],
    'GET /api/admin/posts?hidden=true': [200, { items: [
      post('78', 'Hidden text', { hidden: { reason: 'Off topic', at: '2026-11-30T11:40:00.000Z', by: 'hannah' } }),
    ] }],
    'POST /api/admin/posts/78/unhide': [200, {}],
    'GET /api/admin/members?status=all': [200, { items: [
      { handle: 'bo', name: 'Bo Lind', organisation: null, role: 'member', status: 'active' },
      { handle: 'zed', name: 'Zed', organisation: null, role: 'member', status: 'suspended' },
    ] }],
    'POST /api/admin/members/bo/suspend': [200, {}],
    'POST /api/admin/members/zed/reinstate': [200, {}],
    [`GET /api/admin/audit?limit=${AUDIT_PAGE}`]: [200, { items: [
      { id: '2', at: '2026-11-30T12:00:00.000Z', actor: { handle: 'hannah', name: 'Hannah' }, action: 'post.hidden', target: 'post:77', reason: EVIL },
    ], next: 'c2' }],
    [`GET /api/admin/audit?limit=${AUDIT_PAGE}&before=c2`]: [200, { items: [
      { id: '1', at: '2026-11-29T12:00:00.000Z', actor: null, action: 'member.admitted', target: '@bo', reason: null },
    ], next: null }],
    ...overrides,
  };
  globalThis.fetch = async (url, init = {}) => {
    const method = init.method || 'GET';
    const path = url.slice(ROOT.length);
    calls.push({ method, path, headers: init.headers || {}, body: init.body && JSON.parse(init.body), credentials: init.credentials });
    const route = routes[`${method} ${path}`];
    if (route instanceof Error) throw route;
    const [status, body, headers = {}] = route || [404, { type: 'x', title: 'Not Found', status: 404 }];
    return { ok: status < 300, status, json: async () => body, headers: { get: (n) => headers[n] ?? null } };
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((done) => setImmediate(done));
};

async function console_(attrs = {}) {
  const host = new HTMLElement();
  for (const [k, v] of Object.entries({ src: ROOT, lang: 'en', join: '/join.html', ...attrs })) host.setAttribute(k, v);
  const c = attach(host);
  await c.ready;
  await settle();
  return host.shadowRoot;
}

const buttons = (root, label) => all(root, (e) => e.tagName === 'BUTTON' && e.textContent === label);
const click = async (el) => {
  el.click();
  await settle();
};
const submit = async (form) => {
  const e = form.dispatch('submit');
  assert.ok(e.defaultPrevented, 'the form does not navigate');
  await settle();
};
const tab = (root, name) => all(root, (e) => e.getAttribute('id') === 'tab-' + name)[0];
const writes = () => calls.filter((c) => c.method !== 'GET');
const problem = (root) => parts(root, 'problem')[0].textContent;
const status = (root) => parts(root, 'status')[0].textContent;
const confirmForm = (root) => parts(root, 'confirm')[0];
const reasonOf = (form) => all(form, (e) => e.tagName === 'INPUT')[0];

beforeEach(() => hub());

test('someone who is not a hub admin is told to sign in as one, and nothing else loads', async () => {
  hub({ 'GET /api/session': [200, { member: { ...ADMIN, role: 'member' }, csrf: CSRF }] });
  const root = await console_();
  assert.equal(root.textContent, 'Sign in as a hub admin to use the admin console.');
  assert.deepEqual(all(root, (e) => e.getAttribute('role') === 'tab'), []);
  assert.deepEqual(calls.map((c) => c.path), ['/api/session']);
  assert.equal(calls[0].credentials, 'same-origin');
});

test('the console is tabs for its six sections, the first selected and shown', async () => {
  const root = await console_();
  const tabs = all(root, (e) => e.getAttribute('role') === 'tab');
  assert.deepEqual(tabs.map((b) => b.textContent), ['Invitations', 'Join requests', 'Reports', 'Hidden posts', 'Members', 'Audit log']);
  assert.deepEqual(tabs.map((b) => b.getAttribute('aria-selected')), ['true', 'false', 'false', 'false', 'false', 'false']);
  assert.deepEqual(tabs.map((b) => b.getAttribute('tabindex')), ['0', '-1', '-1', '-1', '-1', '-1']);
  const [panel] = parts(root, 'panel');
  assert.equal(panel.getAttribute('role'), 'tabpanel');
  assert.equal(panel.getAttribute('aria-labelledby'), 'tab-invitations');
  assert.equal(all(panel, (e) => e.tagName === 'H2')[0].textContent, 'Invitations');
  assert.equal(TABS.length, 6);
});

test('arrow keys, Home and End move between the tabs', async () => {
  const root = await console_();
  const list = parts(root, 'tabs')[0];
  const key = async (k) => {
    assert.ok(list.dispatch('keydown', { key: k }).defaultPrevented);
    await settle();
    return all(root, (e) => e.getAttribute('aria-selected') === 'true')[0].textContent;
  };
  assert.equal(await key('ArrowRight'), 'Join requests');
  assert.equal(await key('End'), 'Audit log');
  assert.equal(await key('ArrowRight'), 'Invitations');
  assert.equal(await key('ArrowLeft'), 'Audit log');
  assert.equal(await key('Home'), 'Invitations');
});

test('invitations list code, status, uses and note, the note as plain text', async () => {
  const root = await console_();
  const items = parts(root, 'item');
  assert.equal(items.length, 2);
  assert.deepEqual(parts(root, 'code').map((c) => c.textContent), ['Abc123_-xyz', 'Old999']);
  assert.deepEqual(parts(root, 'badge').map((c) => c.textContent), ['open', 'used up']);
  assert.ok(items[0].textContent.includes('used 1 of 3 times'));
  assert.ok(items[0].textContent.includes(EVIL));
  assert.deepEqual(all(root, (e) => ['IMG', 'SCRIPT'].includes(e.tagName)), []);
  assert.equal(buttons(items[1], 'Revoke').length, 0, 'only an open invitation can be revoked');
});

test('creating an invitation posts uses, days, organisation and note with the CSRF token', async () => {
  const root = await console_();
  const form = parts(root, 'invite')[0];
  const [uses, days, note] = all(form, (e) => e.tagName === 'INPUT');
  const [org] = all(form, (e) => e.tagName === 'SELECT');
  assert.deepEqual([uses.value, days.value], ['1', '14'], 'one use, two weeks unless changed');
  assert.deepEqual(all(org, (e) => e.tagName === 'OPTION').map((o) => o.textContent), ['None', 'Werkhaus']);
  uses.value = '5';
  days.value = '30';
  org.value = 'werkhaus';
  note.value = '  For the spring cohort ';
  await submit(form);
  assert.deepEqual(writes(), [{
    method: 'POST', path: '/api/admin/invitations', credentials: 'same-origin',
    headers: { accept: 'application/json', 'x-chorus-csrf': CSRF, 'content-type': 'application/json' },
    body: { uses: 5, expiresInDays: 30, organisation: 'werkhaus', note: 'For the spring cohort' },
  }]);
  assert.equal(status(root), 'Invitation created. Copy its code or link below.');
  assert.equal(calls.at(-2).path, '/api/admin/invitations', 'the list is read again');
});

test('an invitation without organisation or note sends neither', async () => {
  const root = await console_();
  await submit(parts(root, 'invite')[0]);
  assert.deepEqual(writes()[0].body, { uses: 1, expiresInDays: 14 });
});

test('revoking asks first; cancelling sends nothing, confirming sends DELETE with the CSRF token', async () => {
  const root = await console_();
  const item = parts(root, 'item')[0];
  await click(buttons(item, 'Revoke')[0]);
  const form = confirmForm(root);
  assert.ok(form.textContent.startsWith('Revoke this invitation?'));
  assert.equal(parts(item, 'actions')[0].hidden, true);
  await click(buttons(form, 'Cancel')[0]);
  assert.equal(confirmForm(root), undefined);
  assert.equal(parts(item, 'actions')[0].hidden, false);
  assert.deepEqual(writes(), []);

  await click(buttons(item, 'Revoke')[0]);
  await submit(confirmForm(root));
  assert.deepEqual(writes().map((c) => [c.method, c.path, c.headers['x-chorus-csrf']]), [['DELETE', '/api/admin/invitations/11', CSRF]]);
  assert.equal(status(root), 'Invitation revoked.');
});

test('copying a code or a link to the join page uses the clipboard and says so', async () => {
  const copied = [];
  navigator.clipboard = { writeText: async (text) => copied.push(text) };
  const root = await console_();
  await click(buttons(root, 'Copy code')[0]);
  await click(buttons(root, 'Copy link')[0]);
  assert.deepEqual(copied, ['Abc123_-xyz', 'https://hub.example/join.html?code=Abc123_-xyz']);
  assert.equal(status(root), 'Copied.');
  navigator.clipboard = { writeText: async () => { throw Error('denied'); } };
  await click(buttons(root, 'Copy code')[0]);
  assert.equal(problem(root), 'Copying did not work: select the text and copy it yourself.');
  delete navigator.clipboard;
});

test('without join there is no link to copy, only the code', async () => {
  const host = new HTMLElement();
  host.setAttribute('src', ROOT);
  await attach(host).ready;
  await settle();
  assert.equal(buttons(host.shadowRoot, 'Copy link').length, 0);
  assert.equal(buttons(host.shadowRoot, 'Copy code').length, 2);
});

test('a join request is approved, or declined with a reason after confirming', async () => {
  const root = await console_();
  await click(tab(root, 'requests'));
  const item = parts(root, 'item')[0];
  assert.ok(item.textContent.includes(EVIL) && item.textContent.includes('Let me in'));
  await click(buttons(item, 'Approve')[0]);
  assert.deepEqual(writes().map((c) => [c.method, c.path, c.headers['x-chorus-csrf'], c.body]),
    [['POST', '/api/admin/join-requests/5/approve', CSRF, undefined]]);
  assert.equal(status(root), '@neu is now a member.');

  await click(buttons(root, 'Decline')[0]);
  const form = confirmForm(root);
  assert.equal(form.children[0].textContent, 'Decline the request of @neu?');
  reasonOf(form).value = 'Not from the region';
  await submit(form);
  assert.deepEqual(writes()[1].body, { reason: 'Not from the region' });
  assert.equal(writes()[1].path, '/api/admin/join-requests/5/decline');
});

test('a report shows the post; hiding needs a reason, dismissing does not', async () => {
  const root = await console_();
  await click(tab(root, 'reports'));
  const item = parts(root, 'item')[0];
  assert.equal(parts(item, 'post-text')[0].textContent, EVIL);
  assert.deepEqual(all(root, (e) => ['IMG', 'SCRIPT'].includes(e.tagName)), []);
  assert.ok(item.textContent.includes('Reported by Ada (@ada): Spam'));

  await click(buttons(item, 'Hide post')[0]);
  const form = confirmForm(root);
  assert.equal(reasonOf(form).hasAttribute('required'), true);
  await submit(form);
  assert.deepEqual(writes(), [], 'no reason, no request');
  reasonOf(form).value = 'Spam link';
  await submit(form);
  assert.deepEqual(writes().map((c) => [c.method, c.path, c.headers['x-chorus-csrf'], c.body]),
    [['POST', '/api/admin/posts/77/hide', CSRF, { reason: 'Spam link' }]]);
  assert.equal(status(root), 'Post hidden.');

  await click(buttons(root, 'Dismiss')[0]);
  await submit(confirmForm(root));
  assert.deepEqual(writes()[1].body, {});
  assert.equal(writes()[1].path, '/api/admin/reports/3/dismiss');
});

test('a hidden post shows who hid it and why, and is unhidden', async () => {
  const root = await console_();
  await click(tab(root, 'hidden'));
  const item = parts(root, 'item')[0];
  assert.ok(item.textContent.includes('Hidden by @hannah'));
  assert.ok(item.textContent.includes('Off topic'));
  await click(buttons(item, 'Unhide')[0]);
  assert.deepEqual(writes().map((c) => [c.method, c.path, c.headers['x-chorus-csrf']]), [['POST', '/api/admin/posts/78/unhide', CSRF]]);
  assert.equal(status(root), 'The post shows again.');
});

test('an active member is suspended with a reason, a suspended one reinstated', async () => {
  const root = await console_();
  await click(tab(root, 'members'));
  const [bo] = parts(root, 'item');
  assert.equal(buttons(bo, 'Reinstate').length, 0);
  await click(buttons(bo, 'Suspend')[0]);
  const form = confirmForm(root);
  assert.ok(form.textContent.startsWith('Suspend @bo?'));
  reasonOf(form).value = 'Spamming';
  await submit(form);
  const zed = parts(root, 'item')[1]; // the list was drawn afresh
  assert.equal(buttons(zed, 'Suspend').length, 0);
  await click(buttons(zed, 'Reinstate')[0]);
  await submit(confirmForm(root));
  assert.deepEqual(writes().map((c) => [c.path, c.body, c.headers['x-chorus-csrf']]), [
    ['/api/admin/members/bo/suspend', { reason: 'Spamming' }, CSRF],
    ['/api/admin/members/zed/reinstate', {}, CSRF],
  ]);
});

test('the audit log is a table, paged with the next cursor until there is none', async () => {
  const root = await console_();
  await click(tab(root, 'audit'));
  const [table] = parts(root, 'audit');
  assert.deepEqual(all(table, (e) => e.tagName === 'TH').map((th) => th.textContent), ['When', 'Who', 'What', 'Target', 'Reason']);
  const rows = () => all(table, (e) => e.tagName === 'TR').slice(1).map((tr) => tr.children.slice(1).map((td) => td.textContent));
  assert.deepEqual(rows(), [['Hannah (@hannah)', 'post.hidden', 'post:77', EVIL]]);
  const older = buttons(root, 'Older entries')[0];
  assert.equal(older.hidden, false);
  await click(older);
  assert.deepEqual(rows()[1], ['the hub', 'member.admitted', '@bo', '']);
  assert.equal(older.hidden, true, 'no more pages');
  assert.ok(calls.some((c) => c.path === `/api/admin/audit?limit=${AUDIT_PAGE}&before=c2`));
});

test('a refusal shows the hub\'s detail to the admin, and the list stays', async () => {
  hub({ 'POST /api/admin/invitations': [422, { type: 'https://chorusfeed.org/problems/invalid-request', status: 422,
    title: 'Invalid request', detail: 'uses is 5000; give 1 to 1000' }] });
  const root = await console_();
  await submit(parts(root, 'invite')[0]);
  assert.equal(problem(root), 'uses is 5000; give 1 to 1000');
  assert.equal(status(root), '');
  assert.equal(parts(root, 'item').length, 2);
  assert.equal(all(parts(root, 'problem')[0], () => true)[0].getAttribute('role'), 'alert');
});

test('refusals without a detail are explained: forbidden, signed out, rate limited, unreachable', async () => {
  const cases = [
    [[403, null], 'You are not allowed to do that.'],
    [[401, null], 'You are signed out. Sign in again, then retry.'],
    [[429, null, { 'retry-after': '30' }], 'Too many changes at once. Try again in 30 seconds.'],
    [Error('offline'), 'The hub could not be reached. Check your connection and retry.'],
  ];
  for (const [answer, message] of cases) {
    hub({ 'POST /api/admin/posts/78/unhide': answer });
    const root = await console_();
    await click(tab(root, 'hidden'));
    await click(buttons(root, 'Unhide')[0]);
    assert.equal(problem(root), message);
  }
});

test('a thing another admin already removed reads afresh, with the reason', async () => {
  hub({ 'DELETE /api/admin/invitations/11': [410, { status: 410, detail: 'invitation 11 is revoked already' }] });
  const root = await console_();
  await click(buttons(root, 'Revoke')[0]);
  const before = calls.length;
  await submit(confirmForm(root));
  assert.equal(problem(root), 'invitation 11 is revoked already');
  assert.ok(calls.slice(before).some((c) => c.path === '/api/admin/invitations' && c.method === 'GET'));
});

test('a section that cannot be read says why, under its heading', async () => {
  hub({ 'GET /api/admin/reports?status=open': [404, { status: 404, title: 'Not Found', detail: 'no route GET /api/admin/reports' }] });
  const root = await console_();
  await click(tab(root, 'reports'));
  assert.equal(problem(root), 'no route GET /api/admin/reports');
  assert.equal(parts(root, 'panel')[0].textContent, 'Reports');
});

test('German admins get German', async () => {
  const root = await console_({ lang: 'de' });
  assert.deepEqual(all(root, (e) => e.getAttribute('role') === 'tab').map((b) => b.textContent),
    ['Einladungen', 'Beitrittsanfragen', 'Meldungen', 'Ausgeblendete Beiträge', 'Mitglieder', 'Protokoll']);
  assert.equal(buttons(root, 'Einladung erstellen').length, 1);
});
