// Addresses of the hub's JSON API and event stream, and how to fetch from it.

/** The mount URL without trailing slashes, resolved against the page: "https://hub.example/chorus". */
export function mount(src, base) {
  return new URL(src, base).href.replace(/\/+$/, '');
}

/** The widget's filters as query parameters, leaving out the ones not set. */
function query(params) {
  const q = new URLSearchParams();
  for (const k in params) if (params[k] != null && params[k] !== '') q.set(k, params[k]);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** The timeline page after `cursor` (older posts), or the newest page when there is none. */
export function timelineUrl(root, f, cursor) {
  return root + '/api/timeline' + query({
    limit: f.limit,
    before: cursor,
    member: f.member,
    org: f.org,
    tag: f.tag,
    replies: f.replies ? null : 'false',
  });
}

/** The live stream with the same filters (replies are left out by the widget itself). */
export function streamUrl(root, f) {
  return root + '/api/stream' + query({ member: f.member, org: f.org, tag: f.tag });
}

/** Whether `url` has the same origin as `base` (the page by default). */
export function sameOrigin(url, base = location.href) {
  return new URL(url, base).origin === new URL(base).origin;
}

/** Credentials for reads: the hub's own cookies on its own site, none anywhere else. */
export function credentials(root, base) {
  return sameOrigin(root, base) ? 'same-origin' : 'omit';
}

/** GETs JSON from the hub with the read credentials for `root`; rejects unless the status is 2xx. */
export async function getJson(url, root, signal) {
  const r = await fetch(url, { credentials: credentials(root), signal, headers: { accept: 'application/json' } });
  if (!r.ok) throw Error(`HTTP ${r.status} from ${url}`);
  return r.json();
}

/**
 * `url` as an absolute http(s) URL (resolved against `base` when given), otherwise null: other schemes never
 * become links.
 */
export function webUrl(url, base) {
  try {
    const u = new URL(url, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Reads a number attribute: a whole number within min..max, or `fallback`. */
export function whole(value, fallback, min, max) {
  const n = parseInt(value, 10);
  return n >= min ? Math.min(n, max) : fallback;
}
