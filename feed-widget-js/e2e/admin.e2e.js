// <chorus-admin> on the hub's admin.html: the hub admin (the demo's @hannah, signed in through
// /signin) invites, approves, hides and suspends; every write carries the session's CSRF token and
// lands in the hub (checked through the API) and in the audit log.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, skip } from './support/env.js';
import { axe } from './support/axe.js';
import * as hub from './support/hub.js';
import { launch, open, signIn } from './support/browser.js';

const ADMIN = 'hannah';
const admin = () => ({ token: ADMIN_TOKEN });

/** Opens the console as the signed-in admin, on `tab`; returns the page and the writes it sends. */
async function console_(session, tab = 'Invitations') {
  const page = await session.page();
  const writes = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/chorus/api/')) {
      writes.push({ method: r.method(), path: new URL(r.url()).pathname, csrf: r.headers()['x-chorus-csrf'] });
    }
  });
  await signIn(page, ADMIN);
  await page.goto('/admin.html');
  await page.getByRole('tab', { name: 'Invitations' }).waitFor();
  if (tab !== 'Invitations') await page.getByRole('tab', { name: tab }).click();
  await page.locator('chorus-admin [part~=panel][aria-busy=false]').waitFor();
  const csrf = (await (await page.request.get('/chorus/api/session')).json()).csrf;
  return { page, writes, csrf };
}

/** Waits for the console to say `text` in its status line. */
const said = (page, text) => page.locator('chorus-admin [part~=status]', { hasText: text }).waitFor();
const item = (page, text) => page.locator('chorus-admin [part~=item]', { hasText: text });

/** Confirms the open destructive step, giving `reason`. */
async function confirm(page, reason) {
  const step = page.locator('chorus-admin [part~=confirm]');
  if (reason != null) await step.getByRole('textbox').fill(reason);
  await step.getByRole('button', { name: 'Confirm' }).click();
}

describe('the admin console', { skip }, () => {
  let browser;
  let session;
  before(async () => (browser = await launch()));
  after(() => browser?.close());
  test.beforeEach(async () => (session = await open(browser)));
  test.afterEach(() => session.close());

  test('the admin invites for an organisation, copies the code, and revokes the invitation', async () => {
    const { page, writes, csrf } = await console_(session);
    const note = `Spring cohort ${hub.unique()}`;
    await page.getByLabel('Uses').fill('2');
    await page.getByLabel('Expires in days').fill('7');
    await page.getByLabel('Organisation').selectOption('werkhaus-lab');
    await page.getByLabel('Note (only admins see it)').fill(note);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await said(page, 'Invitation created.');

    const stored = (await hub.expect(200, 'GET', '/admin/invitations', admin())).items[0];
    assert.deepEqual([stored.note, stored.uses, stored.used, stored.organisation?.slug, stored.status],
      [note, 2, 0, 'werkhaus-lab', 'open']);
    const row = item(page, note);
    assert.equal(await row.locator('[part~=code]').textContent(), stored.code, 'the code shows');
    assert.equal((await hub.expect(200, 'GET', '/invitations/' + stored.code)).status, 'open');

    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await row.getByRole('button', { name: 'Copy code' }).click();
    await said(page, 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), stored.code);
    await row.getByRole('button', { name: 'Copy link' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
      new URL('/join.html?code=' + stored.code, page.url()).href, 'a link to the hub\'s join page');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await confirm(page, null);
    await said(page, 'Invitation revoked.');
    assert.equal((await hub.call('GET', '/invitations/' + stored.code)).status, 410, 'the code no longer admits anyone');
    assert.equal(await item(page, note).locator('[part~=badge]').textContent(), 'revoked');
    assert.deepEqual(writes.map((w) => [w.method, w.csrf]), [['POST', csrf], ['DELETE', csrf]], 'every write with the CSRF token');
    assert.deepEqual(await axe(page), [], 'axe finds no serious or critical problem');
    session.check();
  });

  test('a visitor asks to join; the admin approves, and the visitor is a member', async () => {
    const visitor = await open(browser);
    const handle = 'e2e-' + hub.unique();
    try {
      const asking = await visitor.page();
      await asking.goto('/signin');
      await Promise.all([
        asking.waitForURL((u) => u.pathname !== '/signin'),
        asking.getByRole('button', { name: 'Sign in as a new visitor' }).click(),
      ]);
      // The visitor's page asks as a page of the hub would: with its cookies, the CSRF token and its Origin.
      const asked = await asking.evaluate(async (body) => {
        const session = await (await fetch('/chorus/api/session')).json();
        const r = await fetch('/chorus/api/join-requests', {
          method: 'POST', body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', 'x-chorus-csrf': session.csrf },
        });
        return { status: r.status, joining: session.joining, member: session.member };
      }, { handle, name: 'E2E Newcomer', message: 'I repair bicycles <b>and</b> radios' });
      assert.deepEqual(asked, { status: 201, joining: 'approval', member: null });

      const { page, writes, csrf } = await console_(session, 'Join requests');
      const request = item(page, '@' + handle);
      assert.ok((await request.textContent()).includes('I repair bicycles <b>and</b> radios'), 'the message, as text');
      await request.getByRole('button', { name: 'Approve' }).click();
      await said(page, `@${handle} is now a member.`);
      assert.equal(await item(page, '@' + handle).count(), 0, 'no longer pending');
      assert.equal((await hub.expect(200, 'GET', '/members/' + handle)).name, 'E2E Newcomer');
      const now = await asking.evaluate(async () => (await (await fetch('/chorus/api/session')).json()).member?.handle);
      assert.equal(now, handle, 'the visitor is signed in as the new member');
      assert.deepEqual(writes.map((w) => [w.method, w.csrf]), [['POST', csrf]]);
      visitor.check();
      session.check();
    } finally {
      await visitor.close();
    }
  });

  test('the admin hides a reported post with a reason, and it is gone for readers until unhidden', async () => {
    const author = await hub.newMember();
    const reporter = await hub.newMember();
    const text = `Buy cheap followers now ${hub.unique()}`;
    const post = await author.publish(text);
    await hub.expect(201, 'POST', `/posts/${post.id}/reports`, { token: reporter.token, body: { reason: 'Spam' } });

    const { page, writes, csrf } = await console_(session, 'Reports');
    const report = item(page, text);
    assert.ok((await report.textContent()).includes(`Reported by ${reporter.name} (@${reporter.handle}):`));
    await report.getByRole('button', { name: 'Hide post' }).click();
    await confirm(page, 'Advertising');
    await said(page, 'Post hidden.');
    assert.equal(await hub.post(post.id), null, 'readers get 404');
    assert.ok(!(await hub.timeline({ limit: 20 })).items.some((p) => p.id === post.id), 'not in the timeline');
    assert.equal(await item(page, text).count(), 0, 'the report is resolved');

    await page.getByRole('tab', { name: 'Hidden posts' }).click();
    const hidden = item(page, text);
    assert.ok((await hidden.textContent()).includes(`Hidden by @${ADMIN}`));
    assert.ok((await hidden.textContent()).includes('Advertising'));
    await hidden.getByRole('button', { name: 'Unhide' }).click();
    await said(page, 'The post shows again.');
    assert.equal((await hub.post(post.id))?.text, text, 'readers see it again');
    assert.deepEqual(writes.map((w) => [w.path.replace(/\d+/, 'ID'), w.csrf]),
      [['/chorus/api/admin/posts/ID/hide', csrf], ['/chorus/api/admin/posts/ID/unhide', csrf]]);
    session.check();
  });

  test('the admin suspends a member with a reason, and they can no longer post', async () => {
    const member = await hub.newMember();
    const { page, csrf, writes } = await console_(session, 'Members');
    const row = item(page, '@' + member.handle);
    await row.getByRole('button', { name: 'Suspend' }).click();
    await confirm(page, 'Spamming the timeline');
    await said(page, `@${member.handle} is suspended.`);
    assert.equal(await item(page, '@' + member.handle).locator('[part~=badge]').first().textContent(), 'suspended');
    assert.equal((await hub.call('POST', '/posts', { token: member.token, body: { text: 'still here?' } })).status >= 400, true);
    assert.deepEqual(writes.map((w) => [w.path, w.csrf]), [[`/chorus/api/admin/members/${member.handle}/suspend`, csrf]]);
    session.check();
  });

  test('the audit log shows the newest admin act first, with who, what, target and reason', async () => {
    const member = await hub.newMember();
    await hub.expect(200, 'POST', `/admin/members/${member.handle}/suspend`, { ...admin(), body: { reason: 'Spamming the timeline' } });
    const { page } = await console_(session, 'Audit log');
    const entry = page.locator('chorus-admin [part~=audit] tbody tr').first();
    await entry.waitFor();
    const cells = await entry.locator('td').allTextContents();
    assert.deepEqual(cells.slice(1), [`Hannah Petersen (@${ADMIN})`, 'member.suspended', '@' + member.handle, 'Spamming the timeline']);
    session.check();
  });

  test('a member who is not an admin gets no console and no link to it', async () => {
    const page = await session.page();
    await signIn(page, 'ole');
    assert.equal(await page.getByRole('link', { name: 'Admin console' }).count(), 0);
    await page.goto('/admin.html');
    await page.locator('chorus-admin', { hasText: 'Sign in as a hub admin to use the admin console.' }).waitFor();
    assert.equal(await page.getByRole('tab').count(), 0);
    session.check();
  });
});
