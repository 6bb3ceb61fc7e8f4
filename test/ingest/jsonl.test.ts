import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonlArticles, dayOf } from '../../src/ingest/jsonl.js';
import type { InputError } from '../../src/model.js';

test('jsonl: records become articles; a bad line is reported with its number and skipped', () => {
  const errors: InputError[] = [];
  const content = [
    JSON.stringify({
      id: 'a1',
      url: 'https://x.example/1',
      title: 'T1',
      source: 'Coast Post',
      byline: 'Ann Vik',
      publishedAt: '2024-03-01T08:15:00Z',
      text: 'First.',
    }),
    '{not json',
    '',
    JSON.stringify({ publishedAt: '2024-03-02', text: 'Second.' }),
    JSON.stringify({ publishedAt: '2024-03-02' }),
    JSON.stringify([1, 2]),
  ].join('\n');
  const arts = readJsonlArticles('/d/f.jsonl', content, (e) => errors.push(e));
  assert.equal(arts.length, 2);
  assert.deepEqual(
    [
      arts[0].id,
      arts[0].url,
      arts[0].title,
      arts[0].source,
      arts[0].byline,
      arts[0].publishedAt,
      arts[0].publishedAtEvidence,
    ],
    ['a1', 'https://x.example/1', 'T1', 'Coast Post', 'Ann Vik', '2024-03-01', 'jsonl'],
  );
  assert.match(arts[1].id, /^[0-9a-f]{12}$/);
  assert.deepEqual(
    errors.map((e) => e.line),
    [2, 5, 6],
  );
  assert.ok(errors[0].message.startsWith('/d/f.jsonl:2:'));
});

test('jsonl: publishedAt forms', () => {
  assert.equal(dayOf('2024-03-01'), '2024-03-01');
  assert.equal(dayOf('2024-03-01T23:30:00-05:00'), '2024-03-01');
  assert.equal(dayOf('March 3, 2024 10:00 UTC'), '2024-03-03');
  assert.equal(dayOf('garbage'), null);
  assert.equal(dayOf(null), null);
});

test('jsonl: a record without a usable date keeps a warning', () => {
  const arts = readJsonlArticles(
    '/d/g.jsonl',
    JSON.stringify({ publishedAt: 'soon', text: 'No date.' }),
    () => {},
  );
  assert.equal(arts[0].publishedAt, null);
  assert.ok(arts[0].warnings.some((w) => w.includes('/d/g.jsonl:1')));
});
