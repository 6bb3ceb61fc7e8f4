/**
 * A synthetic news corpus for store benchmarks: the sample story's sentences (examples/harbour-spill, our own
 * writing) recombined into many stories, each with its own invented names, dates shifted per story.
 *
 *   npx tsx scripts/synth-corpus.ts <articles> <out.jsonl> [--stories N] [--seed S]
 *
 * writes raw articles (JSONL: id, title, source, publishedAt, text) for `chronicle ingest`. The bench uses
 * `synthArticles()` directly, which can also return articles pre-analysed by a simple built-in annotator
 * (sentences, tokens, capitalised-name mentions, weekday dates) — the documented bulk path for building a
 * 200,000-article store without running the full pipeline on every article.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Mention, Sentence, Timex } from '../src/model.js';
import { newArticle } from '../src/model.js';
import { seededRandom } from '../src/util/random.js';
import { addDays } from '../src/util/day.js';

/** Our own fallback sentences, used when the sample story is missing. */
const FALLBACK = [
  'The tanker Aster Dawn struck the quay of Kelvik harbour on Monday and spilled crude oil into the water.',
  'Harbour master Agnes Thorne said every boat was out on the water.',
  'Crews laid floating booms across the harbour mouth overnight.',
  'Fishermen in Kelvik said the spill had stopped their work for the season.',
  'The shipping company Corvane said it would pay for the cleanup.',
  'Investigators from the maritime board boarded the tanker on Tuesday.',
  'The mayor of Kelvik called the spill a disaster for the town.',
  'Volunteers cleaned oil from the birds on the northern beach.',
];

export function sampleSentences(root = 'examples/harbour-spill'): string[] {
  if (!existsSync(root)) return FALLBACK;
  const out: string[] = [];
  for (const f of readdirSync(root).sort()) {
    if (!f.endsWith('.txt')) continue;
    const lines = readFileSync(join(root, f), 'utf8').split('\n').slice(1);
    for (const line of lines)
      for (const m of line.matchAll(/[^.!?]+[.!?]+["”]?/g)) {
        const s = m[0].trim();
        if (s.split(/\s+/).length >= 6 && !/Photo:/i.test(s)) out.push(s);
      }
  }
  return out.length >= 20 ? out : FALLBACK;
}

const rng = seededRandom;

const SYL = [
  'ka',
  'lo',
  'mer',
  'vin',
  'tor',
  'sa',
  'bel',
  'dra',
  'fen',
  'gul',
  'hav',
  'is',
  'jor',
  'kel',
  'lun',
  'mo',
  'nor',
  'pel',
  'quin',
  'ros',
  'sten',
  'tal',
  'ul',
  'var',
  'wen',
  'yr',
  'zo',
];
function inventName(r: () => number, syllables = 2): string {
  let s = '';
  for (let i = 0; i < syllables + Math.floor(r() * 2); i++) s += SYL[Math.floor(r() * SYL.length)];
  return s[0].toUpperCase() + s.slice(1);
}

const NAME = /(?<=\S\s)(?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)*/g;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const SOURCES = ['Harbour Gazette', 'Northern Ledger', 'Coastline Daily', 'Kelvik Courier', 'Wire Service'];

export interface SynthOptions {
  articles: number;
  stories: number;
  seed?: number;
  /** Articles of story 0 (a big story for timeline benchmarks); the rest are spread evenly. */
  bigStory?: number;
  sentencesPerArticle?: number;
  /** Return articles pre-analysed by the built-in annotator (bulk path). */
  analyzed?: boolean;
  /** First id number (to make more articles later without collisions). */
  offset?: number;
}

/** Per-story name substitutions: every capitalised name in the sample becomes a story-specific invented one. */
function storyNames(sentences: string[], story: number, seed: number): Map<string, string> {
  const r = rng(seed * 7919 + story);
  const names = new Map<string, string>();
  for (const s of sentences)
    for (const m of s.matchAll(NAME))
      if (!names.has(m[0]) && !WEEKDAY.test(m[0]))
        names.set(
          m[0],
          m[0]
            .split(' ')
            .map(() => inventName(r))
            .join(' '),
        );
  return names;
}

export function synthArticles(o: SynthOptions): Article[] {
  const seed = o.seed ?? 1;
  const base = sampleSentences();
  const per = o.sentencesPerArticle ?? 8;
  const big = Math.min(o.bigStory ?? 0, o.articles);
  const nameCache = new Map<number, Map<string, string>>();
  const out: Article[] = [];
  const offset = o.offset ?? 0;
  for (let k = 0; k < o.articles; k++) {
    const i = k + offset;
    const story = i < big ? 0 : 1 + ((i - big) % Math.max(1, o.stories - 1));
    let names = nameCache.get(story);
    if (!names) nameCache.set(story, (names = storyNames(base, story, seed)));
    const r = rng(seed * 1000003 + i);
    const start = addDays('2020-01-01', (story * 37) % 1500);
    const day = addDays(start, Math.floor(r() * 60));
    const picked: string[] = [];
    for (let j = 0; j < per; j++) {
      let s = base[Math.floor(r() * base.length)];
      s = s.replace(NAME, (m) => names!.get(m) ?? m);
      picked.push(s);
    }
    const text = picked.join(' ');
    const title = picked[0].split(/\s+/).slice(0, 8).join(' ');
    const a = newArticle({
      id: `syn${i}`,
      rawText: text,
      text,
      title,
      source: SOURCES[i % SOURCES.length],
      publishedAt: day,
      publishedAtEvidence: 'user',
      topic: `story${story}`,
    });
    if (o.analyzed) annotate(a, story);
    out.push(a);
  }
  return out;
}

/** The bulk path's annotator: sentences, tokens, capitalised names as mentions, weekday -> publication day. */
function annotate(a: Article, story: number) {
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  for (const m of a.text.matchAll(/[^.!?]+[.!?]+["”]?/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    const start = m.index! + lead;
    const tokens = [...t.matchAll(/\w+|[^\w\s]/g)].map((x) => ({
      text: x[0],
      start: start + x.index!,
      end: start + x.index! + x[0].length,
    }));
    const timexes: Timex[] = [];
    const w = WEEKDAY.exec(t);
    if (w && a.publishedAt)
      timexes.push({
        text: w[0],
        start: start + w.index,
        end: start + w.index + w[0].length,
        type: 'DATE',
        value: a.publishedAt,
        rule: 'synthetic',
      });
    const index = sentences.length;
    sentences.push({ index, start, end: start + t.length, text: t, tokens, timexes });
    for (const n of t.matchAll(NAME)) {
      if (WEEKDAY.test(n[0])) continue;
      mentions.push({
        text: n[0],
        start: start + n.index!,
        end: start + n.index! + n[0].length,
        sentenceIndex: index,
        type: 'ORG',
        entityId: `syn-${story}-${n[0]}`,
      });
    }
  }
  a.sentences = sentences;
  a.mentions = mentions;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out, ...rest] = process.argv.slice(2);
  if (!n || !out) {
    process.stderr.write(
      'Usage: npx tsx scripts/synth-corpus.ts <articles> <out.jsonl> [--stories N] [--seed S]\n',
    );
    process.exit(2);
  }
  const opt = (name: string, d: number) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? Number(rest[i + 1]) : d;
  };
  const arts = synthArticles({
    articles: Number(n),
    stories: opt('stories', Math.max(1, Math.round(Number(n) / 500))),
    seed: opt('seed', 1),
  });
  writeFileSync(
    out,
    arts
      .map((a) =>
        JSON.stringify({
          id: a.id,
          title: a.title,
          source: a.source,
          publishedAt: a.publishedAt,
          text: a.text,
        }),
      )
      .join('\n') + '\n',
  );
  process.stderr.write(`wrote ${arts.length} articles to ${out}\n`);
}
