/**
 * Search ranking, filters, the candidate bound and snippets on small fixtures of our own writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { contract, freshPgLocation, PG_URL } from './backends.js';
import { newArticle, type Article } from '../../../src/model.js';
import { openStore, type SearchFilters, type Store } from '../../../src/store/index.js';

const FILLER = [
  'The weather on the coast stayed mild for most of the week.',
  'Shops in the old town opened late because of a public holiday.',
  'A choir from the valley sang at the market square on Saturday.',
  'Road works on the ring road are expected to finish next month.',
  'The library extended its opening hours for the exam season.',
];

function article(id: string, title: string, body: string, fields: Partial<Article> = {}): Article {
  return newArticle({ id, title, rawText: body, publishedAt: '2024-05-01', source: 'Test Post', ...fields });
}

contract(
  'search ranks by relevance: more and denser matches first, a title match above a body match',
  ['ranking'],
  async (b) => {
    const s = await b.open();
    await s.ingest(
      [
        article('once', 'Town notes', `${FILLER.join(' ')} A ferry left the harbour at noon.`),
        article(
          'dense',
          'Harbour news',
          'The ferry strike closed the harbour. Ferry crews said the ferry timetable is suspended.',
        ),
        article(
          'twice',
          'Weekend',
          `${FILLER.slice(0, 3).join(' ')} The ferry was late. The ferry was full.`,
        ),
        article('none', 'Market day', FILLER.join(' ')),
      ],
      { analyze: 'never' },
    );
    const hits = await s.search('ferry');
    assert.deepEqual(
      hits.map((h) => h.articleId),
      ['dense', 'twice', 'once'],
    );
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score > hits[i].score);

    // Same body, the word in the title as well ranks first (title weighs 4x).
    const t = await b.open();
    await t.ingest(
      [
        article('body', 'Evening report', `${FILLER[0]} The lighthouse keeper retired. ${FILLER[1]}`),
        article('title', 'Lighthouse keeper', `${FILLER[2]} The lighthouse keeper retired. ${FILLER[3]}`),
      ],
      { analyze: 'never' },
    );
    assert.deepEqual(
      (await t.search('lighthouse')).map((h) => h.articleId),
      ['title', 'body'],
    );
    await s.close();
    await t.close();
  },
);

contract(
  'snippets mark stemmed matches in a window of the text, cut with an ellipsis',
  ['ranking'],
  async (b) => {
    const s = await b.open();
    const body = `${FILLER.join(' ')} Volunteers cleaned the spilled oil from two beaches. ${FILLER.join(' ')}`;
    await s.ingest([article('a', 'Coast report', body)], { analyze: 'never' });
    const [hit] = await s.search('spill beach');
    assert.match(hit.snippet, /\[spilled\] oil from two \[beaches\]/);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'));
    assert.ok(hit.snippet.split(/\s+/).length <= 18);
    // Only a title match: the snippet is the title.
    await s.ingest([article('b', 'Lifeboat crew honoured', FILLER.join(' '))], { analyze: 'never' });
    assert.equal((await s.search('lifeboat'))[0].snippet, '[Lifeboat] crew honoured');
    await s.close();
  },
);

contract(
  'with more matches than candidates, the most recent are ranked and selective filters still find older hits',
  ['ranking'],
  async (b) => {
    const s = await b.open({ searchCandidates: 10 });
    const arts: Article[] = [];
    for (let i = 0; i < 40; i++)
      arts.push(
        article(
          `n${i}`,
          `Bulletin ${i}`,
          `${FILLER[i % FILLER.length]} The bridge ${i % 4 === 0 ? 'bridge bridge ' : ''}on route ${i} reopened after repairs.`,
          {
            publishedAt: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
            source: i === 3 ? 'Valley Herald' : 'Test Post',
          },
        ),
      );
    // One batch per article: rowids follow the list order.
    for (const a of arts) await s.ingest([a], { analyze: 'never' });
    const all = await s.search('bridge', { limit: 5 });
    // Candidates are the 10 most recently stored matches (n30..n39); the denser ones (i % 4 == 0) rank first.
    assert.deepEqual(
      all
        .map((h) => h.articleId)
        .slice(0, 2)
        .sort(),
      ['n32', 'n36'],
    );
    assert.ok(all.every((h) => Number(h.articleId.slice(1)) >= 30));
    // A filter kept by some candidates: ranked among them.
    const early = (await s.search('bridge', { from: '2024-01-01', to: '2024-01-05', limit: 3 })).map(
      (h) => h.articleId,
    );
    assert.equal(early[0], 'n32');
    assert.deepEqual(early.slice(1).sort(), ['n30', 'n31']);
    // Fewer hits than asked for among the candidates: the 10 most recent matches that pass the filter are ranked
    // (n0-n4 and n28-n32); the dense ones (n0, n4, n28, n32) come first.
    const more = (await s.search('bridge', { from: '2024-01-01', to: '2024-01-05', limit: 5 })).map(
      (h) => h.articleId,
    );
    assert.deepEqual(more.slice(0, 4).sort(), ['n0', 'n28', 'n32', 'n4']);
    // A filter no candidate passes: the most recent matches that pass it are ranked instead.
    assert.deepEqual(
      (await s.search('bridge', { source: 'valley herald' })).map((h) => h.articleId),
      ['n3'],
    );
    // Without the bound, every match is a candidate.
    const u = await b.open();
    for (const a of arts) await u.ingest([a], { analyze: 'never' });
    const top = (await u.search('bridge', { limit: 3 })).map((h) => Number(h.articleId.slice(1)));
    assert.ok(top.every((i) => i % 4 === 0));
    assert.ok(top.some((i) => i < 30));
    await s.close();
    await u.close();
  },
);

/**
 * PostgreSQL finds a query's most recent matches bucket by bucket of rowids (postgres/search.ts): over a store
 * of several buckets, with words of every frequency, words that always come together, a phrase and filters,
 * it must give what one plain statement gives (the most recent matches ranked, then filtered). The rows are
 * written with SQL (28,000 articles through ingest would take minutes); their texts are generated here.
 */
test(
  'PostgreSQL: search over several recency buckets gives the most recent matches, as one plain statement does',
  { skip: PG_URL ? false : 'CHRONICLE_TEST_PG not set' },
  async () => {
    const { url, drop } = await freshPgLocation();
    const stores: Store[] = [];
    try {
      const s = await openStore(url, { searchCandidates: 300 });
      stores.push(s, await openStore(url));
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // Row g: "ferry" in every second, "lantern" in every 20th, "quarry" in every 900th, "orchard" and
        // "bellows" together in every 15th, "signal keeper" as a phrase in every 7th ("keeper signal" in every
        // 11th), "gazebo" only in the newest rows, "turnip" only in the oldest; some words twice (ranks differ).
        await c.query(`INSERT INTO articles (rowid, id, content_hash, title, text, source, published_at, added_at, fts)
          SELECT g, 'a' || g, 'h' || g, t.title, t.text, CASE WHEN g % 3 = 0 THEN 'Valley Post' ELSE 'Coast Daily' END,
            '2024-01-' || lpad((g % 28 + 1)::text, 2, '0'), '2024-02-01T00:00:00Z',
            setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.text), 'B')
          FROM generate_series(1, 28000) g, LATERAL (SELECT
            CASE WHEN g % 13 = 0 THEN 'Lantern notes' ELSE 'Notes ' || g END AS title,
            concat_ws(' ', 'The town council met on day', g::text, '.',
              CASE WHEN g % 2 = 0 THEN 'A ferry left.' END, CASE WHEN g % 10 = 0 THEN 'The ferry was late.' END,
              CASE WHEN g % 20 = 0 THEN 'A lantern was lit.' END, CASE WHEN g % 40 = 0 THEN 'The lantern glowed.' END,
              CASE WHEN g % 900 = 0 THEN 'The quarry closed.' END,
              CASE WHEN g % 15 = 0 THEN 'The orchard bellows rang.' END, CASE WHEN g % 45 = 0 THEN 'Bellows again.' END,
              CASE WHEN g % 7 = 0 THEN 'The signal keeper waved.' END, CASE WHEN g % 11 = 0 THEN 'The keeper signal failed.' END,
              CASE WHEN g > 27000 AND g % 4 = 0 THEN 'A gazebo was built.' END,
              CASE WHEN g < 600 AND g % 3 = 0 THEN 'Turnip prices rose.' END) AS text) t`);
        await c.query('ANALYZE articles');
        // The reference: the most recent `cap` matches ranked, then filtered; if fewer than `limit` pass and there
        // are more matches than `cap`, the most recent `cap` matches that pass the filters.
        const reference = async (terms: string, cap: number, filter = 'true', limit = 20) => {
          const q = `(${terms
            .match(/"[^"]+"|\S+/g)!
            .map((w) => `phraseto_tsquery('english', ${pg.escapeLiteral(w.replace(/"/g, ''))})`)
            .join(' && ')})`;
          const ranked = (inner: string, outer: string) =>
            `SELECT a.id, ts_rank('{0.1, 0.2, 0.25, 1.0}', a.fts, ${q}) AS r FROM (SELECT * FROM articles
              WHERE fts @@ ${q} AND ${inner} ORDER BY rowid DESC LIMIT ${cap}) a WHERE ${outer}
              ORDER BY r DESC, a.rowid DESC LIMIT ${limit}`;
          let rows = (await c.query(ranked('true', filter))).rows;
          const all = (await c.query(`SELECT count(*)::int AS n FROM articles WHERE fts @@ ${q}`)).rows[0].n;
          if (rows.length < limit && all > cap) rows = (await c.query(ranked(filter, 'true'))).rows;
          return rows.map((r) => `${r.id} ${Number(Number(r.r).toPrecision(4))}`);
        };
        const got = async (store: Store, terms: string, f: SearchFilters = {}) =>
          (await store.search(terms, f)).map((h) => `${h.articleId} ${h.score}`);
        for (const [terms, f, filter] of [
          ['ferry', {}, 'true'],
          ['lantern', {}, 'true'],
          ['quarry', {}, 'true'],
          ['orchard bellows', {}, 'true'],
          ['"signal keeper"', {}, 'true'],
          ['gazebo ferry', {}, 'true'],
          ['turnip', {}, 'true'],
          ['lantern', { source: 'valley post' }, "lower(source) = 'valley post'"],
          ['ferry', { from: '2024-01-03', to: '2024-01-03' }, "published_at = '2024-01-03'"],
          ['turnip lantern', { source: 'Valley Post' }, "lower(source) = 'valley post'"],
        ] as [string, SearchFilters, string][]) {
          for (const [store, cap] of [
            [stores[0]!, 300],
            [stores[1]!, 5000],
          ] as [Store, number][]) {
            const want = await reference(terms, cap, filter);
            assert.ok(want.length > 0, `${terms}: the fixture matches`);
            assert.deepEqual(
              await got(store, terms, f),
              want,
              `${terms} ${JSON.stringify(f)} at ${cap} candidates`,
            );
          }
        }
      } finally {
        await c.end();
      }
    } finally {
      for (const s of stores) await s.close();
      await drop();
    }
  },
);
