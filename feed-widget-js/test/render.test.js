import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { all, install, parts } from '../test-support/fake-dom.js';
import { READER, translator } from '../src/i18n.js';

let article, segment;
before(async () => {
  install();
  ({ article, segment } = await import('../src/render.js'));
});

const ROOT = 'https://hub.example/chorus';
const NOW = Date.parse('2026-11-30T12:03:00Z');

function post(fields = {}) {
  return {
    id: '7131',
    author: { handle: 'ada', name: 'Ada Example', organisation: { slug: 'baltic-lab', name: 'Baltic Lab' } },
    publishedAt: '2026-11-30T12:00:00.123Z',
    text: 'Hello',
    segments: [{ type: 'text', text: 'Hello' }],
    inReplyTo: null,
    inReplyToAuthor: null,
    source: { kind: 'native' },
    preview: null,
    appreciations: 0,
    appreciatedByMe: false,
    editedAt: null,
    ...fields,
  };
}

function render(p, filtered = []) {
  return article(p, {
    t: translator(READER, 'en'),
    lang: 'en',
    now: NOW,
    root: ROOT,
    filter: (kind, value) => filtered.push([kind, value]),
  });
}

const text = (el) => parts(el, 'text')[0];

test('a link opens in a new tab without passing on the page or vouching for the target', () => {
  const el = render(post({
    text: 'See https://www.example.org/kickoff',
    segments: [{ type: 'text', text: 'See ' }, { type: 'link', text: 'https://www.example.org/kickoff', href: 'https://www.example.org/kickoff' }],
  }));
  const [a] = all(text(el), (e) => e.tagName === 'A');
  assert.equal(a.getAttribute('href'), 'https://www.example.org/kickoff');
  assert.equal(a.getAttribute('target'), '_blank');
  assert.equal(a.getAttribute('rel'), 'noopener nofollow ugc');
  assert.equal(a.textContent, 'example.org/kickoff');
  assert.equal(text(el).textContent, 'See example.org/kickoff');
});

test('a long link reads shortened, its href stays whole', () => {
  const href = 'https://example.org/' + 'a'.repeat(60);
  const a = segment({ type: 'link', text: href, href }, () => {});
  assert.equal(a.getAttribute('href'), href);
  assert.equal(a.textContent, 'example.org/' + 'a'.repeat(27) + '…');
});

test('a link to anything but http or https shows as plain text, never as a link', () => {
  for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', '/relative', 'not a url']) {
    const shown = segment({ type: 'link', text: href, href }, () => {});
    assert.equal(shown, href, href);
  }
});

test('a mention and a tag are buttons that filter the widget to that member or tag', () => {
  const filtered = [];
  const el = render(post({
    text: 'Thanks @bob for #BalticLab',
    segments: [
      { type: 'text', text: 'Thanks ' },
      { type: 'mention', text: '@bob', handle: 'bob' },
      { type: 'text', text: ' for ' },
      { type: 'tag', text: '#BalticLab', tag: 'BalticLab' },
    ],
  }), filtered);
  const [mention] = parts(el, 'mention');
  const [tag] = parts(el, 'tag');
  assert.equal(mention.tagName, 'BUTTON');
  assert.equal(mention.textContent, '@bob');
  assert.equal(tag.textContent, '#BalticLab');
  mention.click();
  tag.click();
  assert.deepEqual(filtered, [['member', 'bob'], ['tag', 'BalticLab']]);
  assert.equal(text(el).textContent, 'Thanks @bob for #BalticLab');
});

test('a segment of a type the widget does not know shows its text', () => {
  assert.equal(segment({ type: 'emoji', text: ':wave:', name: 'wave' }, () => {}), ':wave:');
  assert.equal(segment({ type: 'mention', text: '@nobody' }, () => {}), '@nobody');
});

test('markup in a post shows as the characters typed and makes no elements', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '&lt;b&gt;bold&lt;/b&gt;',
  ];
  const all_ = payloads.join(' ');
  const el = render(post({ text: all_, segments: [{ type: 'text', text: all_ }] }));
  assert.equal(text(el).textContent, all_);
  assert.deepEqual(text(el).children, []);
  assert.deepEqual(all(el, (e) => ['SCRIPT', 'IMG', 'SVG'].includes(e.tagName)), []);
});

test('a post without segments shows its text', () => {
  const el = render(post({ text: 'Plain <b>text</b>', segments: [] }));
  assert.equal(text(el).textContent, 'Plain <b>text</b>');
});

test('the article is named by its author and shows organisation and handle', () => {
  const el = render(post());
  const [author] = parts(el, 'author');
  assert.equal(el.tagName, 'ARTICLE');
  assert.equal(author.textContent, 'Ada Example');
  assert.equal(el.getAttribute('aria-labelledby'), author.getAttribute('id'));
  assert.equal(parts(el, 'org')[0].textContent, 'Baltic Lab');
  assert.equal(parts(el, 'handle')[0].textContent, '@ada');
});

test('the time reads relative, with the exact time in datetime and title', () => {
  const el = render(post());
  const [time] = parts(el, 'time');
  assert.equal(time.tagName, 'TIME');
  assert.equal(time.getAttribute('datetime'), '2026-11-30T12:00:00.123Z');
  assert.equal(time.textContent, '2 minutes ago');
  assert.match(time.getAttribute('title'), /November \d+, 2026/);
});

test('an edited post says so; an unedited one does not', () => {
  assert.equal(parts(render(post({ editedAt: '2026-11-30T12:01:00Z' })), 'edited')[0].textContent, 'edited');
  assert.deepEqual(parts(render(post()), 'edited'), []);
});

test('a reply says whom it answers', () => {
  const el = render(post({ inReplyTo: '7000', inReplyToAuthor: { handle: 'bob', name: 'Bob' } }));
  assert.equal(parts(el, 'reply-context')[0].textContent, 'In reply to @bob');
  const unknown = render(post({ inReplyTo: '7000' }));
  assert.equal(parts(unknown, 'reply-context')[0].textContent, 'In reply to an earlier post');
  assert.deepEqual(parts(render(post()), 'reply-context'), []);
});

test('a blog entry links to the original under its title, and its text shows like any post', () => {
  const el = render(post({ source: { kind: 'blog', url: 'https://ada.example/blog/kickoff', title: 'Our kick-off' } }));
  const [link] = parts(el, 'source-link');
  assert.equal(link.getAttribute('href'), 'https://ada.example/blog/kickoff');
  assert.equal(link.textContent, 'Our kick-off');
  assert.equal(link.getAttribute('rel'), 'noopener nofollow ugc');
  assert.equal(text(el).textContent, 'Hello');
  const hostile = render(post({ source: { kind: 'blog', url: 'javascript:alert(1)', title: 'x' } }));
  assert.deepEqual(parts(hostile, 'source-link'), []);
});

test('a preview card shows its image only when the image comes from the hub', () => {
  const preview = (image) => render(post({
    preview: { url: 'https://example.org/kickoff', title: 'Kick-off', description: 'We start', siteName: 'Example', image },
  }));
  const own = preview('https://hub.example/chorus/previews/1.jpg');
  const [card] = parts(own, 'preview');
  assert.equal(card.getAttribute('href'), 'https://example.org/kickoff');
  assert.equal(card.textContent, 'Kick-offWe startExample');
  assert.equal(parts(own, 'preview-image')[0].getAttribute('src'), 'https://hub.example/chorus/previews/1.jpg');
  const path = preview('/chorus/previews/2.png');
  assert.equal(parts(path, 'preview-image')[0].getAttribute('src'), 'https://hub.example/chorus/previews/2.png',
    'a path is on the hub\'s origin');
  assert.equal(parts(own, 'preview-image')[0].getAttribute('loading'), 'lazy');
  assert.equal(parts(own, 'preview-image')[0].getAttribute('alt'), '', 'the title beside it names the picture');
  for (const image of ['https://tracker.example/pixel.gif', '//tracker.example/pixel.gif', 'http://[',  'http://hub.example/chorus/previews/1.jpg', 'https://hub.example:8443/x.jpg', 'javascript:alert(1)', null]) {
    const el = preview(image);
    assert.equal(parts(el, 'preview').length, 1, String(image));
    assert.deepEqual(all(el, (e) => e.tagName === 'IMG'), [], String(image));
  }
});

test('the appreciation count shows when there are any', () => {
  assert.equal(parts(render(post({ appreciations: 3 })), 'appreciations')[0].textContent, '3 appreciations');
  assert.equal(parts(render(post({ appreciations: 1 })), 'appreciations')[0].textContent, '1 appreciation');
  assert.deepEqual(parts(render(post()), 'appreciations'), []);
});

test('a preview card shows markup in its fields as text, never as elements', () => {
  const el = render(post({
    preview: { url: 'https://example.org/x', title: '<img src=x onerror=alert(1)>', description: '<b>bold</b>',
      siteName: '<script>alert(2)</script>', image: null },
  }));
  const [card] = parts(el, 'preview');
  assert.equal(card.textContent, '<img src=x onerror=alert(1)><b>bold</b><script>alert(2)</script>');
  assert.deepEqual(all(el, (e) => ['IMG', 'B', 'SCRIPT'].includes(e.tagName)), []);
  const hostile = render(post({ preview: { url: 'javascript:alert(1)', title: 'x', image: '/chorus/previews/1.png' } }));
  assert.deepEqual(parts(hostile, 'preview'), [], 'no card for a link that is not http(s)');
});
