import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactTime, relativeTime } from '../src/time.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ago = (ms) => new Date(NOW - ms).toISOString();

test('recent posts read as seconds, minutes and hours ago', () => {
  assert.equal(relativeTime(ago(0), NOW, 'en'), 'now');
  assert.equal(relativeTime(ago(12e3), NOW, 'en'), '12 seconds ago');
  assert.equal(relativeTime(ago(59e3), NOW, 'en'), '59 seconds ago');
  assert.equal(relativeTime(ago(60e3), NOW, 'en'), '1 minute ago');
  assert.equal(relativeTime(ago(59 * 60e3 + 50e3), NOW, 'en'), '59 minutes ago');
  assert.equal(relativeTime(ago(2 * 3600e3), NOW, 'en'), '2 hours ago');
});

test('older posts read as days, weeks, months and years', () => {
  assert.equal(relativeTime(ago(26 * 3600e3), NOW, 'en'), 'yesterday');
  assert.equal(relativeTime(ago(3 * 864e5), NOW, 'en'), '3 days ago');
  assert.equal(relativeTime(ago(15 * 864e5), NOW, 'en'), '2 weeks ago');
  assert.equal(relativeTime(ago(70 * 864e5), NOW, 'en'), '2 months ago');
  assert.equal(relativeTime(ago(800 * 864e5), NOW, 'en'), '2 years ago');
});

test('relative times follow the language', () => {
  assert.equal(relativeTime(ago(3 * 60e3), NOW, 'de'), 'vor 3 Minuten');
  assert.equal(relativeTime(ago(26 * 3600e3), NOW, 'de'), 'gestern');
  assert.equal(relativeTime(ago(3 * 60e3), NOW, 'fr'), 'il y a 3 minutes');
});

test('a post dated ahead of a slow clock reads "now", not "in 5 seconds"', () => {
  assert.equal(relativeTime(new Date(NOW + 5e3).toISOString(), NOW, 'en'), 'now');
});

test('a malformed time shows nothing rather than breaking the post', () => {
  assert.equal(relativeTime('yesterday-ish', NOW, 'en'), '');
  assert.equal(exactTime('yesterday-ish', 'en'), null);
});

test('the exact time names day, month, year and time of day in the language', () => {
  // Noon UTC is the 30th in every time zone from UTC-11 to UTC+11.
  assert.match(exactTime('2026-11-30T12:00:00Z', 'en'), /^November 30, 2026 at \d{1,2}:\d\d/);
  assert.match(exactTime('2026-11-30T12:00:00Z', 'de'), /^30\. November 2026 um \d\d:\d\d/);
});
