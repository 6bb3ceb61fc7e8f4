import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';
import { analyze, buildTimelineFromAnalysis } from '../../src/index.js';

// examples/pasted-story: eight pasted pages (own writing) about one invented story; see its README.
const EXPECTED: Record<string, [title: string, outlet: string]> = {
  '01-halvard-evening-post.txt': [
    'Barge strikes Sele rail bridge, halting trains between Halvard and Porten',
    'Halvard Evening Post',
  ],
  '02-nordwire.txt': ['Nordbane runs buses after barge damages Sele bridge', 'Nordwire'],
  '03-riverside-courier.txt': ['Minister orders inquiry into Sele bridge crash', 'Riverside Courier'],
  '04-porten-daily-syndicated.txt': ['Buses replace trains after barge hits Sele bridge', 'Nordwire'],
  '05-sele-valley-times.txt': [
    'Cracked pier means Sele bridge will stay shut for six weeks',
    'Sele Valley Times',
  ],
  '06-kestrel-radio-news.txt': [
    'Barge owner apologises to Sele commuters and offers to pay for repairs',
    'Kestrel Radio News',
  ],
  '07-porten-herald.txt': [
    'Commuter ferry starts on the Sele while the bridge is repaired',
    'The Porten Herald',
  ],
  '08-halvard-evening-post.txt': [
    'Trains return to the Sele bridge six weeks after barge crash',
    'Halvard Evening Post',
  ],
};

test('pasted story: every article gets its headline and its outlet', async () => {
  const { articles } = await readInputs(['examples/pasted-story']);
  const analysis = analyze(articles);
  assert.equal(analysis.articles.length, 8);
  for (const a of analysis.articles) {
    const [title, outlet] = EXPECTED[basename(a.path!)];
    assert.equal(a.title, title, a.path!);
    assert.equal(a.source, outlet, a.path!);
  }
  // The wire story and its copy are one outlet in the corroboration count.
  const timeline = buildTimelineFromAnalysis(analysis);
  const both = timeline.entries.find((e) => {
    const names = e.sources.map((s) => s.source);
    return names.filter((n) => n === 'Nordwire').length === 2;
  });
  assert.ok(both, 'a date supported by the wire story and its copy');
  assert.equal(both.outlets, new Set(both.sources.map((s) => s.source)).size);
  assert.ok(both.outlets! < both.sources.length);
});
