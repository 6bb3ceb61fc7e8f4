/**
 * Adversarial inputs: generated hostile texts and pages (nothing is downloaded) that made a stage
 * quadratic, recursive or unbounded in memory. Each case runs in its own child process so its peak RSS
 * is its own; the target is < 10 s and < 500 MB per case. Time is CPU seconds of the process (all
 * threads) for the work after generating the input, so that a shared machine's load does not count;
 * wall seconds are printed too.
 * Usage: node --import tsx bench/adversarial.bench.ts   (or `npm run bench -- adversarial`)
 *        node --import tsx bench/adversarial.bench.ts [datasets-root] --only <case,case>
 * Prints one line per case (CPU and wall seconds, peak RSS, the slowest stages) and one summary line;
 * exits 1 when a case misses the target. ADVERSARIAL_TIMEOUT=<s> (default 120, wall) stops a child.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newArticle, type Article } from '../src/model.js';
import { runPipeline } from '../src/pipeline.js';
import { readInputs } from '../src/ingest/index.js';

const MAX_SECONDS = 10;
const MAX_RSS_MB = 500;
const MB = 1024 * 1024;

/** Words of invented prose: names, honorifics, roles, vessel nouns, dates and cue verbs the stages react to. */
const PROSE =
  'Mr Olander met Dr Ruiz near the tanker Aster Dawn as Kelvik Mayor Piet Olander said on Monday March 3 2024 ' +
  'that the Harbour Board of Vesterholm would meet Ms Ana Ruiz and the Coast Guard in Brindle Bay next week ' +
  'while spokesman Daniel Roper told reporters the ferry Morning Gull had left port ';

/** `s` repeated (whole copies) up to about `size` characters. */
const fill = (s: string, size: number) => s.repeat(Math.max(1, Math.ceil(size / s.length)));

/** A capitalised invented word for index i ("Brakov", "Telmin", ...): distinct names in bulk. */
function name(i: number): string {
  const syl = ['bra', 'tel', 'vok', 'min', 'sar', 'dun', 'keli', 'om', 'rest', 'ul'];
  let s = '';
  let n = i + 10;
  while (n > 0) {
    s += syl[n % 10];
    n = Math.floor(n / 10);
  }
  return s[0].toUpperCase() + s.slice(1);
}

/** An input file: read through readInputs (the reader is timed, as `read`). */
interface InputFile {
  ext: 'txt' | 'html';
  content: string;
}
/** A dated text file (` date YYYY-MM-DD` header) holding `text`. */
const dated = (text: string): InputFile => ({ ext: 'txt', content: ` date 2024-03-04 ${text}` });
const page = (html: string): InputFile => ({ ext: 'html', content: html });

interface Case {
  what: string;
  /** Build the input (not timed): a file to read, or articles already in memory. */
  make(): Article[] | InputFile;
}

/** Every case goes through the reader (text files, HTML pages: extraction) and then the whole pipeline. */
const CASES: Record<string, Case> = {
  'one-line-5mb': {
    what: '5 MB on one line without a full stop',
    make: () => dated(fill(PROSE, 5 * MB).replace(/\./g, '')),
  },
  'sentence-50k-tokens': {
    what: 'one sentence of 50,000 tokens (ends with a full stop)',
    make: () =>
      dated(
        fill(PROSE, 50_000 * 5)
          .split(' ')
          .slice(0, 50_000)
          .join(' ') + '.',
      ),
  },
  'unclosed-quote-1mb': {
    what: 'an opening “ never closed, then 1 MB of sentences on one line',
    make: () => dated('Olander said: “' + fill('The ferry Morning Gull left port on Monday. ', MB)),
  },
  'unclosed-straight-quote-1mb': {
    what: 'an opening " never closed, then 1 MB of sentences on one line',
    make: () => dated('Olander said: "' + fill('The ferry Morning Gull left port on Monday. ', MB)),
  },
  'single-quotes-1mb': {
    what: '1 MB of ‘ openings never closed',
    make: () => dated(fill('He said ‘ ', MB)),
  },
  'quote-marks-1mb': {
    what: '1 MB of alternating quote marks and cue words',
    make: () => dated(fill('“ Ruiz said ” “ said Olander, ', MB)),
  },
  'honorifics-1mb': {
    what: '1 MB of honorific + name pairs in sentences of 40 words',
    make: () =>
      dated(
        fill('Mr Olander and Dr Ruiz and Ms Vik and Mrs Holt and Dr Ana Lund and '.repeat(3) + 'met. ', MB),
      ),
  },
  'vessel-names-1mb': {
    what: '1 MB of distinct vessel names, each mentioned again later',
    make: () => {
      const parts: string[] = [];
      for (let i = 0; parts.join('').length < MB / 2; i++)
        parts.push(`The tanker ${name(i)} Dawn left. The ${name(i)} Dawn came back. `);
      return dated(parts.join(''));
    },
  },
  'distinct-names-1mb': {
    what: '1 MB of distinct two-word names (entity resolution)',
    make: () => {
      const parts: string[] = [];
      for (let i = 0, n = 0; n < MB; i++) {
        const s = `${name(i)} ${name(i + 7)} met ${name(i * 3)} in ${name(i + 1)}. `;
        parts.push(s);
        n += s.length;
      }
      return dated(parts.join(''));
    },
  },
  'dates-1mb': {
    what: '1 MB of date expressions without a full stop',
    make: () =>
      dated(fill('on March 3, 2024 and 4 March 2024 or last Monday and 2024-03-05 until next week ', MB)),
  },
  'short-lines-1mb': {
    what: '1 MB of one-word lines (150,000 sentences)',
    make: () => dated(fill('Kelvik\n', MB)),
  },
  'short-sentence-lines-1mb': {
    what: '1 MB of short sentences, one a line (50,000 lines: every line a title candidate)',
    make: () => dated(fill('The ferry left port.\n', MB)),
  },
  'undated-date-lines-1mb': {
    what: '1 MB of "Published <date> by <name>" lines and no header (the text is searched for the date)',
    make: () => ({ ext: 'txt', content: fill('Published March 3, 2024 by A. Writer\n', MB) }),
  },
  'cue-words-1mb': {
    what: '1 MB of "and said" without a full stop (cue words)',
    make: () => dated(fill('Ruiz and said that Olander and then said ', MB)),
  },
  'many-articles-dedup': {
    what: '2,000 near-identical articles of 1 KB (dedup)',
    make: () => {
      const body = fill(PROSE.replace(/ next week /, ' next week. '), 1000);
      return Array.from({ length: 2000 }, (_, i) =>
        newArticle({ id: `a${i}`, rawText: `Story ${i % 7}. ${body}`, publishedAt: '2024-03-04' }),
      );
    },
  },
  'html-unclosed-div-1m': {
    what: 'a million unclosed <div> (5 MB)',
    make: () => page('<html><body>' + '<div>'.repeat(1_000_000) + fill(PROSE + '. ', 2000)),
  },
  'html-nested-100k': {
    what: '100,000-deep nested <div>',
    make: () =>
      page('<html><body>' + '<div>'.repeat(100_000) + fill(PROSE + '. ', 2000) + '</div>'.repeat(100_000)),
  },
  'html-nested-inline-100k': {
    what: '100,000-deep nested <b> (inline, never closed)',
    make: () => page('<html><body><p>' + '<b>'.repeat(100_000) + fill(PROSE + '. ', 2000)),
  },
  'html-unclosed-script-100k': {
    what: '100,000 <script> openings never closed',
    make: () => page('<html><body><p>' + fill(PROSE + '. ', 2000) + '</p>' + '<script>x'.repeat(100_000)),
  },
  'html-unclosed-comment-1m': {
    what: 'a million <!-- never closed',
    make: () => page('<html><body><p>' + fill(PROSE + '. ', 2000) + '</p>' + '<!--'.repeat(1_000_000)),
  },
  'html-paragraphs-80k': {
    what: '80,000 short paragraphs (2 MB; over the element limit)',
    make: () =>
      page(
        '<html><body><article>' + fill('<p>The ferry left port.</p>', 2 * MB) + '</article></body></html>',
      ),
  },
  'html-one-line-2mb': {
    what: 'one 2 MB paragraph',
    make: () => page('<html><body><p>' + fill(PROSE, 2 * MB) + '</p></body></html>'),
  },
  'html-deep-text-1mb': {
    what: '1 MB of text under 250 nested <div>',
    make: () => page('<html><body>' + '<div>'.repeat(250) + fill(PROSE + '. ', MB) + '</div>'.repeat(250)),
  },
};

/** Child: build one case, run it, print a JSON line with the work seconds, peak RSS and stage seconds. */
async function runCase(key: string): Promise<void> {
  const c = CASES[key];
  const input = c.make();
  const stages: Record<string, number> = {};
  let articles: Article[];
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  if (!Array.isArray(input)) {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-adversarial-'));
    try {
      const file = join(dir, `${key}.${input.ext}`);
      writeFileSync(file, input.content);
      input.content = '';
      cpu0 = process.cpuUsage();
      t0 = performance.now();
      const r = await readInputs([file]);
      articles = r.articles;
      stages.read = (performance.now() - t0) / 1000;
      if (!articles.length) stages.errors = r.errors.length;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else articles = input;
  runPipeline(articles, { onStageTime: (s, sec) => (stages[s] = sec) });
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
  console.log(JSON.stringify({ seconds, cpuSeconds, rssMb, sentences, stages }));
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : Object.keys(CASES);
  const timeout = Number(process.env.ADVERSARIAL_TIMEOUT ?? 120) * 1000;
  const self = fileURLToPath(import.meta.url);
  let failed = 0;
  let slowest = 0;
  let largest = 0;
  for (const key of only) {
    if (!CASES[key]) throw new Error(`unknown case ${key}; cases: ${Object.keys(CASES).join(', ')}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', key], {
      encoding: 'utf8',
      timeout,
      killSignal: 'SIGKILL',
      maxBuffer: 16 * MB,
    });
    const line = r.stdout?.trim().split('\n').pop() ?? '';
    let res: {
      seconds: number;
      cpuSeconds: number;
      rssMb: number;
      sentences: number;
      stages: Record<string, number>;
    } | null = null;
    try {
      res = JSON.parse(line);
    } catch {
      res = null;
    }
    if (!res) {
      failed++;
      const why = r.error
        ? `stopped after ${timeout / 1000} s`
        : `exit ${r.status} ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`;
      console.log(`${key.padEnd(28)} FAILED (${why}) — ${CASES[key].what}`);
      continue;
    }
    const ok = res.cpuSeconds < MAX_SECONDS && res.rssMb < MAX_RSS_MB;
    if (!ok) failed++;
    slowest = Math.max(slowest, res.cpuSeconds);
    largest = Math.max(largest, res.rssMb);
    const top = Object.entries(res.stages)
      .filter(([, s]) => s >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([s, t]) => `${s}=${t.toFixed(2)}`)
      .join(' ');
    console.log(
      `${key.padEnd(28)} ${ok ? 'ok  ' : 'OVER'} cpu=${res.cpuSeconds.toFixed(2).padStart(5)}s wall=${res.seconds.toFixed(2).padStart(5)}s peakRSS=${res.rssMb.toFixed(0).padStart(4)}MB sentences=${res.sentences} wall by stage: ${top} — ${CASES[key].what}`,
    );
  }
  console.log(
    `adversarial: cases=${only.length} over=${failed} slowestCpu=${slowest.toFixed(2)}s largestRSS=${largest.toFixed(0)}MB (target < ${MAX_SECONDS} CPU s and < ${MAX_RSS_MB} MB each)`,
  );
  process.exit(failed ? 1 : 0);
}

if (process.argv.includes('--case')) await runCase(process.argv[process.argv.indexOf('--case') + 1]);
else main();
