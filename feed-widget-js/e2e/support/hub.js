// The hub's JSON API from Node, as a script would use it: reads without credentials, writes with a
// bearer token (the admin's, or one the admin issues for a member the tests admit).

import { randomBytes } from 'node:crypto';
import { ADMIN_TOKEN, HUB, required } from './env.js';

const API = () => HUB + '/chorus/api';
const MAX_WAIT_MS = 65_000;

/** A short random suffix, so names the tests make never collide, also across runs on one hub. */
export const unique = () => randomBytes(4).toString('hex');

/**
 * Sends one API request and returns {status, body, headers}. A write refused with 429 (the hub allows
 * each address 60 writes a minute) is sent again after Retry-After, so the suite's writes never fail
 * for being many; every other answer is returned as it is.
 */
export async function call(method, path, { token, body } = {}) {
  const started = Date.now();
  for (;;) {
    const r = await fetch(API() + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: 'Bearer ' + token }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (r.status === 429 && Date.now() - started < MAX_WAIT_MS) {
      const seconds = Number(r.headers.get('retry-after')) || 1;
      console.log(`[e2e] ${method} ${path}: rate limited, waiting ${seconds} s as the hub asks`);
      await new Promise((done) => setTimeout(done, seconds * 1000));
      continue;
    }
    return { status: r.status, body: json, headers: r.headers };
  }
}

/** Like call, but throws unless the status is the one expected; returns the body. */
export async function expect(status, method, path, options) {
  const r = await call(method, path, options);
  if (r.status !== status) {
    throw new Error(`${method} ${path} answered ${r.status}, expected ${status}: ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

/** A timeline page as any reader gets it: {items, next, prev}. */
export function timeline(params = {}) {
  return expect(200, 'GET', '/timeline?' + new URLSearchParams(params));
}

/** The first `n` posts of the timeline (with these filters), newest first, paging with `next`. */
export async function newest(n, params = {}) {
  const items = [];
  let before;
  while (items.length < n) {
    const page = await timeline({ ...params, limit: Math.min(100, n - items.length), ...(before && { before }) });
    items.push(...page.items);
    if (page.next == null) break;
    before = page.next;
  }
  return items;
}

/** One post as a reader reads it; null when it is gone (404). */
export async function post(id) {
  const r = await call('GET', '/posts/' + encodeURIComponent(id));
  if (r.status === 404) return null;
  if (r.status !== 200) throw new Error(`GET /posts/${id} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

const admin = () => required('CHORUS_E2E_ADMIN_TOKEN', ADMIN_TOKEN);

/** Makes sure an organisation exists (the admin saves it). */
export async function organisation(slug, name) {
  const r = await call('POST', '/admin/organisations', { token: admin(), body: { slug, name } });
  if (r.status !== 200 && r.status !== 201) throw new Error(`saving organisation ${slug}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Admits a new member (handle "e2e-…", so pages and screenshots can tell test posts apart) and issues
 * them a personal access token. Returns {handle, name, token} plus publish/edit/remove helpers.
 */
export async function newMember({ organisation: org, name } = {}) {
  const handle = 'e2e-' + unique();
  const shown = name || `E2E Tester ${handle.slice(4)}`;
  await expect(201, 'POST', '/admin/members', {
    token: admin(),
    body: { handle, name: shown, ...(org && { organisation: org }) },
  });
  const { token } = await expect(201, 'POST', `/admin/members/${handle}/tokens`, { token: admin(), body: { label: 'e2e' } });
  return author({ handle, name: shown, token });
}

/** Publishing, editing and deleting as the holder of `token`. */
export function author(who) {
  return {
    ...who,
    publish: (text, inReplyTo) =>
      expect(201, 'POST', '/posts', { token: who.token, body: { text, ...(inReplyTo && { inReplyTo }) } }),
    edit: (id, text) => expect(200, 'PATCH', '/posts/' + encodeURIComponent(id), { token: who.token, body: { text } }),
    remove: (id) => expect(204, 'DELETE', '/posts/' + encodeURIComponent(id), { token: who.token }),
  };
}

/** True when a post was written by one of the members these tests admit. */
export const byTestMember = (p) => (p.author?.handle || '').startsWith('e2e-');

/** The hub's origin, e.g. http://localhost:43123. */
export const HUB_ORIGIN = () => new URL(HUB).origin;
