import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTimeline17Dir } from '../../src/ingest/timeline17.js';
import {
  pythonRound,
  readTimeline17Layout,
  sentencesPerDate,
  taskOptions,
  topicOf,
} from '../../src/eval/timeline17.js';

const dashes = '-'.repeat(32);

/** A tiny Timeline17-shaped tree of our own writing. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 't17-'));
  const put = (p: string, text: string) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  put(
    'flood_gazette/InputDocs/2020-03-01/1.htm.txt',
    'The river rose above the quay .\nShops closed early .\n',
  );
  put('flood_gazette/InputDocs/2020-03-02/2.htm.txt', 'Water reached the market square on Sunday .\n');
  put('flood_gazette/InputDocs/notaday/3.htm.txt', 'Misplaced .\n');
  put('flood_gazette/keywords.json', '["flood"]');
  put(
    'flood_gazette/timelines/tl.txt',
    [
      '2020-03-01',
      'River rises .',
      'Shops close .',
      dashes,
      '2020-03-02',
      'Square floods .',
      dashes,
      '',
    ].join('\n'),
  );
  put('flood_ledger/InputDocs/2020-03-02/4.htm.txt', 'Volunteers filled sandbags .\n');
  put('flood_ledger/keywords.json', '["river"]');
  put('flood_ledger/timelines/bad.txt', 'no dates here\n');
  mkdirSync(join(root, 'notes'));
  return root;
}

test('topic folders merge by prefix; keywords are merged; bad references and folders are reported', () => {
  const root = tree();
  const { topics, errors } = readTimeline17Layout(root);
  assert.equal(topicOf('bpoil_guardian'), 'bpoil');
  assert.deepEqual(
    topics.map((t) => [t.name, t.folders, t.keywords, t.tasks.map((x) => x.timeline)]),
    [['flood', ['flood_gazette', 'flood_ledger'], ['flood', 'river'], ['tl.txt']]],
  );
  assert.equal(errors.length, 2);
  assert.ok(errors.some((e) => /bad\.txt: no dated block/.test(e.message)));
  assert.ok(errors.some((e) => /notes: no InputDocs/.test(e.message)));
});

test('task options: reference span, as many dates, k = average sentences per date, rounded or floored', () => {
  const { topics } = readTimeline17Layout(tree());
  const task = topics[0]!.tasks[0]!; // 3 sentences over 2 dates: 1.5
  const span = { dates: 2, query: ['flood'], from: '2020-03-01', to: '2020-03-02' };
  assert.deepEqual(taskOptions(task, ['flood'], 'floor'), { ...span, sentences: 1 });
  assert.deepEqual(taskOptions(task, ['flood'], 'round'), { ...span, sentences: 2 });
  assert.deepEqual(taskOptions(task, ['flood']), { ...span, sentences: 2 }, 'news-tls rounding by default');
});

test("k rounding is Python's: halves go to the even neighbour, and k is at least 1", () => {
  assert.deepEqual([0.2, 0.5, 1.5, 2.5, 2.4999, 2.51, 3.5].map(pythonRound), [0, 0, 2, 2, 2, 3, 4]);
  const ref = (counts: number[]) =>
    new Map(counts.map((n, i) => [`2020-01-0${i + 1}`, Array(n).fill('x .')]));
  assert.equal(sentencesPerDate(ref([1, 1, 1, 0]), 'round'), 1); // 0.75 rounds to 1
  assert.equal(sentencesPerDate(ref([1, 0, 0, 0]), 'round'), 1); // 0.25 rounds to 0, at least 1
  assert.equal(sentencesPerDate(ref([3, 2]), 'round'), 2); // 2.5 to even
  assert.equal(sentencesPerDate(ref([3, 2]), 'floor'), 2);
  assert.equal(sentencesPerDate(ref([4, 3]), 'round'), 4); // 3.5 to even
  assert.equal(sentencesPerDate(ref([4, 3]), 'floor'), 3);
});

test('reader: date from the folder, outlet from the folder name, one sentence per line, bad folders reported', () => {
  const root = tree();
  const { articles, errors } = readTimeline17Dir(join(root, 'flood_gazette'));
  assert.deepEqual(
    articles.map((a) => [a.publishedAt, a.source, a.topic, a.linesAreSentences]),
    [
      ['2020-03-01', 'gazette', 'flood_gazette', true],
      ['2020-03-02', 'gazette', 'flood_gazette', true],
    ],
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /notaday: folder name is not a YYYY-MM-DD/);
  assert.equal(readTimeline17Dir(join(root, 'notes')).errors.length, 1);
});

test('a path that is not a directory is an input error', () => {
  assert.throws(() => readTimeline17Layout('/nonexistent/t17'), /not a directory/);
});
