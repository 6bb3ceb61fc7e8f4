import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTokens, encodeTokens } from '../../src/store/core/articles.js';
import { ftsQuery } from '../../src/store/index.js';

test('tokens round-trip through the compact encoding', async () => {
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

test('ftsQuery quotes words and phrases and drops FTS operators', async () => {
  assert.equal(ftsQuery('oil spill'), '"oil" "spill"');
  assert.equal(ftsQuery('"harbour master" Kelvik'), '"harbour master" "Kelvik"');
  assert.equal(ftsQuery('oil AND NEAR(x) -y *'), '"oil" "x" "y"');
  assert.equal(ftsQuery('  '), '');
});

test('prepared article rows decode back to the analysed articles', async () => {
  const { runPipeline } = await import('../../src/pipeline.js');
  const { prepareArticles, encodeTermStats, groupId } = await import('../../src/store/core/prepare.js');
  const { decodeSentenceMeta, tokenLines } = await import('../../src/store/core/annotations.js');
  const { sentenceTerms, SENTENCE_TERMS_VERSION } = await import('../../src/timeline/context.js');
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
  /** Unsigned LEB128 varints of a blob. */
  const varints = (blob: Uint8Array) => {
    const out: number[] = [];
    let n = 0;
    let scale = 1;
    for (const b of blob) {
      n += (b & 0x7f) * scale;
      if (b & 0x80) scale *= 128;
      else {
        out.push(n);
        n = 0;
        scale = 1;
      }
    }
    return out;
  };
  const storeIds = new Map<string, number>();
  const mapped = new Float64Array(prepared[0]!.dictionary.length);
  let dupGroups = 0;
  articles.forEach((a, i) => {
    const p = prepared[i]!;
    const sentences = (a as unknown as { sentences: import('../../src/model.js').Sentence[] }).sentences;
    assert.ok(sentences.length > 1);
    // Sentence fields: index, offsets, time expressions; one stored group id per near-duplicate group.
    const meta = decodeSentenceMeta(p.sentences);
    const lines = tokenLines(p.tokens);
    assert.equal(meta.length, sentences.length);
    const groupOf = new Map<number, number>();
    sentences.forEach((s, k) => {
      const [index, start, end, group, timexes] = meta[k]!;
      assert.deepEqual([index, start, end], [s.index, s.start, s.end]);
      assert.deepEqual(timexes ?? [], s.timexes);
      if (s.dupGroup === undefined) assert.equal(group, null);
      else {
        dupGroups++;
        if (!groupOf.has(s.dupGroup)) groupOf.set(s.dupGroup, groupId(s.text));
        assert.equal(group, groupOf.get(s.dupGroup));
      }
      assert.deepEqual(
        decodeTokens(lines[k]!, a.text, s.start),
        s.tokens.map((t) => ({ text: t.text, start: t.start, end: t.end })),
      );
    });
    // Term statistics: per sentence its word count and content terms, as the timeline builder computes them.
    const blob = encodeTermStats(p, sentences.length, mapped, (k) => {
      const t = p.dictionary[k]!;
      return storeIds.get(t) ?? storeIds.set(t, storeIds.size + 1).get(t)!;
    });
    const termOf = new Map([...storeIds].map(([t, id]) => [id, t]));
    const v = varints(blob);
    assert.deepEqual(v.slice(0, 2), [SENTENCE_TERMS_VERSION, sentences.length]);
    let at = 2;
    for (const s of sentences) {
      const { terms, words } = sentenceTerms(a.text.slice(s.start, s.end));
      assert.deepEqual([v[at], v[at + 1]], [words, terms.length]);
      assert.deepEqual(
        v.slice(at + 2, at + 2 + terms.length).map((id) => termOf.get(id)),
        terms,
      );
      at += 2 + terms.length;
    }
    assert.equal(at, v.length);
    assert.deepEqual([...p.featureTerms], [...articleFeatures(a as never).terms]);
    assert.equal(p.orderKey, clusterOrderKey(a));
    assert.equal(p.raw === null, a.rawText === a.text);
  });
  // The two articles share their first sentence: a near-duplicate group was decoded above.
  assert.ok(dupGroups > 0);
});
