import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MEMBER, translator } from '../src/i18n.js';
import { problemMessage, retrySeconds } from '../src/problem.js';

const en = translator(MEMBER, 'en');
const de = translator(MEMBER, 'de');
const problem = (status, detail) => ({ type: 'https://chorusfeed.org/problems/x', title: 'X', status, detail });

test('a signed-out member is told to sign in again', () => {
  assert.equal(problemMessage(401, problem(401, 'no session'), null, en), 'You are signed out. Sign in again, then retry.');
  assert.match(problemMessage(401, null, null, de), /abgemeldet/);
});

test('a rate-limited member is told how long to wait', () => {
  assert.equal(problemMessage(429, problem(429, 'slow down'), '30', en), 'Too many posts at once. Try again in 30 seconds.');
  assert.equal(problemMessage(429, null, '1', en), 'Too many posts at once. Try again in 1 second.');
  assert.equal(problemMessage(429, null, null, en), 'Too many posts at once. Try again shortly.');
  assert.match(problemMessage(429, null, '12', de), /in 12 Sekunden/);
});

test('Retry-After as an HTTP date counts down from now', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  assert.equal(retrySeconds('Mon, 30 Nov 2026 10:01:30 GMT', now), 90);
  assert.equal(retrySeconds('Mon, 30 Nov 2026 09:00:00 GMT', now), 1);
  assert.equal(retrySeconds('soon', now), null);
});

test("the hub's own explanation is shown when it gives one", () => {
  const detail = 'post text is 612 characters; the limit is 500';
  assert.equal(problemMessage(422, problem(422, detail), null, en), detail);
  assert.equal(problemMessage(403, problem(403, 'the CSRF token is missing; reload the page'), null, en),
    'the CSRF token is missing; reload the page');
});

test('without an explanation the message depends on the status, in the language', () => {
  assert.equal(problemMessage(413, null, null, en), 'The post is too long.');
  assert.equal(problemMessage(422, { detail: '  ' }, null, de), 'Der Beitrag ist zu lang.');
  assert.equal(problemMessage(403, null, null, en), 'You are not allowed to do that.');
  assert.equal(problemMessage(404, null, null, en), 'That post no longer exists.');
  assert.equal(problemMessage(500, null, null, en), 'That did not work (error 500).');
  assert.equal(problemMessage(503, { detail: 42 }, null, en), 'That did not work (error 503).');
});
