/** `chronicle eval coref <meantime-dir>`: cross-document entity coreference on MEANTIME. */
import { existsSync } from 'node:fs';
import type { Command } from '../common.js';
import { formatOption, parse, UsageError } from '../common.js';
import { InputError } from '../../model.js';
import { runMeantime, type CorefVariant } from '../../eval/meantime-run.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval coref <meantime-dir> [--format text|json] [--no-system]

Scores Chronicle's entity resolution (aliases, cross-article merging) on MEANTIME's cross-document
entity coreference (../shared/datasets/meantime; the intra_cross-doc_annotation folder is found inside).

How gold mentions are mapped: MEANTIME mentions are noun phrases; Chronicle resolves named mentions, so
the gold mentions containing a proper name are scored, each given to the resolver as that name (the
last run of capitalised tokens: "General Motors" in "the largest car manufacturer General Motors") with
its gold type; pronouns and common-noun mentions are left out. All 120 documents are resolved together.
  gold-mentions   our resolver over those names WITH THEIR GOLD TYPES (gold spans + gold types)
  gold-spans      the same names typed by our NER instead (gold spans, our types)
  string-match    baseline: identical case-folded name and gold type form one entity
  system-mentions our NER's mentions resolved; a gold mention is found when a system mention has
                  exactly its name span; gold mentions not found are singletons
Metrics: MUC, B-cubed, CEAF-e (P/R/F1) and CoNLL F1 = mean of the three F1.

Options:
  --format text|json   output (default text)
  --no-system          skip the system-mention variant (no NER run)
`;

/** What each figure is given and what it was developed on (printed with the figures). */
const CONDITIONS = [
  'gold-mentions: gold mention spans and gold entity types',
  'gold-spans: gold mention spans, types from our NER',
  'system-mentions: our NER mentions and types',
  'all 120 documents scored; the resolver rules were developed looking at this corpus (in-sample)',
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export const command: Command = {
  summary: 'MEANTIME cross-document entity coreference',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      'no-system': { type: 'boolean' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the MEANTIME folder, e.g. ../shared/datasets/meantime');
    if (!existsSync(dir)) {
      io.stderr(`chronicle eval coref: ${dir}: no such folder (the MEANTIME data is not there)\n`);
      return 1;
    }
    let res;
    try {
      res = runMeantime(dir, { system: !values['no-system'] });
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`chronicle eval coref: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (!values.quiet) for (const e of res.errors) io.stderr(`warning: ${e.message}\n`);
    const v = res.variants;
    const j = (x: CorefVariant | null) =>
      x && {
        bcubed: x.bcubed,
        muc: x.muc,
        ceafe: x.ceafe,
        conll: x.conll,
        mentions: x.mentions,
        ...(x.found !== undefined ? { found: x.found } : {}),
      };
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          {
            bcubed: v.goldMentions.bcubed,
            conll: v.goldMentions.conll,
            conditions: CONDITIONS,
            goldMentions: j(v.goldMentions),
            goldSpans: j(v.goldSpans),
            stringMatch: j(v.stringMatch),
            systemMentions: j(v.systemMentions),
            mentions: res.goldMentions,
            entities: res.goldEntities,
            documents: res.documents,
            seconds: res.seconds,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    io.stdout(
      `MEANTIME ${dir}: ${res.documents} documents, ${res.goldMentions} named gold mentions of ${res.goldEntities} entities, ${res.seconds.toFixed(2)} s\n`,
    );
    io.stdout(`                  B-cubed P/R/F1        MUC F1  CEAF-e F1  CoNLL F1\n`);
    const row = (name: string, x: CorefVariant | null) =>
      x
        ? `${name.padEnd(16)} ${pct(x.bcubed.p)} ${pct(x.bcubed.r)} ${pct(x.bcubed.f)}    ${pct(x.muc.f)}    ${pct(x.ceafe.f)}     ${pct(x.conll)}${x.found !== undefined ? `   (found ${x.found}/${x.mentions})` : ''}\n`
        : `${name.padEnd(16)} (not run)\n`;
    io.stdout(row('gold-mentions', v.goldMentions));
    io.stdout(row('gold-spans', v.goldSpans));
    io.stdout(row('string-match', v.stringMatch));
    io.stdout(row('system-mentions', v.systemMentions));
    io.stdout(conditionsText(CONDITIONS));
    return 0;
  },
};
