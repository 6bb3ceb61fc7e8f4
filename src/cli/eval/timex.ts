/** `chronicle eval timex <dir>`: TempEval-3 scoring of the time-expression stage on TimeML files. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { InputError } from '../../model.js';
import { tagTimexes } from '../../nlp/timex/index.js';
import { tagWithChrono } from '../../nlp/timex/chrono-baseline.js';
import { parseMeantimeTimex } from '../../eval/meantime-timex.js';
import { parseTimeML, writeTimeML, type TimemlDocument } from '../../eval/timeml.js';
import {
  addCounts,
  emptyCounts,
  scoreDocument,
  scores,
  type TimexCounts,
  type TimexScores,
} from '../../eval/timex-score.js';
import { formatOption, parse, UsageError, type CliIO, type Command } from '../common.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval timex <dir|file.tml>... [--out <dir>] [--format text|json] [--errors]
       chronicle eval timex --meantime <dir> [options]

Reads every .tml file under the given paths (recursively), takes the document creation time from the
<DCT> TIMEX3, tags the raw <TEXT> with Chronicle's time-expression stage and scores it as TempEval-3 does:
extent precision/recall/F1 with strict (exact span) and relaxed (overlap) matching, and type and value
F1 over relaxed matches (attribute P = correct/#system, R = correct/#gold). Scores are also given per
top-level sub-folder (e.g. TimeBank, AQUAINT).

With --meantime, reads the MEANTIME corpus instead (NewsReader CAT XML, every .xml file under <dir>; given
the corpus root, its intra-doc_annotation folder): the text is rebuilt from the tokens, the creation-time
TIMEX3 (the date line) gives the DCT and is left out of the text, the other token-anchored TIMEX3s are gold.

Options:
  --meantime <dir>    score the MEANTIME TIMEX3 annotations under <dir>
  --out <dir>         write the predicted TimeML documents there (same relative file names)
  --format <f>        text (default) or json
  --errors            list every missed, spurious and wrongly valued expression (text format)
  --errors-in <part>  list them only for files whose path (relative to the folder given) contains <part>,
                      e.g. TimeBank: the development set's errors without the held-out set's
  --method <m>        chronicle (default) or chrono (chrono-node as a baseline, for comparison)
`;

function listFiles(path: string, ext: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) listFiles(join(path, name), ext, out);
  } else if (path.endsWith(ext)) out.push(path);
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

/** What the figures are (see conditions.ts). */
const TIMEML_CONDITIONS = [
  'TempEval-3 scoring of the raw <TEXT> given its DCT; no gold extents are given to the tagger',
  'held out: AQUAINT. Since issue 17 part 5 the rules are developed on TimeBank only (its errors are the ' +
    'only ones looked at); the rules written before then had seen AQUAINT too, so AQUAINT is held out ' +
    'for the changes made since, not for the whole rule set. TimeBank figures are in-sample',
];
const MEANTIME_CONDITIONS = [
  'TempEval-3 scoring of the text rebuilt from MEANTIME tokens given the DCT; no gold extents are given ' +
    'to the tagger; the creation-time TIMEX3 (the date line) is left out of text and gold',
  'held out: no time-expression rule was developed on MEANTIME; its annotation follows the NewsReader ' +
    'guidelines, which differ from TimeML/TempEval-3 in places',
];

function table(rows: [string, TimexScores, TimexCounts][]): string {
  let s = `${'set'.padEnd(12)} ${'docs'.padStart(5)} ${'gold'.padStart(5)} ${'sys'.padStart(5)}   strict P/R/F          relaxed P/R/F         type F  value F\n`;
  for (const [name, sc, c] of rows) {
    s += `${name.padEnd(12)} ${String((c as TimexCounts & { docs?: number }).docs ?? '').padStart(5)} ${String(c.gold).padStart(5)} ${String(c.system).padStart(5)}  ${pct(sc.strict.p)}${pct(sc.strict.r)}${pct(sc.strict.f)}  ${pct(sc.relaxed.p)}${pct(sc.relaxed.r)}${pct(sc.relaxed.f)}  ${pct(sc.type.f)}  ${pct(sc.value.f)}\n`;
  }
  return s;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const roundPrf = (p: { p: number; r: number; f: number }) => ({
  p: round(p.p),
  r: round(p.r),
  f: round(p.f),
});

export const command: Command = {
  summary: 'TempEval-3 time-expression extents, types and values on TimeML files',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      errors: { type: 'boolean' },
      'errors-in': { type: 'string' },
      meantime: { type: 'string' },
      method: { type: 'string' },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const method = (values.method as string | undefined) ?? 'chronicle';
    if (method !== 'chronicle' && method !== 'chrono')
      throw new UsageError(`--method must be chronicle or chrono, got "${method}"`);
    let meantime = values.meantime as string | undefined;
    const errorsIn = values['errors-in'] as string | undefined;
    const listErrors = Boolean(values.errors || errorsIn !== undefined);
    if (meantime !== undefined && positionals.length)
      throw new UsageError('give either TimeML paths or --meantime <dir>, not both');
    if (meantime === undefined && !positionals.length)
      throw new UsageError('give a directory of TimeML (.tml) files, or --meantime <dir>');
    // The MEANTIME root holds the same articles twice (intra-doc and cross-doc annotation): take one.
    if (meantime !== undefined && existsSync(join(meantime, 'intra-doc_annotation')))
      meantime = join(meantime, 'intra-doc_annotation');
    const inputs = meantime !== undefined ? [meantime] : positionals;
    const ext = meantime !== undefined ? '.xml' : '.tml';
    const conditions = meantime !== undefined ? MEANTIME_CONDITIONS : TIMEML_CONDITIONS;
    const t0 = performance.now();
    const files: [string, string][] = [];
    for (const p of inputs) {
      if (!existsSync(p)) throw new UsageError(`${p}: no such file or directory`);
      const list: string[] = [];
      listFiles(p, ext, list);
      const root = statSync(p).isDirectory() ? p : dirname(p);
      for (const f of list) files.push([f, relative(root, f)]);
    }
    if (!files.length) {
      io.stderr(`chronicle eval timex: no ${ext} files under ${inputs.join(', ')}\n`);
      return 1;
    }
    const out = values.out as string | undefined;
    let total = emptyCounts();
    const parts = new Map<string, TimexCounts & { docs: number }>();
    let docs = 0;
    let failed = 0;
    const errLines: string[] = [];
    // TBAQ ships one TimeBank file a second time (testpipeline/): a file whose bytes were already scored
    // is skipped, so no document counts twice.
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [file, rel] of files) {
      let doc: TimemlDocument;
      try {
        const bytes = readFileSync(file);
        const digest = createHash('sha256').update(bytes).digest('hex');
        const first = seen.get(digest);
        if (first !== undefined) {
          duplicates.push(`${rel} (same bytes as ${first})`);
          continue;
        }
        seen.set(digest, rel);
        const xml = bytes.toString('utf8');
        doc = meantime !== undefined ? parseMeantimeTimex(xml, file) : parseTimeML(xml, file);
      } catch (e) {
        failed++;
        io.stderr(
          `chronicle eval timex: ${e instanceof InputError ? e.message : `${file}: ${(e as Error).message}`} (skipped)\n`,
        );
        continue;
      }
      if (!doc.dct) {
        failed++;
        io.stderr(
          `chronicle eval timex: ${file}: no document creation time (${meantime !== undefined ? 'creation-time TIMEX3 anchored to tokens' : '<DCT> TIMEX3 with functionInDocument="CREATION_TIME"'}) (skipped)\n`,
        );
        continue;
      }
      const predicted =
        method === 'chrono' ? tagWithChrono(doc.text, doc.dct) : tagTimexes(doc.text, { dct: doc.dct });
      const c = scoreDocument(doc.timexes, predicted);
      total = addCounts(total, c);
      docs++;
      const part = rel.includes(sep) ? rel.split(sep)[0] : '.';
      const pc = parts.get(part) ?? { ...emptyCounts(), docs: 0 };
      parts.set(part, { ...addCounts(pc, c), docs: pc.docs + 1 });
      if (listErrors && (errorsIn === undefined || rel.includes(errorsIn)))
        errLines.push(...describeErrors(rel, doc.text, doc.timexes, predicted));
      if (out) {
        const target = join(out, rel);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(
          target,
          writeTimeML({ docId: doc.docId, dctValue: doc.dctValue, text: doc.text, timexes: predicted }),
        );
      }
    }
    if (!docs) {
      io.stderr('chronicle eval timex: no document could be scored\n');
      return 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    printReport(io, format, { total, parts, docs, failed, duplicates, conditions, seconds, errLines });
    return 0;
  },
};

/** What one run scored, for the report. */
interface TimexRun {
  total: TimexCounts;
  parts: Map<string, TimexCounts & { docs: number }>;
  docs: number;
  failed: number;
  duplicates: string[];
  conditions: string[];
  seconds: number;
  errLines: string[];
}

function scoresJson(s: TimexScores) {
  return {
    strict: roundPrf(s.strict),
    relaxed: roundPrf(s.relaxed),
    type: roundPrf(s.type),
    value: roundPrf(s.value),
  };
}

/** Prints the scores as a table (with the errors asked for) or as JSON. */
function printReport(io: CliIO, format: string, run: TimexRun): void {
  const { total, parts, docs, failed, duplicates, conditions, seconds, errLines } = run;
  const sc = scores(total);
  if (format === 'json') {
    const partsJson: Record<string, unknown> = {};
    for (const [name, c] of parts) partsJson[name] = { ...scoresJson(scores(c)), documents: c.docs };
    io.stdout(
      JSON.stringify({
        ...scoresJson(sc),
        documents: docs,
        failed,
        duplicatesSkipped: duplicates,
        conditions,
        gold: total.gold,
        system: total.system,
        seconds: Math.round(seconds * 100) / 100,
        parts: partsJson,
      }) + '\n',
    );
  } else {
    if (errLines.length) io.stdout(errLines.join('\n') + '\n\n');
    const rows: [string, TimexScores, TimexCounts][] = [];
    if (parts.size > 1) for (const [name, c] of [...parts].sort()) rows.push([name, scores(c), c]);
    rows.push(['all', sc, { ...total, docs } as TimexCounts]);
    io.stdout(table(rows));
    io.stdout(`${docs} documents scored${failed ? `, ${failed} skipped` : ''} in ${seconds.toFixed(2)} s\n`);
    io.stdout(
      conditionsText([
        duplicates.length
          ? `duplicates removed: ${duplicates.length} file(s) skipped: ${duplicates.join(', ')}`
          : 'duplicates removed: none found (files compared byte for byte)',
        ...conditions,
      ]),
    );
  }
}

function describeErrors(
  rel: string,
  text: string,
  gold: { start: number; end: number; type: string; value: string }[],
  system: { start: number; end: number; type: string; value: string }[],
): string[] {
  const out: string[] = [];
  const ctx = (s: number, e: number) =>
    text.slice(Math.max(0, s - 40), s).replace(/\s+/g, ' ') +
    '[' +
    text.slice(s, e) +
    ']' +
    text.slice(e, e + 30).replace(/\s+/g, ' ');
  const used = new Set<number>();
  for (const g of gold) {
    const j = system.findIndex((s, k) => !used.has(k) && Math.min(s.end, g.end) > Math.max(s.start, g.start));
    if (j < 0) {
      out.push(`FN\t${rel}\t${g.type}\t${g.value}\t${ctx(g.start, g.end)}`);
      continue;
    }
    used.add(j);
    const s = system[j];
    if (s.start !== g.start || s.end !== g.end)
      out.push(`EXT\t${rel}\t"${text.slice(g.start, g.end)}" vs "${text.slice(s.start, s.end)}"`);
    if (s.value !== g.value || s.type !== g.type)
      out.push(`VAL\t${rel}\t${g.type} ${g.value} vs ${s.type} ${s.value}\t${ctx(s.start, s.end)}`);
  }
  system.forEach((s, k) => {
    if (!used.has(k)) out.push(`FP\t${rel}\t${s.type}\t${s.value}\t${ctx(s.start, s.end)}`);
  });
  return out;
}
