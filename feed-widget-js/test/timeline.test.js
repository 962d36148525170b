import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPending, appendOlder, reconcile, remove, showPending, unseen, update } from '../src/timeline.js';

const T0 = Date.parse('2026-11-30T10:00:00Z');
// Post n was published n minutes after T0: a higher n is newer.
const post = (n, fields) => ({ id: 'p' + n, publishedAt: new Date(T0 + n * 6e4).toISOString(), text: 'post ' + n, ...fields });
const posts = (...ns) => ns.map((n) => post(n));
const ids = (list) => list.map((p) => p.id);

test('an older page joins the list without repeating posts already shown', () => {
  assert.deepEqual(ids(appendOlder(posts(9, 8, 7), posts(7, 6, 5))), ['p9', 'p8', 'p7', 'p6', 'p5']);
});

test('a waiting post that an older page brings in stops waiting', () => {
  const shown = appendOlder(posts(9, 8), posts(7, 6));
  assert.deepEqual(ids(unseen(posts(10, 7), shown)), ['p10']);
});

test('a live post already shown or already waiting is not counted again', () => {
  let pending = addPending(posts(5, 4), [], post(6));
  pending = addPending(posts(5, 4), pending, post(6));
  pending = addPending(posts(5, 4), pending, post(5));
  assert.deepEqual(ids(pending), ['p6']);
  assert.deepEqual(ids(addPending(posts(5, 4), pending, post(7))), ['p7', 'p6']);
});

test('waiting posts show on top, newest first', () => {
  assert.deepEqual(ids(showPending(posts(5, 4), posts(7, 6), false)), ['p7', 'p6', 'p5', 'p4']);
});

test('a blog entry imported now but dated earlier shows in its place in time, not on top', () => {
  assert.deepEqual(ids(showPending(posts(9, 7, 5), posts(10, 6), false)), ['p10', 'p9', 'p7', 'p6', 'p5']);
});

test('a waiting post older than everything shown waits for its page while older pages remain', () => {
  assert.deepEqual(ids(showPending(posts(9, 7), posts(10, 3), false)), ['p10', 'p9', 'p7']);
  assert.deepEqual(ids(showPending(posts(9, 7), posts(10, 3), true)), ['p10', 'p9', 'p7', 'p3']);
  assert.deepEqual(ids(showPending([], posts(2, 1), false)), ['p2', 'p1']);
});

test('an edit replaces the post in place', () => {
  const list = update(posts(3, 2, 1), post(2, { text: 'edited', editedAt: '2026-11-30T11:00:00Z' }));
  assert.deepEqual(ids(list), ['p3', 'p2', 'p1']);
  assert.equal(list[1].text, 'edited');
});

test("an edit from the public stream keeps the reader's own appreciation", () => {
  const mine = [post(2, { appreciations: 1, appreciatedByMe: true })];
  assert.equal(update(mine, post(2, { appreciations: 2 }))[0].appreciatedByMe, true);
  assert.equal(update(mine, post(2, { appreciations: 2 }))[0].appreciations, 2);
  assert.equal(update(mine, post(2, { appreciations: 0, appreciatedByMe: false }))[0].appreciatedByMe, false);
});

test('a deletion removes the post and only that post', () => {
  assert.deepEqual(ids(remove(posts(3, 2, 1), 'p2')), ['p3', 'p1']);
  assert.deepEqual(ids(remove(posts(3, 1), 'p2')), ['p3', 'p1']);
});

test('after a long gap the newest page offers new posts and applies edits and deletions', () => {
  const shown = posts(5, 4, 3, 2, 1);
  const head = [post(7), post(6), post(5, { text: 'edited' }), post(3)]; // p4 was deleted
  const r = reconcile(shown, head);
  assert.equal(r.gap, false);
  assert.deepEqual(ids(r.fresh), ['p7', 'p6']);
  assert.deepEqual(ids(r.posts), ['p5', 'p3', 'p2', 'p1']);
  assert.equal(r.posts[0].text, 'edited');
});

test('after a gap longer than a page the new page replaces the list', () => {
  const r = reconcile(posts(3, 2, 1), posts(9, 8, 7));
  assert.equal(r.gap, true);
  assert.deepEqual(ids(r.fresh), ['p9', 'p8', 'p7']);
  assert.deepEqual(ids(reconcile([], posts(2, 1)).fresh), ['p2', 'p1']);
  assert.equal(reconcile([], posts(2, 1)).gap, false);
});

test('random live events never show a post twice, nor out of order (seeded)', () => {
  const seed = Number(process.env.CHORUS_SEED) || Date.now() % 1e9;
  let state = seed;
  const random = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let round = 0; round < 200; round++) {
    let next = 20;
    let shown = posts(10, 9, 8, 7, 6, 5);
    let pending = [];
    let complete = false;
    for (let step = 0; step < 40; step++) {
      const kind = random(5);
      if (kind === 0) pending = addPending(shown, pending, post(next++));
      if (kind === 1) pending = addPending(shown, pending, post(random(next))); // replays and late blog entries
      if (kind === 2) {
        shown = showPending(shown, pending, complete);
        pending = [];
      }
      if (kind === 3) {
        const id = 'p' + random(next);
        shown = remove(shown, id);
        pending = remove(pending, id);
      }
      if (kind === 4 && !complete) {
        const oldest = Number(shown.at(-1)?.id.slice(1) ?? next);
        shown = appendOlder(shown, posts(...[oldest - 1, oldest - 2].filter((n) => n >= 0)));
        pending = unseen(pending, shown);
        complete = oldest <= 2;
      }
      const all = ids(shown).concat(ids(pending));
      assert.equal(new Set(all).size, all.length, `seed ${seed}: a post appears twice: ${all}`);
      const times = shown.map((p) => Date.parse(p.publishedAt));
      assert.deepEqual(times, [...times].sort((a, b) => b - a), `seed ${seed}: out of order: ${ids(shown)}`);
    }
  }
});
