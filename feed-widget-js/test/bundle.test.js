import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { BUDGET, FEED_BUDGET, build, overBudget } from '../scripts/build.js';

let dir;
let manifest;
const file = (name) => readFile(join(dir, name), 'utf8');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-widget-'));
  manifest = await build(dir);
});
after(() => rm(dir, { recursive: true, force: true }));

test(`what a reader downloads stays within ${BUDGET} bytes gzipped`, async () => {
  const readerFiles = Object.entries(manifest.files).filter(([, f]) => f.reader).map(([name]) => name);
  assert.deepEqual(readerFiles, ['widget.js']);
  const gzip = gzipSync(await readFile(join(dir, 'widget.js')), { level: 9 }).length;
  assert.equal(manifest.readerGzipBytes, gzip);
  assert.deepEqual(overBudget(manifest), []);
  assert.deepEqual(overBudget({ ...manifest, readerGzipBytes: BUDGET + 1 }).length, 1);
});

test(`<chorus-feed> on its own stays within its ${FEED_BUDGET} bytes, measured apart from the directory`, () => {
  assert.ok(manifest.feedGzipBytes > 4096 && manifest.feedGzipBytes < manifest.readerGzipBytes, String(manifest.feedGzipBytes));
  assert.ok(manifest.feedGzipBytes <= FEED_BUDGET);
  assert.deepEqual(overBudget({ ...manifest, feedGzipBytes: FEED_BUDGET }), []);
  assert.match(overBudget({ ...manifest, feedGzipBytes: FEED_BUDGET + 1 })[0], /<chorus-feed> alone/);
});

test('one script tag defines all three elements; the admin console is a file of its own, loaded on use', async () => {
  const code = await file('widget.js');
  for (const name of ['chorus-feed', 'chorus-members', 'chorus-admin']) assert.ok(code.includes(`"${name}"`), name);
  assert.ok(code.includes('"widget-admin.js"'));
  assert.equal(manifest.files['widget-admin.js'].reader, false);
  assert.match(await file('widget-admin.js'), /export\s*\{[^}]*\battach\b/);
  for (const s of ['/admin/', 'x-chorus-csrf']) assert.ok(!code.includes(s), 'no admin code for readers: ' + s);
});

test('the manifest lists every built file with its true size and SRI hash', async () => {
  const built = (await readdir(dir)).filter((n) => n !== 'widget-manifest.json').sort();
  assert.deepEqual(Object.keys(manifest.files).sort(), built);
  assert.deepEqual(JSON.parse(await file('widget-manifest.json')), manifest);
  for (const name of built) {
    const bytes = await readFile(join(dir, name));
    const f = manifest.files[name];
    assert.equal(f.size, bytes.length, name);
    assert.equal(f.integrity, 'sha384-' + createHash('sha384').update(bytes).digest('base64'), name);
  }
});

test('widget.js runs as a classic <script src defer>, and the member code it imports is built beside it', async () => {
  const code = await file('widget.js');
  assert.doesNotThrow(() => new Script(code, { filename: 'widget.js' }));
  assert.match(code, /import\(/);
  assert.ok(code.includes('"widget-compose.js"'));
  assert.match(await file('widget-compose.js'), /export\s*\{[^}]*\battach\b/);
});

test('readers never download the code that writes: no CSRF header, no compose box', async () => {
  const code = await file('widget.js');
  for (const s of ['x-chorus-csrf', 'textarea', '/appreciation', 'PATCH']) assert.ok(!code.includes(s), s);
});

test('no built file parses markup, evaluates strings, stores anything or names a third party', async () => {
  const forbidden = [/innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function/,
    /setTimeout\(["'`]/, /localStorage/, /sessionStorage/, /indexedDB/, /document\.cookie/, /cssText/, /"style"/, /https?:\/\/[a-z]/i];
  for (const name of Object.keys(manifest.files)) {
    const code = await file(name);
    for (const pattern of forbidden) assert.ok(!pattern.test(code), `${name} contains ${pattern}`);
  }
});
