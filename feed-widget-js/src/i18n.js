// Every string the widget shows, one table per language.
// To add a language, add an entry to READER (what every reader sees) and, for signed-in members,
// to MEMBER; a missing key falls back to English. "{n}" and other names in braces are filled in;
// a value with "one"/"other" (and any other Intl.PluralRules category) is chosen by the count n.
// The two tables are separate so the reader's download carries none of the member strings.

export const READER = {
  en: {
    feed: 'Posts',
    loading: 'Loading posts…',
    empty: 'No posts yet.',
    error: 'The posts could not be loaded.',
    retry: 'Try again',
    offline: 'You are offline. New posts will show when you are back online.',
    older: 'Load older posts',
    end: 'That was the first post.',
    newPosts: { one: '{n} new post', other: '{n} new posts' },
    edited: 'edited',
    appreciations: { one: '{n} appreciation', other: '{n} appreciations' },
    replyTo: 'In reply to {name}',
    replyToPost: 'In reply to an earlier post',
    blog: 'From the blog:',
    more: 'Show more',
    less: 'Show less',
    byMember: 'Posts by @{v}',
    byTag: 'Posts tagged #{v}',
    showAll: 'Show all posts',
  },
  de: {
    feed: 'Beiträge',
    loading: 'Beiträge werden geladen…',
    empty: 'Noch keine Beiträge.',
    error: 'Die Beiträge konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
    offline: 'Sie sind offline. Neue Beiträge erscheinen, sobald Sie wieder online sind.',
    older: 'Ältere Beiträge laden',
    end: 'Das war der erste Beitrag.',
    newPosts: { one: '{n} neuer Beitrag', other: '{n} neue Beiträge' },
    edited: 'bearbeitet',
    appreciations: { one: '{n} Wertschätzung', other: '{n} Wertschätzungen' },
    replyTo: 'Antwort an {name}',
    replyToPost: 'Antwort auf einen früheren Beitrag',
    blog: 'Aus dem Blog:',
    more: 'Mehr anzeigen',
    less: 'Weniger anzeigen',
    byMember: 'Beiträge von @{v}',
    byTag: 'Beiträge mit #{v}',
    showAll: 'Alle Beiträge zeigen',
  },
};

export const MEMBER = {
  en: {
    compose: 'Write a post',
    post: 'Post',
    posted: 'Posted.',
    reply: 'Reply',
    replyLabel: 'Reply to {name}',
    replied: 'Reply posted.',
    edit: 'Edit',
    editLabel: 'Edit your post',
    save: 'Save',
    saved: 'Saved.',
    cancel: 'Cancel',
    delete: 'Delete',
    confirmDelete: 'Delete this post?',
    deleted: 'Post deleted.',
    appreciate: 'Appreciate',
    count: '{n} of {max} characters',
    over: { one: '{n} character too many', other: '{n} characters too many' },
    sending: 'Sending…',
    signedOut: 'You are signed out. Sign in again, then retry.',
    forbidden: 'You are not allowed to do that.',
    notFound: 'That post no longer exists.',
    tooLong: 'The post is too long.',
    rateLimited: { one: 'Too many posts at once. Try again in {n} second.', other: 'Too many posts at once. Try again in {n} seconds.' },
    rateLimitedSoon: 'Too many posts at once. Try again shortly.',
    network: 'The hub could not be reached. Check your connection and retry.',
    failed: 'That did not work (error {status}).',
  },
  de: {
    compose: 'Beitrag schreiben',
    post: 'Veröffentlichen',
    posted: 'Veröffentlicht.',
    reply: 'Antworten',
    replyLabel: 'Antwort an {name}',
    replied: 'Antwort veröffentlicht.',
    edit: 'Bearbeiten',
    editLabel: 'Beitrag bearbeiten',
    save: 'Speichern',
    saved: 'Gespeichert.',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    confirmDelete: 'Diesen Beitrag löschen?',
    deleted: 'Beitrag gelöscht.',
    appreciate: 'Wertschätzen',
    count: '{n} von {max} Zeichen',
    over: { one: '{n} Zeichen zu viel', other: '{n} Zeichen zu viel' },
    sending: 'Wird gesendet…',
    signedOut: 'Sie sind abgemeldet. Melden Sie sich wieder an und versuchen Sie es erneut.',
    forbidden: 'Das dürfen Sie nicht.',
    notFound: 'Diesen Beitrag gibt es nicht mehr.',
    tooLong: 'Der Beitrag ist zu lang.',
    rateLimited: { one: 'Zu viele Beiträge auf einmal. Versuchen Sie es in {n} Sekunde erneut.', other: 'Zu viele Beiträge auf einmal. Versuchen Sie es in {n} Sekunden erneut.' },
    rateLimitedSoon: 'Zu viele Beiträge auf einmal. Versuchen Sie es gleich erneut.',
    network: 'Der Hub ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    failed: 'Das hat nicht geklappt (Fehler {status}).',
  },
};

// <chorus-members>: the directory's strings (in widget.js, beside the feed's).
export const DIRECTORY = {
  en: {
    directory: 'Members',
    loading: 'Loading members…',
    empty: 'No members yet.',
    error: 'The members could not be loaded.',
    retry: 'Try again',
    others: 'Other members',
    people: { one: '{n} person', other: '{n} people' },
    latest: 'Latest post:',
    showPosts: 'Posts by {name}',
  },
  de: {
    directory: 'Mitglieder',
    loading: 'Mitglieder werden geladen…',
    empty: 'Noch keine Mitglieder.',
    error: 'Die Mitglieder konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
    others: 'Weitere Mitglieder',
    people: { one: '{n} Person', other: '{n} Personen' },
    latest: 'Neuester Beitrag:',
    showPosts: 'Beiträge von {name}',
  },
};

/** A BCP 47 tag Intl accepts: `lang` canonicalised, or "en" when it is empty or malformed. */
export function locale(lang) {
  try {
    return Intl.getCanonicalLocales(lang || [])[0] || 'en';
  } catch {
    return 'en';
  }
}

/**
 * A function `t(key, vars)` giving the string for `key` in `lang` from `table`, looking in
 * "de-AT", then "de", then "en". Unknown keys give the key itself, so a gap is visible, never blank.
 */
export function translator(table, lang) {
  const tag = locale(lang);
  const parts = tag.split('-');
  const strings = Object.assign({}, table.en);
  for (let i = 1; i <= parts.length; i++) Object.assign(strings, table[parts.slice(0, i).join('-')]);
  const plural = new Intl.PluralRules(tag);
  return (key, vars = {}) => {
    let s = strings[key] ?? key;
    if (typeof s === 'object') s = s[plural.select(vars.n)] ?? s.other;
    return s.replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
  };
}

/** The language of an element's UI: its own lang, else the closest ancestor's, else the browser's. */
export function pageLanguage(el) {
  return locale(el.closest('[lang]')?.getAttribute('lang') || navigator.language);
}
