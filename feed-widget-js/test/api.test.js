import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentials, mount, sameOrigin, streamUrl, timelineUrl, webUrl, whole } from '../src/api.js';

const ROOT = 'https://hub.example/chorus';
const ALL = { limit: 20, member: null, org: null, tag: null, replies: true };

test('the newest page asks for the limit only', () => {
  assert.equal(timelineUrl(ROOT, ALL), 'https://hub.example/chorus/api/timeline?limit=20');
});

test('older pages continue from the next cursor, never an offset', () => {
  assert.equal(timelineUrl(ROOT, ALL, 'c_7131'), 'https://hub.example/chorus/api/timeline?limit=20&before=c_7131');
});

test('filters and hidden replies go into the timeline query, encoded', () => {
  const f = { limit: 5, member: 'ada', org: 'baltic-lab', tag: 'Förderung&Co', replies: false };
  const url = new URL(timelineUrl(ROOT, f, 'x+y/z='));
  assert.equal(url.pathname, '/chorus/api/timeline');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    limit: '5', before: 'x+y/z=', member: 'ada', org: 'baltic-lab', tag: 'Förderung&Co', replies: 'false',
  });
});

test('the stream follows the same member, organisation and tag, and nothing else', () => {
  assert.equal(streamUrl(ROOT, ALL), 'https://hub.example/chorus/api/stream');
  assert.equal(streamUrl(ROOT, { ...ALL, member: 'ada', tag: 'BalticLab', replies: false }),
    'https://hub.example/chorus/api/stream?member=ada&tag=BalticLab');
});

test('the mount URL loses trailing slashes and resolves against the page', () => {
  assert.equal(mount('https://hub.example/chorus/', 'https://site.example/'), ROOT);
  assert.equal(mount('/chorus', 'https://hub.example/news/page.html'), ROOT);
  assert.throws(() => mount('http://[bad', 'https://site.example/'));
});

test('reads send the hub cookies only on the hub itself', () => {
  assert.equal(credentials(ROOT, 'https://hub.example/news'), 'same-origin');
  assert.equal(credentials(ROOT, 'https://member.example/'), 'omit');
  assert.equal(credentials(ROOT, 'http://hub.example/'), 'omit');
  assert.equal(sameOrigin('https://hub.example:443/x', 'https://hub.example/'), true);
  assert.equal(sameOrigin('https://hub.example:8443/x', 'https://hub.example/'), false);
});

test('only absolute http and https URLs are links', () => {
  assert.equal(webUrl('https://example.org/a?b#c'), 'https://example.org/a?b#c');
  assert.equal(webUrl('HTTP://EXAMPLE.ORG'), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:,x', 'ftp://example.org', '/path', '', null, undefined]) {
    assert.equal(webUrl(bad), null, String(bad));
  }
});

test('limit and max-lines attributes read as whole numbers within bounds', () => {
  assert.equal(whole('50', 20, 1, 100), 50);
  assert.equal(whole('500', 20, 1, 100), 100);
  assert.equal(whole('0', 20, 1, 100), 20);
  assert.equal(whole('-3', 20, 1, 100), 20);
  assert.equal(whole('lots', 20, 1, 100), 20);
  assert.equal(whole(null, 20, 1, 100), 20);
});
