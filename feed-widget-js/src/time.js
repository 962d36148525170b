// Relative and exact times through Intl, for any language.

const UNITS = [
  ['year', 31536e6],
  ['month', 2592e6],
  ['week', 6048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
  ['second', 1e3],
];
const cache = new Map();

function format(kind, lang, make) {
  const key = kind + lang;
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

/**
 * "3 minutes ago", "yesterday", "vor 2 Stunden": how long before `now` the instant `iso` was.
 * A time ahead of the reader's clock (a skewed clock; posts are never dated in the future) reads "now".
 */
export function relativeTime(iso, now, lang) {
  const diff = Math.min(Date.parse(iso) - now, 0);
  if (isNaN(diff)) return '';
  const rtf = format('r', lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (-diff >= ms || unit === 'second') return rtf.format(Math.trunc(diff / ms) || 0, unit);
  }
}

/** The full date and time of `iso` in the reader's time zone, e.g. "30 November 2026 at 11:00". */
export function exactTime(iso, lang) {
  const d = new Date(iso);
  if (isNaN(d)) return null;
  return format('e', lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }))
    .format(d);
}
