import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { countText, links, normalise } from '../src/count.js';

const link = (text) => links(text).map(([s, e]) => text.slice(s, e));

test('letters count one each, whatever their encoding', () => {
  assert.equal(countText('Kick-off today'), 14);
  assert.equal(countText('Grüße'), 5);
  assert.equal(countText('Gru\u0308ße'), 5); // ü as u + combining diaeresis: NFC makes it one
  assert.equal(countText('日本語のテキスト'), 8);
});

test('an emoji counts one, however many code points it is made of', () => {
  assert.equal(countText('👩‍👩‍👧‍👦'), 1); // family: four people joined by ZWJ
  assert.equal(countText('👍🏽'), 1); // skin tone
  assert.equal(countText('🇩🇪🇪🇺'), 2); // two flags
  assert.equal(countText('1️⃣'), 1); // keycap
  assert.equal(countText('क्षत्रिय'), 3); // Indic conjuncts (GB9c)
});

test('a hub that counts links differently is followed', () => {
  assert.equal(countText('see https://example.org', 30), 4 + 30);
});

test('every line break counts one, however it was typed', () => {
  assert.equal(countText('a\r\nb\rc\nd'), 7);
  assert.equal(normalise('a\r\nb\rc'), 'a\nb\nc');
});

test('leading and trailing whitespace does not count, no-break spaces do', () => {
  assert.equal(countText('  \n\thello \r\n'), 5);
  assert.equal(countText('\u00a0hello\u00a0'), 7); // Java's strip keeps U+00A0
  assert.equal(countText('\u3000hello\u2003'), 5);
  assert.equal(countText('   '), 0);
  assert.equal(normalise(' e\u0301 '), 'é');
});

test('a link counts 23 however long it is', () => {
  assert.equal(countText('https://example.org/' + 'a'.repeat(200)), 23);
  assert.equal(countText('see http://x.io'), 4 + 23);
  assert.equal(countText('HTTPS://EXAMPLE.ORG/PATH'), 23);
  assert.equal(countText('a https://a.example b https://b.example c'), 2 + 23 + 3 + 23 + 2);
});

test('punctuation after a link is not part of it', () => {
  assert.deepEqual(link('Read https://example.org/a.'), ['https://example.org/a']);
  assert.deepEqual(link('Read https://example.org/a?!'), ['https://example.org/a']);
  assert.deepEqual(link('"https://example.org/a",'), ['https://example.org/a']);
  assert.equal(countText('Read https://example.org/a.'), 5 + 23 + 1);
});

test('a closing bracket ends a link unless the link opened it', () => {
  assert.deepEqual(link('(see https://example.org/a)'), ['https://example.org/a']);
  assert.deepEqual(link('https://en.wikipedia.org/wiki/Set_(mathematics)'), ['https://en.wikipedia.org/wiki/Set_(mathematics)']);
  assert.deepEqual(link('(https://en.wikipedia.org/wiki/Set_(mathematics)).'), ['https://en.wikipedia.org/wiki/Set_(mathematics)']);
  assert.deepEqual(link('[https://example.org/{a}]'), ['https://example.org/{a}']);
});

test('a link ends at whitespace, angle brackets and quotes', () => {
  assert.deepEqual(link('https://a.example/x<b>'), ['https://a.example/x']);
  assert.deepEqual(link('https://a.example/x\u00a0more'), ['https://a.example/x']);
  assert.deepEqual(link('https://a.example/x\u202etxt.exe'), ['https://a.example/x']);
  assert.deepEqual(link('x"https://a.example/"y'), ['https://a.example/']);
});

test('only http and https with a host are links', () => {
  assert.deepEqual(link('ftp://example.org mailto:a@b.example'), []);
  assert.deepEqual(link('https:// nothing http://'), []);
  assert.deepEqual(link('https://.../ and https://:80'), []);
  assert.deepEqual(link('https://user@example.org:8080/x'), ['https://user@example.org:8080/x']);
  assert.deepEqual(link('http://[::1]:8080/x'), ['http://[::1]:8080/x']);
  assert.deepEqual(link('http://[]/x'), []);
  assert.deepEqual(link('https://example.org:80a/x'), []);
  assert.deepEqual(link('xhttps://example.org'), ['https://example.org']);
  assert.deepEqual(link('https://münchen.example/straße'), ['https://münchen.example/straße']);
});

// The server's own numbers, written by feed-core's tests; both sides must agree on every case.
const SHARED = new URL('../../spec/text-length-cases.json', import.meta.url);
test('the shared cases count as the server counts them', { skip: !existsSync(SHARED) && 'spec/text-length-cases.json is not there yet' }, () => {
  const cases = JSON.parse(readFileSync(SHARED, 'utf8'));
  assert.ok(cases.length > 0, 'the shared file has no cases');
  const wrong = cases
    .filter((c) => countText(c.text) !== c.length)
    .map((c) => `${JSON.stringify(c.text)} (${c.note}): server ${c.length}, widget ${countText(c.text)}`);
  assert.deepEqual(wrong, []);
});
