// Builds the widget with esbuild into the jar's resources (or the directory given as the first
// argument), writes widget-manifest.json (size, gzip size and SRI hash of each file, for the
// servlet's integrity= values), and fails when what a reader downloads is over the size budget, or when
// <chorus-feed> on its own would be over its own, older budget.

import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(HERE, 'target/classes/META-INF/resources/chorus');
/**
 * What a reader's browser may download, gzipped: widget.js and anything it loads for readers. widget.js
 * holds <chorus-feed> and <chorus-members> (and the few lines that load <chorus-admin>'s console).
 */
export const BUDGET = 16 * 1024;
/** <chorus-feed> alone, as a page using only it would have it: the budget it had as the only element. */
export const FEED_BUDGET = 8 * 1024;
/** What we aim for with <chorus-feed> alone: half of mastodon-embed-timeline's JS and CSS. */
export const GOAL = 6 * 1024;

/** <chorus-feed> alone: measured, never shipped, so the directory's bytes cannot hide the feed's growth. */
const FEED_ONLY = "import { ChorusFeed } from './src/feed.js'; customElements.define('chorus-feed', ChorusFeed);";

// Each built file: its entry point, its format, and whether every reader downloads it.
const FILES = [
  // Loaded by <script src defer>, a classic script: an IIFE.
  { name: 'widget.js', entry: 'src/widget.js', format: 'iife', reader: true },
  // Loaded by import() from widget.js, only for a signed-in member: an ES module.
  { name: 'widget-compose.js', entry: 'src/compose.js', format: 'esm', reader: false },
  // Loaded by import() from widget.js, only on a page with a <chorus-admin>: an ES module.
  { name: 'widget-admin.js', entry: 'src/admin.js', format: 'esm', reader: false },
];

const OPTIONS = {
  absWorkingDir: HERE,
  bundle: true,
  minify: true,
  target: 'es2020',
  // ASCII with escapes: correct whatever charset the host page or the server declares.
  charset: 'ascii',
  legalComments: 'none',
  // Private members are named _like_this; shortening them is safe because nothing outside a
  // file reads them (compose.js and admin.js use only the elements' unprefixed members).
  mangleProps: /^_/,
  write: false,
  logLevel: 'warning',
};

export async function build(outdir = OUT) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const feedOnly = await esbuild({ ...OPTIONS, stdin: { contents: FEED_ONLY, resolveDir: HERE }, format: 'iife' });
  const manifest = {
    budgetGzipBytes: BUDGET,
    readerGzipBytes: 0,
    feedBudgetGzipBytes: FEED_BUDGET,
    feedGzipBytes: gzipSync(feedOnly.outputFiles[0].contents, { level: 9 }).length,
    files: {},
  };
  for (const f of FILES) {
    const result = await esbuild({ ...OPTIONS, entryPoints: [f.entry], format: f.format });
    const code = result.outputFiles[0].contents;
    await writeFile(join(outdir, f.name), code);
    const gzip = gzipSync(code, { level: 9 }).length;
    manifest.files[f.name] = {
      size: code.length,
      gzipSize: gzip,
      integrity: 'sha384-' + createHash('sha384').update(code).digest('base64'),
      reader: f.reader,
    };
    if (f.reader) manifest.readerGzipBytes += gzip;
  }
  await writeFile(join(outdir, 'widget-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Problems with `manifest` against the budget, as sentences; empty when it holds. */
export function overBudget(manifest) {
  const n = manifest.readerGzipBytes;
  const feed = manifest.feedGzipBytes;
  return [
    n > BUDGET && `a reader downloads ${n} bytes gzipped; the budget is ${BUDGET}`,
    feed > FEED_BUDGET && `<chorus-feed> alone is ${feed} bytes gzipped; its budget is ${FEED_BUDGET}`,
  ].filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] || OUT);
  const manifest = await build(outdir);
  for (const [name, f] of Object.entries(manifest.files)) {
    console.log(`${name.padEnd(20)} ${String(f.size).padStart(6)} B  ${String(f.gzipSize).padStart(5)} B gzip  ${f.reader ? 'reader' : 'members only'}`);
  }
  const problems = overBudget(manifest);
  if (problems.length) {
    console.error('[chorus] size budget exceeded: ' + problems.join('; '));
    process.exit(1);
  }
  console.log(`${'(<chorus-feed> alone)'.padEnd(20)} ${''.padStart(8)}  ${String(manifest.feedGzipBytes).padStart(5)} B gzip  measured, not shipped`);
  if (manifest.feedGzipBytes > GOAL) {
    console.warn(`[chorus] within budget, but <chorus-feed> alone is over the ${GOAL}-byte goal: ${manifest.feedGzipBytes} bytes gzipped`);
  }
}
