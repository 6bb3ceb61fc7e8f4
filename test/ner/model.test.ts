import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newArticle, type Article } from '../../src/model.js';
import { shippedModel, tagMentions } from '../../src/nlp/ner/index.js';
import { tagDocument, tagDocumentBilou, tagDocumentReference } from '../../src/nlp/ner/tagger.js';

/** An article with hand-made sentences and whitespace tokens (independent of the sentence splitter). */
function article(sentences: string[]): Article {
  const text = sentences.join(' ');
  const a = newArticle({ id: 't', rawText: text });
  let pos = 0;
  a.sentences = sentences.map((s, index) => {
    const start = text.indexOf(s, pos);
    pos = start + s.length;
    const tokens: Article['sentences'][number]['tokens'] = [];
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)))
      tokens.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
    return { index, start, end: pos, text: s, tokens, timexes: [] };
  });
  return a;
}

test('the shipped model loads and has both passes and a gazetteer', () => {
  const m = shippedModel();
  assert.equal(m.passes.length, 2);
  assert.ok(m.index.size > 10_000);
  assert.ok(m.gazetteer && m.gazetteer.names.size > 1000);
});

test('tags people, organisations and places in plain news prose, with offsets into the text', () => {
  const a = article([
    'Olaf Brandt met officials of the World Health Organization in Geneva on Monday .',
    'Brandt later flew to Nairobi .',
  ]);
  const got = tagMentions(a).map((m) => [m.text, m.type, m.sentenceIndex]);
  assert.deepEqual(got, [
    ['Olaf Brandt', 'PERSON', 0],
    ['World Health Organization', 'ORG', 0],
    ['Geneva', 'LOC', 0],
    ['Brandt', 'PERSON', 1],
    ['Nairobi', 'LOC', 1],
  ]);
  for (const m of tagMentions(a)) assert.equal(a.text.slice(m.start, m.end), m.text);
});

test('all-caps headlines are tagged too', () => {
  const tags = tagDocument(shippedModel(), [
    ['FLOODS', 'CLOSE', 'ROADS', 'IN', 'VIENNA'],
    ['Police', 'in', 'Vienna', 'said', 'roads', 'were', 'shut', '.'],
  ]);
  assert.equal(tags[0][4], 'B-LOC');
  assert.equal(tags[1][2], 'B-LOC');
  assert.deepEqual(tags[0].slice(0, 3), ['O', 'O', 'O']);
});

test('lower-case prose has no entities', () => {
  const a = article(['the committee said prices would rise again next year .']);
  assert.deepEqual(tagMentions(a), []);
});

test('the fast tagging path gives the same tags as the plain feature-string path', () => {
  const doc = [
    ['RIVER', 'PORT', 'STRIKE', 'ENDS'],
    [
      'Dock',
      'workers',
      'at',
      'Port',
      'Elmira',
      'ended',
      'their',
      'strike',
      ',',
      'the',
      'Transport',
      'Union',
      'said',
      '.',
    ],
    ['Union', 'leader', 'Sanna', 'Virtanen', 'told', 'Reuters', 'the', 'deal', 'was', 'fair', '.'],
    ['"', 'We', 'won', ',', '"', 'Virtanen', 'said', '.'],
  ];
  const m = shippedModel();
  assert.deepEqual(tagDocumentBilou(m, doc), tagDocumentReference(m, doc));
});

test('an article without sentences has no mentions', () => {
  assert.deepEqual(tagMentions(newArticle({ id: 'e', rawText: '' })), []);
});

test('Title Case headlines are read like capitals, not as a run of names', async () => {
  const { isTitleCaseHeadline } = await import('../../src/nlp/ner/features.js');
  assert.equal(isTitleCaseHeadline(['Ferry', 'Operator', 'Cancels', 'Winter', 'Crossings']), true);
  assert.equal(isTitleCaseHeadline(['Olaf', 'Brandt', 'visited', 'Geneva', 'Airport', '.']), false);
  assert.equal(isTitleCaseHeadline(['FERRY', 'OPERATOR', 'CANCELS', 'CROSSINGS']), false);
  const body = [
    'The',
    'ferry',
    'operator',
    'said',
    'it',
    'cancels',
    'crossings',
    'to',
    'Oslo',
    'in',
    'winter',
    '.',
  ];
  const tags = tagDocument(shippedModel(), [
    ['Ferry', 'Operator', 'Cancels', 'Winter', 'Crossings', 'To', 'Oslo'],
    body,
  ]);
  assert.deepEqual(tags[0], ['O', 'O', 'O', 'O', 'O', 'O', 'B-LOC']);
  // A line of names with no lower-case use elsewhere keeps its capitals.
  const { prepareDocument } = await import('../../src/nlp/ner/features.js');
  assert.deepEqual(prepareDocument([['Real', 'Harbourton', 'Rovers', 'Kestrel', 'Athletic'], body])[0], [
    'Real',
    'Harbourton',
    'Rovers',
    'Kestrel',
    'Athletic',
  ]);
});
