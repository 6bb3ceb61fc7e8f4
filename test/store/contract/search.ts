/**
 * Search ranking, filters, the candidate bound and snippets on small fixtures of our own writing.
 */
import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { newArticle, type Article } from '../../../src/model.js';

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
