import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECTORY, MEMBER, READER, locale, translator } from '../src/i18n.js';
import { ADMIN } from '../src/i18n-admin.js';

const placeholders = (v) => JSON.stringify(v).match(/\{\w+\}/g)?.sort() ?? [];

for (const [name, table] of Object.entries({ READER, MEMBER, DIRECTORY, ADMIN })) {
  test(`every language in ${name} says everything English says, with the same placeholders`, () => {
    for (const [lang, strings] of Object.entries(table)) {
      assert.deepEqual(Object.keys(strings).sort(), Object.keys(table.en).sort(), lang);
      for (const key of Object.keys(table.en)) {
        assert.deepEqual([...new Set(placeholders(strings[key]))], [...new Set(placeholders(table.en[key]))], `${lang}.${key}`);
      }
    }
  });
}

test('German readers get German, also in a regional variant of any case', () => {
  assert.equal(translator(READER, 'de')('empty'), 'Noch keine Beiträge.');
  assert.equal(translator(READER, 'de-AT')('empty'), 'Noch keine Beiträge.');
  assert.equal(translator(READER, 'DE-ch')('retry'), 'Erneut versuchen');
});

test('a language without a table, or no language at all, falls back to English', () => {
  assert.equal(translator(READER, 'fr-CA')('empty'), 'No posts yet.');
  assert.equal(translator(READER, '')('empty'), 'No posts yet.');
  assert.equal(translator(READER, 'not a language!')('empty'), 'No posts yet.');
  assert.equal(locale('not a language!'), 'en');
  assert.equal(locale('de-at'), 'de-AT');
});

test('a string missing from a language falls back to English, a regional one to its language', () => {
  const table = { en: { a: 'A', b: 'B', c: 'C' }, de: { a: 'DA', b: 'DB' }, 'de-CH': { a: 'CHA' } };
  const t = translator(table, 'de-CH');
  assert.deepEqual([t('a'), t('b'), t('c')], ['CHA', 'DB', 'C']);
});

test('counts choose singular or plural by the language rules', () => {
  const en = translator(READER, 'en');
  const de = translator(READER, 'de');
  assert.equal(en('newPosts', { n: 1 }), '1 new post');
  assert.equal(en('newPosts', { n: 3 }), '3 new posts');
  assert.equal(de('newPosts', { n: 1 }), '1 neuer Beitrag');
  assert.equal(de('newPosts', { n: 2 }), '2 neue Beiträge');
  assert.equal(en('newPosts', { n: 0 }), '0 new posts');
});

test('placeholders are filled; one without a value stays visible', () => {
  assert.equal(translator(READER, 'en')('replyTo', { name: '@bob' }), 'In reply to @bob');
  assert.equal(translator(READER, 'en')('replyTo'), 'In reply to {name}');
});
