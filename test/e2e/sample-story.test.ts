/**
 * End to end on the bundled sample story (examples/harbour-spill, see its README for the facts).
 * Blocks are named by the stage that must deliver them, so a failing block says which stage is missing.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { analyze, buildTimeline, readInputs, runPipeline } from '../../src/index.js';
import type { Analysis, Article, Timeline } from '../../src/model.js';
import { main } from '../../src/cli/index.js';
import type { CliIO } from '../../src/cli/common.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'harbour-spill');
const JSONL = '11-12-wire-records.jsonl';

/** Ingest + clean + sentences + dedup only (the stages this suite's first blocks check). */
let base: Article[] = [];
let readErrors: string[] = [];
/** The full pipeline, or the error it threw. */
let full: Analysis | Error;
let timeline: Timeline | Error;

before(async () => {
  const r = await readInputs([DIR]);
  readErrors = r.errors.map((e) => e.message);
  base = runPipeline(r.articles, { disable: ['timex', 'mentions', 'entities', 'quotes'] }).articles;
  const again = await readInputs([DIR]);
  try {
    full = analyze(again.articles);
  } catch (e) {
    full = e as Error;
  }
  try {
    timeline = full instanceof Error ? full : buildTimeline(full);
  } catch (e) {
    timeline = e as Error;
  }
});

/** The article read from a file (or the JSONL record with this id). */
function pick(list: Article[], key: string): Article {
  const a = list.find((x) => x.id === key || (x.path && basename(x.path) === key));
  assert.ok(a, `no article ${key}`);
  return a;
}
function analysis(): Analysis {
  if (full instanceof Error) throw full;
  return full;
}

const DATES: [string, string, string][] = [
  ['01-harbour-gazette-2024-02-06.txt', '2024-02-06', 'header'],
  ['02-northern-ledger-2024-02-07.txt', '2024-02-07', 'header'],
  ['03-coastline-daily-undated-header.txt', '2024-02-09', 'text'],
  ['04-harbour-gazette-2024-02-08.txt', '2024-02-08', 'header'],
  ['05-wire-brussels-2024-02-12.txt', '2024-02-12', 'header'],
  ['06-kelvik-courier-2024-02-12-syndicated.txt', '2024-02-12', 'header'],
  ['07-northern-ledger-2024-02-15.txt', '2024-02-15', 'header'],
  ['08-coastline-daily-2024-02-20.txt', '2024-02-20', 'header'],
  ['09-harbour-gazette-2024-02-23.txt', '2024-02-23', 'header'],
  ['10-kelvik-courier-2024-02-26.txt', '2024-02-26', 'header'],
  ['coastwatch-2024-02-27', '2024-02-27', 'jsonl'],
  ['ledger-2024-03-01', '2024-03-01', 'jsonl'],
];

test('ingest: twelve articles with their publication dates and evidence, no errors', () => {
  assert.deepEqual(readErrors, []);
  assert.equal(base.length, 12);
  for (const [key, day, evidence] of DATES) {
    const a = pick(base, key);
    assert.equal(a.publishedAt, day, key);
    assert.equal(a.publishedAtEvidence, evidence, key);
  }
  assert.equal(pick(base, 'ledger-2024-03-01').path, join(DIR, JSONL));
});

test('clean: titles, bylines and sources', () => {
  assert.equal(
    pick(base, '01-harbour-gazette-2024-02-06.txt').title,
    'Tanker spills crude oil into Kelvik harbour after striking quay',
  );
  assert.equal(
    pick(base, '03-coastline-daily-undated-header.txt').title,
    'Corvane chief apologises for Kelvik spill',
  );
  assert.equal(
    pick(base, 'ledger-2024-03-01').title,
    'Kelvik inquiry blames steering failure and late repairs',
  );
  assert.equal(pick(base, '02-northern-ledger-2024-02-07.txt').byline, 'Clara Whitlow');
  assert.equal(pick(base, '07-northern-ledger-2024-02-15.txt').byline, 'Clara Whitlow');
  assert.equal(pick(base, '05-wire-brussels-2024-02-12.txt').source, 'Reuters');
  assert.equal(pick(base, '08-coastline-daily-2024-02-20.txt').source, 'Coastline Daily');
  const first = pick(base, '05-wire-brussels-2024-02-12.txt').sentences[1].text;
  assert.ok(first.startsWith('The European Union will send two anti-pollution vessels'), first);
});

const FURNITURE = [
  'By Clara Whitlow',
  'World News',
  '5 min read',
  'Photo: Lars Menning',
  'READ MORE',
  'Share this article',
  'Follow us on',
  'Recommended',
  'You may also like',
  'Most read',
  'Feb. 9, 2024 / 9:57 AM',
  'Ski Resorts Prepare',
  'Stock Markets Close Higher',
  '(Reuters)',
  'BRUSSELS, Feb 12',
  'Reporting by',
  'Summary from',
  'Source: Coastline Daily',
  'Image caption',
  'Getty Images',
  'Related:',
  'See also',
];

test('clean: no furniture in any text or sentence; removals are recorded by rule', () => {
  for (const a of base)
    for (const f of FURNITURE) {
      assert.ok(!a.text.includes(f), `${a.path}: "${f}" still in text`);
      for (const s of a.sentences) assert.ok(!s.text.includes(f), `${a.path}: "${f}" in a sentence`);
    }
  const rules = new Set(base.flatMap((a) => a.removed.map((r) => r.rule)));
  for (const r of [
    'byline',
    'dateline',
    'caption',
    'related',
    'recommendations',
    'read-time',
    'section-label',
    'credit-line',
    'share-prompts',
    'summary-from',
    'timestamp',
    'repeated-headline',
    'trailing-headlines',
  ])
    assert.ok(rules.has(r), `no removal by ${r}`);
  // Headlines repeated at the end are gone (08 repeats its own; 04 ends with 01's).
  const a8 = pick(base, '08-coastline-daily-2024-02-20.txt');
  assert.equal(a8.text.split('Kelvik talks resume as beaches stay closed').length, 2);
  assert.ok(!pick(base, '04-harbour-gazette-2024-02-08.txt').text.includes('Tanker spills crude oil'));
});

test('sentences: quotes, abbreviations and offsets', () => {
  const a1 = pick(base, '01-harbour-gazette-2024-02-06.txt');
  const texts = a1.sentences.map((s) => s.text);
  assert.ok(
    texts.includes('"We have never seen a spill of this size in Kelvik," harbour master Agnes Thorne said.'),
  );
  assert.ok(texts.includes('"Every boat we have is out on the water."'));
  assert.equal(texts[0], 'Tanker spills crude oil into Kelvik harbour after striking quay');
  for (const a of base)
    for (const s of a.sentences) {
      assert.equal(a.text.slice(s.start, s.end), s.text);
      for (const t of s.tokens) assert.equal(a.text.slice(t.start, t.end), t.text);
    }
});

test('dedup: the syndicated copy points to the wire original; shared sentences share a group', () => {
  const wire = pick(base, '05-wire-brussels-2024-02-12.txt');
  const copy = pick(base, '06-kelvik-courier-2024-02-12-syndicated.txt');
  assert.equal(copy.duplicateOf, wire.id);
  for (const a of base) if (a !== copy) assert.equal(a.duplicateOf ?? null, null, `${a.path} is not a copy`);
  const group = (a: Article, start: string) => a.sentences.find((s) => s.text.startsWith(start))?.dupGroup;
  // Exact and lightly edited ("along the southern coast") sentences.
  assert.equal(group(wire, 'The European Union will send'), group(copy, 'The European Union will send'));
  assert.equal(
    group(wire, 'The tanker Aster Dawn struck a quay'),
    group(copy, 'The tanker Aster Dawn struck a quay'),
  );
  assert.notEqual(
    group(wire, 'The tanker Aster Dawn struck a quay'),
    group(wire, 'The European Union will send'),
  );
});

// ---- Later stages: these fail until the timex / entities / quotes / timeline stages deliver. ----

const TIMEX: [string, string, string, string][] = [
  [
    '01-harbour-gazette-2024-02-06.txt',
    'struck the eastern quay of Kelvik harbour on Monday',
    'Monday',
    '2024-02-05',
  ],
  ['01-harbour-gazette-2024-02-06.txt', 'Today the port remains closed', 'Today', '2024-02-06'],
  ['01-harbour-gazette-2024-02-06.txt', 'will visit on Thursday', 'Thursday', '2024-02-08'],
  ['02-northern-ledger-2024-02-07.txt', 'south of Kelvik on Tuesday', 'Tuesday', '2024-02-06'],
  ['03-coastline-daily-undated-header.txt', 'apologised on Friday', 'Friday', '2024-02-09'],
  ['03-coastline-daily-undated-header.txt', 'visited the harbour on Thursday', 'Thursday', '2024-02-08'],
  ['04-harbour-gazette-2024-02-08.txt', 'south of Kelvik on Thursday', 'Thursday', '2024-02-08'],
  ['04-harbour-gazette-2024-02-08.txt', 'volunteers on Saturday', 'Saturday', '2024-02-10'],
  ['05-wire-brussels-2024-02-12.txt', 'said on Monday', 'Monday', '2024-02-12'],
  ['05-wire-brussels-2024-02-12.txt', 'arrive on Wednesday', 'Wednesday', '2024-02-14'],
  ['05-wire-brussels-2024-02-12.txt', 'in Kelvik last week', 'last week', '2024-W06'],
  ['07-northern-ledger-2024-02-15.txt', 'broke down on Wednesday', 'Wednesday', '2024-02-14'],
  ['07-northern-ledger-2024-02-15.txt', 'due to resume on Monday', 'Monday', '2024-02-19'],
  ['07-northern-ledger-2024-02-15.txt', 'ministry this week', 'this week', '2024-W07'],
  ['07-northern-ledger-2024-02-15.txt', 'returned to Kelvik on Tuesday', 'Tuesday', '2024-02-13'],
  ['08-coastline-daily-2024-02-20.txt', 'resumed on Monday', 'Monday', '2024-02-19'],
  ['08-coastline-daily-2024-02-20.txt', 'findings next week', 'next week', '2024-W09'],
  ['08-coastline-daily-2024-02-20.txt', 'fishermen this month', 'this month', '2024-02'],
  ['08-coastline-daily-2024-02-20.txt', 'since mid-October', 'mid-October', '2023-10'],
  ['08-coastline-daily-2024-02-20.txt', 'in late April', 'late April', '2024-04'],
  ['09-harbour-gazette-2024-02-23.txt', 'agreement on Thursday', 'Thursday', '2024-02-22'],
  ['09-harbour-gazette-2024-02-23.txt', 'The day before', 'day before', '2024-02-21'],
  ['09-harbour-gazette-2024-02-23.txt', 'cargo ships on Monday', 'Monday', '2024-02-26'],
  ['10-kelvik-courier-2024-02-26.txt', 'cargo ships today', 'today', '2024-02-26'],
  ['10-kelvik-courier-2024-02-26.txt', 'repair yard next week', 'next week', '2024-W10'],
  // a weekday in a relative clause takes that clause's past tense, not the main clause's future
  ['10-kelvik-courier-2024-02-26.txt', 'arrived in Kelvik on Sunday', 'Sunday', '2024-02-25'],
  ['coastwatch-2024-02-27', 'said on Tuesday', 'Tuesday', '2024-02-27'],
  ['ledger-2024-03-01', 'findings on Wednesday', 'Wednesday', '2024-02-28'],
  ['ledger-2024-03-01', 'due in late April', 'late April', '2024-04'],
];

test('timex stage: the sample story’s phrases resolve to the expected TIMEX3 values', () => {
  const wrong: string[] = [];
  for (const [key, context, phrase, value] of TIMEX) {
    const a = pick(analysis().articles, key);
    const at = a.text.indexOf(context);
    assert.ok(at >= 0, `${key}: "${context}" not in text`);
    const p = at + context.indexOf(phrase);
    const tx = a.sentences.flatMap((s) => s.timexes).find((t) => t.start <= p && p < t.end);
    if (!tx || tx.value !== value)
      wrong.push(`${key}: "${phrase}" → ${tx ? tx.value : 'none'}, expected ${value}`);
  }
  assert.deepEqual(wrong, []);
});

function entityWith(name: string) {
  return analysis().entities.find((e) => e.name === name || e.aliases.includes(name));
}

test('entities stage: aliases are merged under canonical names', () => {
  const solvang = entityWith('Ingrid Solvang');
  assert.equal(solvang?.name, 'Ingrid Solvang');
  assert.equal(solvang?.type, 'PERSON');
  assert.ok(solvang?.aliases.includes('Solvang'), 'Solvang');
  assert.equal(entityWith('Ellingsrod')?.name, 'Marten Ellingsrud', 'misspelt surname');
  assert.equal(entityWith('Ellingsrud')?.name, 'Marten Ellingsrud');
  const benhalla = entityWith('Youssef Benhalla');
  assert.ok(benhalla && [benhalla.name, ...benhalla.aliases].includes('Yusuf Benhalla'), 'transliteration');
  const ospra = entityWith('OSPRA');
  assert.ok(ospra && [ospra.name, ...ospra.aliases].includes('Ospra'), 'acronym case variant');
  assert.equal(ospra?.type, 'ORG');
  assert.ok(entityWith('Thorne')?.name === 'Agnes Thorne');
  assert.equal(entityWith('Throne')?.name, 'Agnes Thorne', 'surname misspelt once in 10');
  for (const furniture of ['Clara Whitlow', 'Anna Kessler', 'Lars Menning'])
    assert.equal(entityWith(furniture), undefined, `${furniture} is a byline/credit, not an entity`);
});

const QUOTES: [string, string, string | RegExp][] = [
  ['01-harbour-gazette-2024-02-06.txt', 'We have never seen a spill', 'Agnes Thorne'],
  ['01-harbour-gazette-2024-02-06.txt', 'The tide turns twice a day', 'Agnes Thorne'],
  ['02-northern-ledger-2024-02-07.txt', 'This is an environmental disaster', 'Ingrid Solvang'],
  ['02-northern-ledger-2024-02-07.txt', 'The ministry will spare no resource', /ministry|statement/i],
  ['02-northern-ledger-2024-02-07.txt', 'We are cooperating fully', 'Daniel Roper'],
  ['03-coastline-daily-undated-header.txt', 'I am deeply sorry', 'Marten Ellingsrud'],
  ['03-coastline-daily-undated-header.txt', 'This was not an accident', 'Marten Ellingsrud'],
  ['03-coastline-daily-undated-header.txt', 'a national emergency', 'Ingrid Solvang'],
  ['04-harbour-gazette-2024-02-08.txt', 'No family in Kelvik', 'Ingrid Solvang'],
  ['04-harbour-gazette-2024-02-08.txt', 'We have recovered about a third', 'Agnes Thorne'],
  ['05-wire-brussels-2024-02-12.txt', 'Europe stands with the people', 'Lucia Ferrante'],
  ['05-wire-brussels-2024-02-12.txt', 'Questions about this ship', 'a senior EU diplomat'],
  ['05-wire-brussels-2024-02-12.txt', 'The clean-up has so far cost 18 million euros', 'Ingrid Solvang'],
  ['07-northern-ledger-2024-02-15.txt', 'Every day without a deal', 'Mira Okafor'],
  ['08-coastline-daily-2024-02-20.txt', 'We are closer to an agreement', 'Ingrid Solvang'],
  ['09-harbour-gazette-2024-02-23.txt', 'This fund is not charity', 'Ingrid Solvang'],
  ['coastwatch-2024-02-27', 'The harbour is open', 'Mira Okafor'],
  ['ledger-2024-03-01', 'We have already changed', 'Daniel Roper'],
  ['10-kelvik-courier-2024-02-26.txt', 'Every quay will be inspected', 'Ingrid Solvang'],
  ['10-kelvik-courier-2024-02-26.txt', 'Cargo traffic will be back', 'Daniel Roper'],
  ['10-kelvik-courier-2024-02-26.txt', 'divers had checked', 'Agnes Thorne'],
];

test('quotes stage: quotes are attributed to canonical speakers', () => {
  const wrong: string[] = [];
  for (const [key, start, speaker] of QUOTES) {
    const a = pick(analysis().articles, key);
    const q = a.quotes.find((x) => x.text.includes(start));
    const ok = q && (typeof speaker === 'string' ? q.speaker === speaker : speaker.test(q.speaker ?? ''));
    if (!ok) wrong.push(`${key}: "${start}" → ${q ? q.speaker : 'no quote'}, expected ${speaker}`);
  }
  assert.deepEqual(wrong, []);
  const cue = (key: string, start: string) =>
    pick(analysis().articles, key).quotes.find((x) => x.text.includes(start))?.cue ?? '';
  assert.match(cue('07-northern-ledger-2024-02-15.txt', 'Every day without a deal'), /wrote on Twitter/);
  assert.match(cue('04-harbour-gazette-2024-02-08.txt', 'No family in Kelvik'), /told/);
  assert.match(cue('05-wire-brussels-2024-02-12.txt', 'The clean-up has so far cost'), /according to/);
  // `"…." X told a briefing`, and `said <organisation> <role> <Name>` with the role kept
  assert.match(cue('10-kelvik-courier-2024-02-26.txt', 'Every quay will be inspected'), /told/);
  const a10 = pick(analysis().articles, '10-kelvik-courier-2024-02-26.txt');
  assert.equal(
    a10.quotes.find((x) => x.text.includes('Cargo traffic'))?.speakerRole,
    'Corvane Shipping spokesman',
  );
  // The split quote is one quote or two, but both halves are Ellingsrud's.
  const a3 = pick(analysis().articles, '03-coastline-daily-undated-header.txt');
  const half = a3.quotes.find((x) => x.text.includes('we accept the responsibility'));
  assert.equal(half?.speaker, 'Marten Ellingsrud');
});

const CORE_DATES = [
  '2024-02-05',
  '2024-02-08',
  '2024-02-09',
  '2024-02-12',
  '2024-02-14',
  '2024-02-19',
  '2024-02-22',
  '2024-02-26',
];

test('timeline stage: the expected dates, each with sources, no furniture', () => {
  if (timeline instanceof Error) throw timeline;
  const dates = timeline.entries.map((e) => e.date);
  for (const d of CORE_DATES) assert.ok(dates.includes(d), `missing ${d} in ${dates.join(', ')}`);
  for (const e of timeline.entries) {
    assert.ok(e.date >= '2023-10-01' && e.date <= '2024-04-30', `entry outside the story: ${e.date}`);
    assert.ok(e.sources.length > 0, `${e.date} has no sources`);
    for (const s of e.summary)
      for (const f of FURNITURE) assert.ok(!s.includes(f), `${e.date}: furniture "${f}"`);
  }
  const spill = timeline.entries.find((e) => e.date === '2024-02-05');
  assert.match(spill?.summary.join(' ') ?? '', /Aster Dawn|tanker|spill|slick/i);
});

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('cli: analyze --format json prints the analysis contract', async () => {
  const f = fakeIO();
  const code = await main(['analyze', DIR, '--format', 'json', '--quiet'], f.io);
  assert.equal(code, 0, f.err());
  const json = JSON.parse(f.out()) as { articles: Record<string, unknown>[] };
  assert.equal(json.articles.length, 12);
  for (const a of json.articles) {
    for (const k of [
      'id',
      'path',
      'url',
      'title',
      'byline',
      'source',
      'publishedAt',
      'text',
      'sentences',
      'entities',
      'quotes',
    ])
      assert.ok(k in a, `missing ${k}`);
    assert.match(String(a.publishedAt), /^\d{4}-\d{2}-\d{2}$/);
  }
  const a3 = json.articles.find((a) => String(a.path).endsWith('03-coastline-daily-undated-header.txt'));
  assert.equal(a3?.publishedAt, '2024-02-09');
});

test('cli: timeline --format json prints the timeline contract', async () => {
  const f = fakeIO();
  const code = await main(['timeline', DIR, '--format', 'json', '--quiet'], f.io);
  assert.equal(code, 0, f.err());
  const json = JSON.parse(f.out()) as {
    entries: { date: string; summary: string[]; sources: Record<string, unknown>[] }[];
  };
  assert.ok(json.entries.length > 0);
  for (const e of json.entries) {
    assert.match(e.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Array.isArray(e.summary) && e.summary.length > 0);
    for (const s of e.sources)
      for (const k of ['articleId', 'path', 'title']) assert.ok(k in s, `source missing ${k}`);
  }
  for (const d of CORE_DATES)
    assert.ok(
      json.entries.some((e) => e.date === d),
      `missing ${d}`,
    );
});
