import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import { article, analysis, quote } from './helpers.js';

test('quotes are aggregated across articles: normalised text + speaker, earliest date, all sources', () => {
  const a1 = article('p1', '2024-02-09', ['The chief executive apologised to residents of the town.']);
  a1.quotes = [quote('We are deeply sorry.', 'Erik Ellingsrud')];
  const a2 = article('p2', '2024-02-08', ['The chief executive apologised to residents of the town.']);
  a2.quotes = [quote('“We are deeply sorry”', 'Erik Ellingsrud'), quote('We are deeply sorry.', null)];
  const t = buildTimelineFromAnalysis(analysis([a1, a2]));
  const q = t.quotes.find((x) => x.speaker === 'Erik Ellingsrud')!;
  assert.equal(q.date, '2024-02-08');
  assert.deepEqual(q.sources.map((s) => s.articleId).sort(), ['p1', 'p2']);
  assert.equal(t.quotes.length, 2, 'a different speaker is a different quote');
});

test('entities come from the analysis, most mentioned first', () => {
  const t = buildTimelineFromAnalysis(
    analysis(
      [article('e', '2024-01-01', ['The minister visited the harbour and met the mayor there.'])],
      [
        { id: 'e1', name: 'Kelvik', type: 'LOC', aliases: [], mentions: 2, articleIds: ['e'] },
        {
          id: 'e2',
          name: 'Ingrid Solvang',
          type: 'PERSON',
          aliases: ['Solvang'],
          mentions: 5,
          articleIds: ['e'],
        },
      ],
    ),
  );
  assert.deepEqual(
    t.entities.map((e) => e.name),
    ['Ingrid Solvang', 'Kelvik'],
  );
  assert.deepEqual(t.entities[0]!.aliases, ['Solvang']);
});

test('unknown strategy names are an error', () => {
  assert.throws(
    () => buildTimelineFromAnalysis(analysis([]), { strategy: 'nope' }),
    /unknown timeline strategy "nope"/,
  );
});
