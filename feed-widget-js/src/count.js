// How long a post is, by the server's rules (feed-core's org.chorusfeed.text.TextRules): line breaks
// made \n, the text NFC-normalised and stripped, counted in user-perceived characters (extended
// grapheme clusters), each link as 23 (or what the hub configures).
// The link rules mirror feed-core's Segmenter.linkEnd; the shared cases in spec/text-length-cases.json
// keep the two in step.

/** What every link counts as, whatever its length, unless the hub says otherwise. */
export const LINK_LENGTH = 23;

// Java's Character.isWhitespace, which String.strip uses: no-break spaces are not whitespace there.
const STRIP = /^[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+|[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+$/g;
// What ends a link: whitespace, space separators, controls, bidi controls and < > ".
const ENDS_LINK = /[<>"\p{Z}\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;
const SCHEME = /https?:\/\//iy;
const NAME = /^(?:[\p{L}\p{Nd}\p{M}._~%-])*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

const segmenter = globalThis.Intl?.Segmenter && new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The number of user-perceived characters in `s`. */
export function graphemes(s) {
  if (!segmenter) return [...s].length;
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/** Post text as the server stores it: \n line breaks, NFC, without leading and trailing whitespace. */
export function normalise(text) {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').replace(STRIP, '');
}

/** The links in `text` as [start, end) index pairs, found the way the server finds them. */
export function links(text) {
  const found = [];
  for (let i = 0; i < text.length; ) {
    const end = linkEnd(text, i);
    if (end > i) found.push([i, (i = end)]);
    else i++;
  }
  return found;
}

function linkEnd(text, start) {
  SCHEME.lastIndex = start;
  if (!SCHEME.test(text)) return start;
  const from = SCHEME.lastIndex;
  let end = from;
  while (end < text.length && !ENDS_LINK.test(text[end])) end++;
  end = withoutTrailingPunctuation(text, start, end);
  return hasHost(text.slice(from, end)) ? end : start;
}

function withoutTrailingPunctuation(text, start, end) {
  const balance = { ')': 0, ']': 0, '}': 0 };
  const open = { '(': ')', '[': ']', '{': '}' };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (open[c]) balance[open[c]]++;
    else if (c in balance) balance[c]--;
  }
  while (end > start) {
    const last = text[end - 1];
    if (`.,;:!?'"`.includes(last)) end--;
    else if (last in balance && balance[last] < 0) {
      balance[last]++;
      end--;
    } else break;
  }
  return end;
}

// The authority names a host: optional user@, a name with a letter or digit (or an IPv6 literal
// in brackets), then an optional :port of digits.
function hasHost(rest) {
  const authority = rest.split(/[/?#]/)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host[0] === '[') return /^\[[\da-f:.]+\](?::\d*)?$/i.test(host);
  const colon = host.indexOf(':');
  const name = colon < 0 ? host : host.slice(0, colon);
  const port = colon < 0 ? '' : host.slice(colon + 1);
  return NAME.test(name) && LETTER_OR_DIGIT.test(name) && /^\d*$/.test(port);
}

/** The length of a post as the server counts it against its limit, each link counting `linkLength`. */
export function countText(text, linkLength = LINK_LENGTH) {
  const s = normalise(text);
  let n = 0;
  let at = 0;
  for (const [start, end] of links(s)) {
    n += graphemes(s.slice(at, start)) + linkLength;
    at = end;
  }
  return n + graphemes(s.slice(at));
}
