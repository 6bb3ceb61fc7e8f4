/**
 * Learns the word clusters of the entity tagger from unlabelled news text:
 *   npx tsx scripts/train-clusters.ts <datasets-dir> [--out FILE] [--clusters C] [--words V] [--min-count N]
 * Reads Timeline17's input articles, PolNeAR's raw texts (train and dev), MEANTIME's article texts and
 * the words of CoNLL-2003 eng.train (no labels; eng.testa is never read), tokenised as Chronicle
 * tokenises articles, each distinct sentence once; runs Brown clustering (src/nlp/ner/brown.ts) over the
 * most frequent words and writes "bits\tword" lines, gzip'd (models/ner/clusters.txt.gz).
 * scripts/train-ner.ts builds the clusters into the model. Deterministic: same input, same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseConll } from '../src/eval/conll.js';
import { readMeantime } from '../src/eval/meantime.js';
import { splitSentences, tokenize } from '../src/nlp/sentences.js';
import { brownClusters } from '../src/nlp/ner/brown.js';
import { clusterKey } from '../src/nlp/ner/clusters.js';

/** Global settings (see models/ner/README.md for how they were chosen). */
const DEFAULTS = { clusters: 256, words: 40000, minCount: 5 };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'ner', 'clusters.txt.gz') },
    clusters: { type: 'string', default: String(DEFAULTS.clusters) },
    words: { type: 'string', default: String(DEFAULTS.words) },
    'min-count': { type: 'string', default: String(DEFAULTS.minCount) },
    sources: { type: 'string', default: 'timeline17,polnear,meantime,conll' },
  },
});
const root = positionals[0];
if (!root) {
  console.error(
    'usage: npx tsx scripts/train-clusters.ts <datasets-dir> [--out FILE] [--clusters C] [--words V] [--min-count N]',
  );
  process.exit(2);
}

const t0 = Date.now();
const log = (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`);

function filesUnder(dir: string, suffix: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) filesUnder(p, suffix, out);
    else if (f.endsWith(suffix)) out.push(p);
  }
  return out;
}

function need(p: string): string {
  if (!existsSync(p)) {
    console.error(`train-clusters: ${p} not found`);
    process.exit(2);
  }
  return p;
}

/** Sentences of raw text, tokenised as the pipeline does. */
function* rawSentences(text: string): Generator<string[]> {
  for (const s of splitSentences(text)) yield tokenize(text, s.start, s.end).map((t) => t.text);
}

function* timeline17(): Generator<string[]> {
  const dir = need(join(root, 'timeline17'));
  for (const topic of readdirSync(dir).sort()) {
    const inputs = join(dir, topic, 'InputDocs');
    if (!existsSync(inputs)) continue;
    // One tokenised (PTB) sentence per line.
    for (const f of filesUnder(inputs, '.txt'))
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        const words = line.trim().split(/\s+/).filter(Boolean);
        if (words.length) yield words;
      }
  }
}

function* polnear(): Generator<string[]> {
  for (const split of ['train', 'dev'])
    for (const f of filesUnder(need(join(root, 'polnear', 'data', split, 'text')), '.txt'))
      yield* rawSentences(readFileSync(f, 'utf8'));
}

function* meantime(): Generator<string[]> {
  for (const d of readMeantime(need(join(root, 'meantime'))).docs) yield* rawSentences(d.text);
}

function* conll(): Generator<string[]> {
  const path = need(join(root, 'conll2003', 'eng.train'));
  for (const doc of parseConll(readFileSync(path, 'utf8'), path).documents)
    for (const s of doc) yield s.map((t) => t.word);
}

const SOURCES: Record<string, () => Generator<string[]>> = { timeline17, polnear, meantime, conll };

/** Every distinct sentence of the chosen sources once (news copies and boilerplate lines repeat), as cluster keys. */
function* corpus(): Generator<string[]> {
  const seen = new Set<string>();
  for (const name of values.sources!.split(',')) {
    const source = SOURCES[name];
    if (!source) {
      console.error(`train-clusters: unknown source "${name}" (known: ${Object.keys(SOURCES).join(', ')})`);
      process.exit(2);
    }
    let kept = 0;
    let all = 0;
    for (const words of source()) {
      all++;
      const keys = words.map(clusterKey);
      const line = keys.join(' ');
      if (seen.has(line)) continue;
      seen.add(line);
      kept++;
      yield keys;
    }
    log(`${name}: ${kept} distinct sentences of ${all}`);
  }
}

const result = brownClusters(corpus(), {
  clusters: Number(values.clusters),
  maxWords: Number(values.words),
  minCount: Number(values['min-count']),
  log,
});
const lines = result.words
  .map((w, k) => `${result.paths[k]}\t${w}`)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const buf = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, buf);
const distinct = new Set(result.paths).size;
console.log(
  `train-clusters: wrote ${values.out} (${result.words.length} words, ${distinct} clusters, ${(buf.length / 1e3).toFixed(0)} kB) in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
