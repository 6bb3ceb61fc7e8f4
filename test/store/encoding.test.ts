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
