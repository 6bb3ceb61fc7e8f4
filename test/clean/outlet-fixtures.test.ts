import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';
import { analyze } from '../../src/index.js';
import { outletKey } from '../../src/clean/outlets.js';

// Pasted articles (invented outlets and stories) in the outlet styles Chronicle reads: agency datelines, bylines
// with outlets, "and agencies", photo credits, trailer and copyright lines, site furniture, mastheads, JSONL
// fields and URLs. Found for at least 95% of those with an outlet, wrong for none.
const DIR = 'test/fixtures/outlets';

test('outlet fixtures: found for >= 95%, wrong for none, none invented where there is none', async () => {
  const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, string | null>;
  const { articles } = await readInputs([DIR]);
  const analysis = analyze(articles, {
    disable: ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'],
  });
  let withOutlet = 0;
  let found = 0;
  const wrong: string[] = [];
  for (const a of analysis.articles) {
    const key = a.id.startsWith('jsonl-') ? a.id : basename(a.path ?? '');
    assert.ok(key in expected, `no expectation for ${key}`);
    const want = expected[key];
    if (want === null) {
      assert.equal(a.source, null, `${key}: found "${a.source}" where there is no outlet`);
      continue;
    }
    withOutlet++;
    if (a.source === null) continue;
    if (outletKey(a.source) === outletKey(want)) found++;
    else wrong.push(`${key}: "${a.source}" instead of "${want}"`);
  }
  assert.equal(analysis.articles.length, Object.keys(expected).length);
  assert.ok(withOutlet >= 12);
  assert.deepEqual(wrong, []);
  assert.ok(found / withOutlet >= 0.95, `outlet found for ${found} of ${withOutlet}`);
});
