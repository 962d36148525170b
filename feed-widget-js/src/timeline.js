// What the reader sees and what waits behind "N new posts": plain arrays of posts, newest first.
// Every function returns new arrays and never lets a post appear twice.

const has = (list, id) => list.some((p) => p.id === id);
const time = (p) => Date.parse(p.publishedAt);

/** The visible list followed by an older page, without posts already shown. */
export function appendOlder(posts, items) {
  return posts.concat(items.filter((p) => !has(posts, p.id)));
}

/** The waiting posts that are not shown yet (an older page may just have brought one in). */
export function unseen(pending, posts) {
  return pending.filter((p) => !has(posts, p.id));
}

/** The waiting list after a live `post.created`: unchanged when the post is already known. */
export function addPending(posts, pending, post) {
  return has(posts, post.id) || has(pending, post.id) ? pending : [post, ...pending];
}

/**
 * The visible list once the waiting posts are shown, each in its place in time: usually on top, but a
 * blog entry imported now may be dated earlier. One older than every visible post is left out while
 * older pages remain (`complete` false), since paging on will bring it in its place.
 */
export function showPending(posts, pending, complete) {
  const oldest = posts.length ? time(posts[posts.length - 1]) : -Infinity;
  return pending
    .filter((p) => complete || time(p) >= oldest)
    .concat(posts.filter((p) => !has(pending, p.id)))
    .sort((a, b) => time(b) - time(a));
}

/**
 * `old` edited into `post`. Whether the reader appreciated it is theirs alone: the public stream does
 * not know it, so a post without the field keeps the value the reader had.
 */
export function revise(old, post) {
  return post.appreciatedByMe == null ? { ...post, appreciatedByMe: old.appreciatedByMe } : post;
}

/** The list with `post` replacing the post of the same id, if there is one. */
export function update(list, post) {
  return list.map((p) => (p.id === post.id ? revise(p, post) : p));
}

/** The list without the post `id`. */
export function remove(list, id) {
  return list.filter((p) => p.id !== id);
}

/**
 * What a fresh newest page `head` means for the visible list after the stream was lost for a while:
 * `fresh` posts to offer as new, `posts` the visible list with edits applied and deletions removed,
 * and `gap` true when the page does not reach the visible posts, so showing the new ones must
 * replace the list rather than join it.
 */
export function reconcile(posts, head) {
  let last = -1;
  for (const p of head) last = Math.max(last, posts.findIndex((q) => q.id === p.id));
  if (last < 0) return { fresh: head, posts, gap: posts.length > 0 };
  return {
    fresh: head.filter((p) => !has(posts, p.id)),
    posts: posts
      .filter((p, i) => i > last || has(head, p.id))
      .map((p) => {
        const q = head.find((h) => h.id === p.id);
        return q ? revise(p, q) : p;
      }),
    gap: false,
  };
}
