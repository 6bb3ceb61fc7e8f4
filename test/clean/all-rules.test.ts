import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, cleanRules } from '../../src/clean/index.js';
import { newArticle } from '../../src/model.js';
import { clean, ORDINARY } from './helpers.js';

test('an ordinary article survives every rule, one by one and all together', () => {
  const raw = 'Channel stays shut after wreck\n\n' + ORDINARY;
  for (const rule of cleanRules)
    assert.equal(clean(raw, [rule]).text, raw, `rule ${rule.name} damaged the text`);
  const a = newArticle({ id: 'x', rawText: raw });
  cleanArticle(a);
  assert.equal(a.text, raw);
  assert.deepEqual(a.removed, []);
  assert.equal(a.title, 'Channel stays shut after wreck');
});

test('cleanArticle: furniture all round, metadata filled, removals recorded by rule', () => {
  const raw = [
    'Ferry grounded off Lindqvist',
    'World News',
    'By Tilda Brenner',
    '4 min read',
    '',
    'LINDQVIST, May 2 (Reuters) - A ferry ran aground on Thursday, the coastguard said.',
    '',
    'Passengers wait on the quay. (Photo: Ann Vik/Coast Post)',
    'READ MORE: Ferry safety in question',
    '"Nobody was hurt," the captain said.',
    'Reporting by Ann Vik; Editing by Ole Berg',
    'Share this article',
    'More',
    'Markets Rally On Rate Hopes',
    'Singer Announces Farewell Tour',
  ].join('\n');
  const a = newArticle({ id: 'y', rawText: raw });
  cleanArticle(a);
  assert.equal(
    a.text,
    'Ferry grounded off Lindqvist\n\nA ferry ran aground on Thursday, the coastguard said.\n\n"Nobody was hurt," the captain said.',
  );
  assert.equal(a.byline, 'Tilda Brenner');
  assert.equal(a.source, 'Reuters');
  assert.equal(a.title, 'Ferry grounded off Lindqvist');
  const rules = new Set(a.removed.map((r) => r.rule));
  for (const r of [
    'section-label',
    'byline',
    'read-time',
    'dateline',
    'caption',
    'related',
    'credit-line',
    'share-prompts',
    'trailing-headlines',
  ])
    assert.ok(rules.has(r), `missing ${r}`);
});

test('cleanArticle is idempotent on re-run and keeps Timeline17-style lines', () => {
  const raw =
    'Ships collide off coast Officials said two ships collided .\nThe coastguard said nobody was hurt .\nMore ships were sent';
  const a = newArticle({ id: 'z', rawText: raw, linesAreSentences: true });
  cleanArticle(a);
  cleanArticle(a);
  assert.equal(a.text, raw);
  assert.deepEqual(a.removed, []);
});
