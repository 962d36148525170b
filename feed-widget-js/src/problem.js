// What to tell a member when the hub refuses a write. The hub answers with RFC 9457
// application/problem+json ({type, title, status, detail}); `detail` says what to do.

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), or null without one. */
export function retrySeconds(header, now = Date.now()) {
  if (!header) return null;
  const s = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1e3;
  return isNaN(s) ? null : Math.max(1, Math.ceil(s));
}

/**
 * The message for a failed write with HTTP `status`, problem body `problem` (or null) and
 * Retry-After `retryAfter`, in the member's language through `t`.
 */
export function problemMessage(status, problem, retryAfter, t) {
  if (status === 401) return t('signedOut');
  if (status === 429) {
    const n = retrySeconds(retryAfter);
    return n ? t('rateLimited', { n }) : t('rateLimitedSoon');
  }
  const detail = typeof problem?.detail === 'string' && problem.detail.trim();
  const known = { 403: 'forbidden', 404: 'notFound', 410: 'notFound', 413: 'tooLong', 422: 'tooLong' }[status];
  return detail || t(known || 'failed', { status });
}
