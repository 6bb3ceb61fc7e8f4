/**
 * Checks that no dataset text made its way into the repository: every run of MIN_RUN or more consecutive
 * words in src/, test/, docs/, examples/, bench/, scripts/ and the README files that also occurs in a file
 * of the shared datasets is printed with both places. The standards forbid third-party text in the
 * repository (comments and fixtures included); this is the check behind that rule. CI does not run it
 * (CI has no datasets); run it before a release:
 *
 *   npx tsx scripts/check-dataset-text.ts ../shared/datasets [--min N] [--window N]
 *
 * Method: word tokens (letters and digits, lower-cased; markup tags and CoNLL columns other than the word
 * dropped) of the repository are indexed by hashed WINDOW-word shingles; every dataset file is streamed
 * through the same tokeniser and its shingles looked up. Overlapping hits on one repository file are
 * merged into runs; a run shorter than MIN_RUN words is a common phrase, not a copied sentence. Exits 1
 * when any run is found.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

/** Shingle size used for lookup (`--window N`). */
let WINDOW = 8;
/** A run of at least this many shared words is reported (about a sentence; 8-11 word runs are set phrases). */
const DEFAULT_MIN_RUN = 12;
const REPO_DIRS = ['src', 'test', 'docs', 'examples', 'bench', 'scripts', 'web'];
const REPO_FILE_RE = /\.(?:ts|js|mjs|json|md|txt|html|htm|jsonl|css|tml|xml)$/i;
const WORD_RE = /[\p{L}\p{N}]+/gu;

function words(text: string): { w: string; at: number }[] {
  const out: { w: string; at: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ w: m[0].toLowerCase(), at: m.index });
  return out;
}

/** FNV-1a over the window's words, as a base-36 string key (collisions are checked by comparing words). */
function shingleKey(ws: string[], from: number): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = from; i < from + WINDOW; i++) {
    const w = ws[i];
    for (let j = 0; j < w.length; j++) {
      h1 = Math.imul(h1 ^ w.charCodeAt(j), 16777619);
      h2 = Math.imul(h2 ^ w.charCodeAt(j), 2246822519);
    }
    h1 = Math.imul(h1 ^ 32, 16777619);
    h2 = Math.imul(h2 ^ 32, 2246822519);
  }
  return (h1 >>> 0).toString(36) + ':' + (h2 >>> 0).toString(36);
}

function walk(dir: string, keep: (p: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, keep, out);
    else if (st.isFile() && keep(p)) out.push(p);
  }
  return out;
}

/** The words of a dataset file: gunzipped, markup dropped, CoNLL reduced to its word column. */
function datasetText(path: string): string {
  let buf = readFileSync(path);
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  let text = buf.toString('utf8');
  if (/conll|eng\.(?:train|testa|testb)$/.test(path) && !/\.json$/.test(path))
    return text
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter((w) => w && w !== '-DOCSTART-')
      .join(' ');
  if (/\.(?:html?|xml|tml|gz)$/i.test(path) || text.trimStart().startsWith('<'))
    text = text
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ');
  return text;
}

interface Hit {
  repoFile: string;
  file: number;
  /** Word index range in the repository file. */
  from: number;
  to: number;
  dataset: string;
}

function main(): number {
  const args = process.argv.slice(2);
  const root = args.find((a, i) => !a.startsWith('--') && !(i > 0 && /^--(?:min|window)$/.test(args[i - 1])));
  const minAt = args.indexOf('--min');
  const minRun = minAt >= 0 ? Number(args[minAt + 1]) : DEFAULT_MIN_RUN;
  const windowAt = args.indexOf('--window');
  if (windowAt >= 0) WINDOW = Number(args[windowAt + 1]);
  if (!root || !existsSync(root)) {
    process.stderr.write('usage: npx tsx scripts/check-dataset-text.ts <datasets folder> [--min N]\n');
    return 2;
  }
  const repoRoot = join(import.meta.dirname, '..');
  const repoFiles = [
    ...REPO_DIRS.flatMap((d) => walk(join(repoRoot, d), (p) => REPO_FILE_RE.test(p))),
    join(repoRoot, 'README.md'),
  ].filter((p) => existsSync(p) && !p.endsWith('check-dataset-text.ts'));

  // Index: shingle key -> list of (file, word index).
  const index = new Map<string, { file: number; at: number }[]>();
  const repoWords: { w: string; at: number }[][] = [];
  repoFiles.forEach((f, fi) => {
    const ws = words(readFileSync(f, 'utf8'));
    repoWords.push(ws);
    const plain = ws.map((x) => x.w);
    for (let i = 0; i + WINDOW <= plain.length; i++) {
      const k = shingleKey(plain, i);
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push({ file: fi, at: i });
    }
  });

  // The datasets' own top-level README is our workplace's description of the protocols, not dataset text.
  const datasetFiles = walk(
    root,
    (p) => !/\.(?:pdf|xsd|py|sh)$/i.test(p) && !/LICENSE$/.test(p) && p !== join(root, 'README.md'),
  );
  // Runs are found per dataset file along one alignment (repository word index minus dataset word index),
  // so that a run is one passage both share, never a chain of common phrases from different files.
  const best = new Map<string, Hit>();
  let scanned = 0;
  for (const df of datasetFiles) {
    const ws = words(datasetText(df)).map((x) => x.w);
    scanned += ws.length;
    const open = new Map<string, { file: number; from: number; to: number }>();
    const close = (run: { file: number; from: number; to: number }) => {
      if (run.to - run.from < minRun) return;
      const key = `${run.file}:${run.from}`;
      const prev = best.get(key);
      if (!prev || prev.to < run.to)
        best.set(key, {
          repoFile: relative(repoRoot, repoFiles[run.file]),
          ...run,
          dataset: relative(root, df),
        });
    };
    for (let i = 0; i + WINDOW <= ws.length; i++) {
      const list = index.get(shingleKey(ws, i));
      if (!list) continue;
      for (const { file, at } of list) {
        const rw = repoWords[file];
        let same = true;
        for (let j = 0; j < WINDOW && same; j++) same = rw[at + j].w === ws[i + j];
        if (!same) continue;
        const diag = `${file}:${at - i}`;
        const run = open.get(diag);
        if (run && run.to >= at + WINDOW - 1) run.to = at + WINDOW;
        else {
          if (run) close(run);
          open.set(diag, { file, from: at, to: at + WINDOW });
        }
      }
    }
    for (const run of open.values()) close(run);
  }
  const hits = [...best.values()]
    .filter(
      (h) =>
        ![...best.values()].some(
          (o) =>
            o !== h &&
            o.repoFile === h.repoFile &&
            o.from <= h.from &&
            o.to >= h.to &&
            o.to - o.from > h.to - h.from,
        ),
    )
    .sort((x, y) => x.repoFile.localeCompare(y.repoFile) || x.from - y.from);

  process.stdout.write(
    `checked ${repoFiles.length} repository files against ${datasetFiles.length} dataset files ` +
      `(${scanned.toLocaleString('en')} words); runs of >= ${minRun} shared words: ${hits.length}\n`,
  );
  for (const h of hits) {
    const ws = repoWords[h.file];
    const text = readFileSync(join(repoRoot, h.repoFile), 'utf8');
    const line = text.slice(0, ws[h.from].at).split('\n').length;
    const excerpt = ws
      .slice(h.from, h.to)
      .map((x) => x.w)
      .join(' ');
    process.stdout.write(
      `${h.repoFile}:${line}  ${h.to - h.from} words  (e.g. ${h.dataset})\n  ${excerpt}\n`,
    );
  }
  return hits.length ? 1 : 0;
}

process.exitCode = main();
