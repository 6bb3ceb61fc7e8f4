import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedText } from '../../src/fetch/feed.js';
import { InputError } from '../../src/model.js';

const BASE = 'https://gazette.example/feed';

test('RSS 2.0 items with guid, link and pubDate; relative links resolved', () => {
  const f = parseFeedText(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>https://gazette.example/</link>
     <item><title>Bridge reopens</title><link>/news/bridge</link><guid isPermaLink="false">b-1</guid><pubDate>Wed, 06 Mar 2024 09:30:00 +0100</pubDate></item>
     <item><title>No date</title><link>https://gazette.example/news/nodate</link></item></channel></rss>`,
    BASE,
  );
  assert.equal(f.format, 'rss');
  assert.deepEqual(f.items[0], {
    id: 'b-1',
    url: 'https://gazette.example/news/bridge',
    title: 'Bridge reopens',
    published: '2024-03-06',
  });
  assert.equal(f.items[1].published, null);
  assert.equal(f.items[1].id, 'https://gazette.example/news/nodate');
});

test('Atom entries', () => {
  const f = parseFeedText(
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>G</title><id>urn:g</id><updated>2024-03-06T00:00:00Z</updated>
     <entry><id>urn:e1</id><title>Ferry</title><link rel="alternate" href="https://gazette.example/ferry"/><published>2024-03-05T12:00:00Z</published><updated>2024-03-07T00:00:00Z</updated></entry></feed>`,
    BASE,
  );
  assert.equal(f.format, 'atom');
  assert.deepEqual(f.items[0], {
    id: 'urn:e1',
    url: 'https://gazette.example/ferry',
    title: 'Ferry',
    published: '2024-03-05',
  });
});

test('RDF (RSS 1.0) items with dc:date', () => {
  const f = parseFeedText(
    `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
     <channel rdf:about="https://gazette.example/"><title>G</title><link>https://gazette.example/</link></channel>
     <item rdf:about="https://gazette.example/quay"><title>Quay</title><link>https://gazette.example/quay</link><dc:date>2024-03-04</dc:date></item></rdf:RDF>`,
    BASE,
  );
  assert.equal(f.format, 'rdf');
  assert.equal(f.items[0].url, 'https://gazette.example/quay');
  assert.equal(f.items[0].published, '2024-03-04');
});

test('JSON Feed items', () => {
  const f = parseFeedText(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'G',
      items: [
        { id: 'j1', url: 'https://gazette.example/j1', title: 'J', date_published: '2024-03-03T08:00:00Z' },
      ],
    }),
    BASE,
  );
  assert.equal(f.format, 'json');
  assert.deepEqual(f.items[0], {
    id: 'j1',
    url: 'https://gazette.example/j1',
    title: 'J',
    published: '2024-03-03',
  });
});

test('invalid XML and non-feeds are InputErrors naming the feed', () => {
  for (const bad of [
    '<rss><channel><item><title>cut',
    'just some text',
    '<html><body>not a feed</body></html>',
  ])
    assert.throws(
      () => parseFeedText(bad, BASE),
      (e: unknown) => e instanceof InputError && e.message.startsWith(BASE),
    );
});
