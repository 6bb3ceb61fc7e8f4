/** `chronicle eval quotes <polnear-split-dir>`: quote and attribution extraction scored on PolNeAR. */
import { existsSync } from 'node:fs';
import type { Command } from '../common.js';
import { formatOption, parse, UsageError } from '../common.js';
import { InputError } from '../../model.js';
import { runPolnear } from '../../eval/polnear-run.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval quotes <polnear-split-dir> [--format text|json] [--limit N]

Scores quote/attribution extraction on a PolNeAR split folder (the one holding text/ and attributions/,
e.g. ../shared/datasets/polnear/data/dev). Each text is run through Chronicle's pipeline (sentences, NER,
entity resolution, quotes); every attribution it finds (direct, partial, indirect) is compared with the
gold Content/Source spans of the first annotation file of that text.

  content  P/R/F1 of content spans: overlap match (one-to-one, greedy by overlap), and "exact" (equal
           after trimming whitespace, quotation marks and , . ; : at both ends)
  source   for matched contents whose gold has a Source: share whose predicted speaker span overlaps it
           (also given for indirect attributions: gold contents not in quotation marks)
  speakers predicted speakers that are neither an entity nor a description with a head noun (fragments
           such as "of an", clauses, bare nationality adjectives such as "French"); our own check
  direct   attributions whose content is in quotation marks (gold for recall, ours for precision)
  all      every attribution

Bad .ann lines (spans beyond the text, malformed lines, annotation/text mismatches) are reported on
stderr with file and line; the rest is scored.

Options:
  --format text|json   output (default text)
  --limit N            score only the first N texts
  -q, --quiet          no warnings on stderr
`;

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  'the full pipeline (our sentences, NER, entities and quote rules) on the raw text: no gold spans given',
  'source accuracy is over gold attributions whose content we matched; direct = quotation-mark quotes',
  'the attribution rules were developed looking at PolNeAR train and dev documents before issue 17; the issue 17 changes (speakers, cues) were developed on train only, dev held out',
];

export const command: Command = {
  summary: 'PolNeAR quote and attribution extraction',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { format: { type: 'string' }, limit: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the PolNeAR split folder, e.g. ../shared/datasets/polnear/data/dev');
    if (!existsSync(dir)) {
      io.stderr(`chronicle eval quotes: ${dir}: no such folder (the PolNeAR data is not there)\n`);
      return 1;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    let res;
    try {
      res = runPolnear(dir, { limit });
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`chronicle eval quotes: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (!values.quiet) for (const e of res.errors) io.stderr(`warning: ${e.message}\n`);
    const s = res.scores;
    if (format === 'json') {
      const strip = (x: typeof s.all) => ({
        content: {
          p: x.content.p,
          r: x.content.r,
          f: x.content.f,
          predicted: x.content.predicted,
          gold: x.content.gold,
          exact: { p: x.content.exact.p, r: x.content.exact.r, f: x.content.exact.f },
        },
        source: x.source,
      });
      io.stdout(
        JSON.stringify(
          {
            direct: strip(s.direct),
            all: strip(s.all),
            indirectSource: s.indirectSource,
            speakers: s.speakers,
            documents: res.documents,
            errors: res.errors.length,
            seconds: res.seconds,
            conditions: CONDITIONS,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const row = (name: string, x: typeof s.all) =>
      `${name.padEnd(8)} ${pct(x.content.p)} ${pct(x.content.r)} ${pct(x.content.f)}   ${pct(x.content.exact.p)} ${pct(x.content.exact.r)} ${pct(x.content.exact.f)}   ${pct(x.source.acc)} (${x.source.n})  gold ${x.content.gold}, predicted ${x.content.predicted}\n`;
    io.stdout(`PolNeAR ${dir}: ${res.documents} documents, ${res.seconds.toFixed(2)} s\n`);
    io.stdout(`               overlap match          exact match        source\n`);
    io.stdout(`            P     R     F1       P     R     F1        acc\n`);
    io.stdout(row('direct', s.direct));
    io.stdout(row('all', s.all));
    io.stdout(`indirect source acc ${pct(s.indirectSource.acc)} (${s.indirectSource.n})\n`);
    const reasons = Object.entries(s.speakers.reasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    io.stdout(
      `speakers: ${s.speakers.predicted} predicted, ${s.speakers.bad} neither an entity nor a headed description${
        reasons
          ? ` (${reasons}; e.g. ${s.speakers.examples
              .slice(0, 5)
              .map((x) => JSON.stringify(x))
              .join(', ')})`
          : ''
      }\n`,
    );
    io.stdout(conditionsText(CONDITIONS));
    return 0;
  },
};
