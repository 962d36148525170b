import { test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Element, all, install, parts } from '../test-support/fake-dom.js';

let ChorusMembers, groups, excerpt;
let feedElement;
before(async () => {
  install({ find: (selector) => (selector === '#posts' ? feedElement : null) });
  ({ ChorusMembers, groups, excerpt } = await import('../src/members.js'));
});

const ROOT = 'https://hub.example/chorus';
const ORGS = [
  { slug: 'werkhaus', name: 'Werkhaus Makerlab', website: 'https://werkhaus.example/', description: 'Machines for everyone', members: 2 },
  { slug: 'baltic-lab', name: 'Baltic Lab', website: null, description: '', members: 1 },
  { slug: 'empty-org', name: 'Aaa Empty', website: null, description: '', members: 0 },
];
const member = (handle, name, org, fields = {}) => ({
  handle, name, bio: '', links: [], role: 'member', status: 'active', joinedAt: '2026-01-01T00:00:00.000Z',
  organisation: org ? { slug: org, name: ORGS.find((o) => o.slug === org)?.name ?? org } : null,
  latestPost: null, ...fields,
});
const MEMBERS = [
  member('ulf', 'Ulf Zander', 'werkhaus', { bio: 'Runs the laser cutter' }),
  member('ada', 'Ada Berg', 'werkhaus', {
    latestPost: { id: '7', publishedAt: new Date(Date.now() - 3 * 36e5).toISOString(), text: 'Open lab on Saturday' },
  }),
  member('bo', 'Bo Lind', 'baltic-lab'),
  member('solo', 'Solo Person', null, { bio: 'Freelance designer' }),
  member('gone', 'Gone Away', 'baltic-lab', { status: 'suspended' }),
  member('nina', 'Nina Ort', 'new-org'),
];

// Answers the directory's two requests; `calls` records them.
let calls;
function serve({ members = MEMBERS, orgs = { status: 200, body: { items: ORGS } } } = {}) {
  calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init });
    const r = url.endsWith('/api/members') ? { status: 200, body: { items: members } }
      : url.endsWith('/api/organisations') ? orgs : { status: 404, body: null };
    return { ok: r.status < 300, status: r.status, json: async () => r.body };
  };
}

async function directory(attrs = {}) {
  const el = new ChorusMembers();
  for (const [k, v] of Object.entries({ src: ROOT, lang: 'en', ...attrs })) el.setAttribute(k, v);
  await el.load();
  return el;
}

const sections = (el) => parts(el.shadowRoot, 'organisation');
const text = (el, part) => parts(el, part).map((e) => e.textContent);

beforeEach(() => {
  feedElement = null;
  serve();
});

test('members are grouped by organisation, by name, with members without one in a group of their own last', () => {
  const list = groups(MEMBERS, ORGS, 'en');
  assert.deepEqual(list.map((g) => g.org && g.org.slug), ['baltic-lab', 'new-org', 'werkhaus', null]);
  assert.deepEqual(list.map((g) => g.members.map((m) => m.handle)), [['bo'], ['nina'], ['ada', 'ulf'], ['solo']]);
  assert.equal(list[2].org.description, 'Machines for everyone', 'the organisation list adds what members do not say');
});

test('suspended members and organisations without active members are left out', () => {
  const handles = groups(MEMBERS, ORGS, 'en').flatMap((g) => g.members.map((m) => m.handle));
  assert.ok(!handles.includes('gone'));
  assert.ok(!groups(MEMBERS, ORGS, 'en').some((g) => g.org && g.org.slug === 'empty-org'));
  assert.deepEqual(groups([], ORGS, 'en'), []);
});

test('a latest post reads on one line, cut to its length with an ellipsis, never inside an emoji', () => {
  assert.equal(excerpt('Open\n\nlab   today'), 'Open lab today');
  assert.equal(excerpt('a'.repeat(120)), 'a'.repeat(120));
  assert.equal(excerpt('a'.repeat(121)), 'a'.repeat(119) + '…');
  assert.equal(excerpt('😀'.repeat(10), 5), '😀😀😀😀…');
  assert.equal(excerpt(null), '');
});

test('the directory shows each organisation as a section with a heading and its people as a list', async () => {
  const el = await directory();
  const s = sections(el);
  assert.deepEqual(s.map((x) => text(x, 'org-name')[0]), ['Baltic Lab', 'new-org', 'Werkhaus Makerlab', 'Other members']);
  const werkhaus = s[2];
  const [heading] = parts(werkhaus, 'org-name');
  assert.equal(heading.tagName, 'H2');
  assert.equal(werkhaus.getAttribute('aria-labelledby'), heading.getAttribute('id'));
  assert.deepEqual(text(werkhaus, 'count'), ['2 people']);
  assert.deepEqual(text(werkhaus, 'org-description'), ['Machines for everyone']);
  assert.equal(parts(werkhaus, 'org-site')[0].getAttribute('href'), 'https://werkhaus.example/');
  const [list] = parts(werkhaus, 'people');
  assert.equal(list.tagName, 'UL');
  assert.deepEqual(list.children.map((li) => li.tagName), ['LI', 'LI']);
  assert.deepEqual(text(werkhaus, 'name'), ['Ada Berg', 'Ulf Zander']);
  assert.equal(parts(werkhaus, 'name')[0].tagName, 'H3');
  assert.deepEqual(text(werkhaus, 'handle'), ['@ada', '@ulf']);
  assert.deepEqual(text(werkhaus, 'bio'), ['Runs the laser cutter']);
  assert.equal(el.shadowRoot.children.find((c) => c.getAttribute('part') === 'directory').getAttribute('aria-busy'), 'false');
});

test('each member shows their latest post with a relative time, or nothing without one', async () => {
  const el = await directory();
  const [latest] = parts(el.shadowRoot, 'latest');
  assert.equal(latest.textContent, 'Latest post: Open lab on Saturday 3 hours ago');
  const [time] = parts(latest, 'time');
  assert.equal(time.getAttribute('datetime'), MEMBERS[1].latestPost.publishedAt);
  assert.ok(time.getAttribute('title'));
  assert.equal(parts(el.shadowRoot, 'latest').length, 1, 'only Ada has posted');
});

test('"Show posts" filters the <chorus-feed> named by feed to that member, with "Show all posts" to go back', async () => {
  const filtered = [];
  feedElement = Object.assign(new Element('chorus-feed'), { filter: (kind, v) => filtered.push([kind, v]) });
  const el = await directory({ feed: '#posts' });
  const buttons = parts(el.shadowRoot, 'show-posts');
  assert.equal(buttons.length, 5);
  assert.equal(buttons[0].tagName, 'BUTTON');
  assert.equal(buttons[0].textContent, 'Posts by Bo Lind');
  buttons[0].click();
  assert.deepEqual(filtered, [['member', 'bo']]);
});

test('a feed without the filter method (another version of the widget) gets its member attribute set', async () => {
  feedElement = new Element('chorus-feed');
  const el = await directory({ feed: '#posts' });
  parts(el.shadowRoot, 'show-posts')[1].click();
  assert.equal(feedElement.getAttribute('member'), 'nina');
});

test('without feed, each member links to ?member=handle', async () => {
  const el = await directory();
  const links = parts(el.shadowRoot, 'posts-link');
  assert.deepEqual(links.map((a) => [a.tagName, a.getAttribute('href')]),
    [['A', '?member=bo'], ['A', '?member=nina'], ['A', '?member=ada'], ['A', '?member=ulf'], ['A', '?member=solo']]);
  assert.deepEqual(parts(el.shadowRoot, 'show-posts'), []);
});

test('names, bios, organisations and posts made of markup show as the characters typed and make no elements', async () => {
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>';
  serve({
    members: [member('eve', evil, 'x', {
      organisation: { slug: 'x', name: evil }, bio: evil,
      latestPost: { id: '1', publishedAt: '2026-11-30T12:00:00.000Z', text: evil },
    })],
    orgs: { status: 200, body: { items: [{ slug: 'x', name: evil, website: 'javascript:alert(4)', description: evil }] } },
  });
  const el = await directory();
  const s = sections(el)[0];
  assert.equal(text(s, 'org-name')[0], evil);
  assert.equal(text(s, 'org-description')[0], evil);
  assert.equal(text(s, 'name')[0], evil);
  assert.equal(text(s, 'bio')[0], evil);
  assert.ok(text(s, 'latest')[0].includes(excerpt(evil)));
  assert.deepEqual(parts(s, 'org-site'), [], 'a javascript: website is no link');
  assert.deepEqual(all(el.shadowRoot, (e) => ['SCRIPT', 'IMG', 'SVG'].includes(e.tagName)), []);
});

test('reads go to the hub, with its cookies only on its own site', async () => {
  await directory();
  assert.deepEqual(calls.map((c) => c.url).sort(), [ROOT + '/api/members', ROOT + '/api/organisations']);
  assert.ok(calls.every((c) => c.init.credentials === 'same-origin'), 'the page is on the hub');
  await directory({ src: 'https://other-hub.example/chorus' });
  assert.deepEqual(calls.slice(2).map((c) => c.init.credentials), ['omit', 'omit'], 'another site gets no cookies');
});

test('without the list of organisations (an older hub) the members\' own references group them', async () => {
  serve({ orgs: { status: 404, body: null } });
  const el = await directory();
  assert.deepEqual(sections(el).map((x) => text(x, 'org-name')[0]), ['Baltic Lab', 'new-org', 'Werkhaus Makerlab', 'Other members']);
});

test('when the members cannot be loaded the reader is told, can retry, and the page\'s own content shows', async () => {
  serve({ members: null });
  globalThis.fetch = async () => ({ ok: false, status: 503, json: async () => null });
  const el = await directory();
  const state = parts(el.shadowRoot, 'state')[0];
  assert.equal(all(state, (e) => e.getAttribute('role') === 'alert')[0].textContent, 'The members could not be loaded.');
  assert.equal(all(state, (e) => e.tagName === 'SLOT').length, 1);
  serve();
  parts(state, 'retry')[0].click();
  await new Promise((done) => setTimeout(done, 10));
  assert.equal(sections(el).length, 4, 'the retry loaded the directory');
  assert.equal(state.textContent, '');
});

test('German readers get German, counts included', async () => {
  const el = await directory({ lang: 'de' });
  const s = sections(el);
  assert.equal(text(s[3], 'org-name')[0], 'Weitere Mitglieder');
  assert.equal(text(s[2], 'count')[0], '2 Personen');
  assert.equal(text(s[0], 'count')[0], '1 Person');
  assert.equal(parts(s[0], 'posts-link')[0].textContent, 'Beiträge von Bo Lind');
});
