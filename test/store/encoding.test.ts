import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTokens, encodeTokens } from '../../src/store/sqlite.js';
import { ftsQuery } from '../../src/store/index.js';

test('tokens round-trip through the compact encoding', () => {
  const text = 'Intro. The pier, at dawn: closed!';
  const start = 7;
  const tokens = [...text.slice(start).matchAll(/\w+|[^\w\s]/g)].map((m) => ({
    text: m[0],
    start: start + m.index!,
    end: start + m.index! + m[0].length,
  }));
  const enc = encodeTokens(tokens, start);
  assert.ok(enc.length < JSON.stringify(tokens.flatMap((t) => [t.start, t.end])).length);
  assert.deepEqual(decodeTokens(enc, text, start), tokens);
  assert.deepEqual(decodeTokens('', text, start), []);
  // Rows written as JSON offset arrays are still read.
  assert.deepEqual(decodeTokens('[7,10,11,15]', text, start), tokens.slice(0, 2));
});

test('ftsQuery quotes words and phrases and drops FTS operators', () => {
  assert.equal(ftsQuery('oil spill'), '"oil" "spill"');
  assert.equal(ftsQuery('"harbour master" Kelvik'), '"harbour master" "Kelvik"');
  assert.equal(ftsQuery('oil AND NEAR(x) -y *'), '"oil" "x" "y"');
  assert.equal(ftsQuery('  '), '');
});

test('prepared article rows are what the per-article encoders write', async () => {
  const { runPipeline } = await import('../../src/pipeline.js');
  const { prepareArticles, encodeTermStats, groupId } = await import('../../src/store/prepare.js');
  const { encodeAnnotations } = await import('../../src/store/annotations.js');
  const { encodeArticleTerms } = await import('../../src/store/timeline-state.js');
  const { articleFeatures, clusterOrderKey } = await import('../../src/stories/cluster.js');
  const base = {
    path: null,
    url: null,
    canonicalUrl: null,
    byline: null,
    source: null,
    publishedAt: '2024-03-01',
    publishedAtEvidence: null,
    language: 'en',
    text: '',
    removed: [],
    sentences: [],
    mentions: [],
    quotes: [],
    warnings: [],
  };
  const articles = [
    {
      ...base,
      id: 'a',
      title: 'Pier closed',
      rawText: 'The pier at Kelvik closed on Monday.  Ingrid Solvang said repairs start in May.',
    },
    {
      ...base,
      id: 'b',
      title: 'Pier',
      rawText: 'The pier at Kelvik closed on Monday. Fishing boats moved to Harbour Two.',
    },
  ];
  runPipeline(articles as never);
  const prepared = prepareArticles(articles as never);
  const ids = new Map<string, number>();
  const idOf = (t: string) => ids.get(t) ?? ids.set(t, ids.size + 1).get(t)!;
  const mapped = new Float64Array(prepared[0]!.dictionary.length);
  articles.forEach((a, i) => {
    const p = prepared[i]!;
    const firstOfGroup = new Map<number, number>();
    const ann = encodeAnnotations(a.sentences, a.mentions, {
      encodeTokens,
      groupOf: (s) => {
        if (s.dupGroup === undefined) return null;
        if (!firstOfGroup.has(s.dupGroup)) firstOfGroup.set(s.dupGroup, groupId(s.text));
        return firstOfGroup.get(s.dupGroup)!;
      },
      entityOf: () => null,
    });
    assert.equal(p.sentences, ann.sentences);
    assert.equal(p.tokens, ann.tokens);
    // The same term ids, assigned in the same order of first use, as encodeArticleTerms gives.
    const seen = new Map(ids);
    const expected = encodeArticleTerms(a as never, idOf);
    const got = encodeTermStats(p, a.sentences.length, mapped, (k) => {
      const t = p.dictionary[k]!;
      return seen.get(t) ?? seen.set(t, seen.size + 1).get(t)!;
    });
    assert.deepEqual([...got], [...expected]);
    assert.deepEqual([...p.featureTerms], [...articleFeatures(a as never).terms]);
    assert.equal(p.orderKey, clusterOrderKey(a));
    assert.equal(p.raw === null, a.rawText === a.text);
  });
});
