/** `chronicle eval coref <meantime-dir>`: cross-document entity coreference on MEANTIME. */
import { existsSync } from 'node:fs';
import type { Command } from '../common.js';
import { formatOption, intOption, parse, UsageError } from '../common.js';
import { InputError } from '../../model.js';
import {
  runMeantime,
  type CorefVariant,
  type MeantimeRun,
  type MeantimeVariants,
} from '../../eval/meantime-run.js';
import type { NameNoise } from '../../eval/meantime-noise.js';
import type { NameRule } from '../../eval/meantime.js';
import { conditionsText } from './conditions.js';

/** The corpora the resolver's rules were developed on, and the ones held out. */
const DEVELOPED = ['airbus', 'apple'];
const HELD_OUT = ['gm', 'stock'];

const help = `Usage: chronicle eval coref <meantime-dir> [--format text|json] [--no-system]
                            [--corpora a,b] [--noise P [--seed K]] [--names head|last-caps]

Scores Chronicle's entity resolution (aliases, cross-article merging) on MEANTIME's cross-document
entity coreference (../shared/datasets/meantime; the intra_cross-doc_annotation folder is found inside).

How gold mentions are mapped: MEANTIME mentions are noun phrases; Chronicle resolves named mentions, so
the gold mentions containing a proper name are scored, each given to the resolver as that name with its
gold type; pronouns and common-noun mentions are left out. The name of a phrase (--names):
  head       (default) the name at the phrase's head: the phrase is cut before its first post-modifier
             (comma, relative pronoun, preposition) and the last run of name words before the cut is
             taken: capitalised words, brand names with inner capitals ("zPad"), model numbers after a
             name ("Halvard 797"); a possessor of a common noun ("Halvard 's newest ferry") is no name
  last-caps  the earlier rule: the last run of capitalised words anywhere in the phrase ("General
             Motors" in "the largest car manufacturer General Motors", but also "Corvane" for "Corvane 's
             zPad" and "November" for "the ferry they will launch in November")
The selected documents are resolved together.
  gold-mentions   our resolver over those names WITH THEIR GOLD TYPES (gold spans + gold types)
  gold-spans      the same names typed by our NER instead (gold spans, our types)
  string-match    baseline: identical case-folded name and gold type form one entity
  system-mentions our NER's mentions resolved; a gold mention is found when a system mention has
                  exactly its name span; gold mentions not found are singletons
Metrics: MUC, B-cubed, CEAF-e (P/R/F1) and CoNLL F1 = mean of the three F1.

MEANTIME has four corpora (topic folders): the resolver's rules were developed on ${DEVELOPED.join(' and ')}
only; ${HELD_OUT.join(' and ')} are held out. Without --corpora the CoNLL F1 of each half (resolved on its
own) follows the table, held-out half first.

Name noise (--noise P): a share P of the gold name mentions is rewritten in the text into the variants
real news carries (a one-letter typo, two letters swapped, another romanisation, a dropped title or a
first name cut to its initial; src/eval/meantime-noise.ts), seeded by --seed (default 1); clean and
noisy figures are printed together.

Options:
  --format text|json   output (default text)
  --no-system          skip the variants that need our NER (gold-spans, system-mentions)
  --corpora a,b        score only these corpora (airbus, apple, gm, stock)
  --noise P            also score with a share P (0..1) of the gold names rewritten
  --seed K             seed of the noise (default 1)
  --names head|last-caps   how a gold mention's name is found (default head, see above)
`;

/** What each figure is given and what it was developed on (printed with the figures). */
const CONDITIONS = [
  'gold-mentions: gold mention spans and gold entity types',
  'gold-spans: gold mention spans, types from our NER',
  'system-mentions: our NER mentions and types',

  `resolver rules developed on corpora ${DEVELOPED.join(', ')} (in-sample there); ${HELD_OUT.join(', ')} held out`,
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

const json = (x: CorefVariant | null) =>
  x && {
    bcubed: x.bcubed,
    muc: x.muc,
    ceafe: x.ceafe,
    conll: x.conll,
    mentions: x.mentions,
    ...(x.found !== undefined ? { found: x.found } : {}),
  };
const variantsJson = (v: MeantimeVariants) => ({
  goldMentions: json(v.goldMentions),
  goldSpans: json(v.goldSpans),
  stringMatch: json(v.stringMatch),
  systemMentions: json(v.systemMentions),
});

const row = (name: string, x: CorefVariant | null) =>
  x
    ? `${name.padEnd(16)} ${pct(x.bcubed.p)} ${pct(x.bcubed.r)} ${pct(x.bcubed.f)}    ${pct(x.muc.f)}    ${pct(x.ceafe.f)}     ${pct(x.conll)}${x.found !== undefined ? `   (found ${x.found}/${x.mentions})` : ''}\n`
    : `${name.padEnd(16)} (not run)\n`;

function table(v: MeantimeVariants): string {
  return (
    row('gold-mentions', v.goldMentions) +
    row('gold-spans', v.goldSpans) +
    row('string-match', v.stringMatch) +
    row('system-mentions', v.systemMentions)
  );
}

function noiseLine(r: MeantimeRun, noise: NameNoise): string {
  const n = r.noisy!.noise;
  const total = Object.values(n.changed).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(n.changed)
    .map(([k, c]) => `${k} ${c}`)
    .join(', ');
  return `with name noise: ${total} of ${n.named} named mentions rewritten (${(100 * noise.share).toFixed(0)}% asked, ${n.eligible} rewritable; seed ${noise.seed}): ${kinds}\n`;
}

function noiseOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (!Number.isFinite(p) || p < 0 || p > 1)
    throw new UsageError(`--noise must be a share 0..1, got "${value}"`);
  return p;
}

/** The CoNLL F1 of each half (clean, and noisy when a noisy copy was scored), as text lines. */
function halvesText(halves: { name: string; corpora: string[]; run: MeantimeRun }[], noisy: boolean): string {
  let out = `by half (each resolved on its own), CoNLL F1:${noisy ? '   clean  noisy' : ''}\n`;
  for (const h of halves) {
    out += `  ${h.name} (${h.corpora.join(', ')}, ${h.run.documents} documents)\n`;
    const names: [string, keyof MeantimeVariants][] = [
      ['gold-mentions', 'goldMentions'],
      ['gold-spans', 'goldSpans'],
      ['system-mentions', 'systemMentions'],
    ];
    for (const [name, k] of names) {
      const c = h.run.variants[k];
      const n = h.run.noisy?.[k];
      out += `    ${name.padEnd(16)} ${c ? pct(c.conll) : '  n/a'}${h.run.noisy ? `  ${n ? pct(n.conll) : '  n/a'}` : ''}\n`;
    }
  }
  return out;
}

export const command: Command = {
  summary: 'MEANTIME cross-document entity coreference',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      'no-system': { type: 'boolean' },
      corpora: { type: 'string' },
      noise: { type: 'string' },
      seed: { type: 'string' },
      names: { type: 'string' },
    });
    const names = (values.names ?? 'head') as NameRule;
    if (names !== 'head' && names !== 'last-caps')
      throw new UsageError(`--names must be head or last-caps, got "${String(values.names)}"`);
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const share = noiseOption(values.noise);
    const seed = intOption(values.seed, 'seed') ?? 1;
    const noise = share !== undefined ? { share, seed } : undefined;
    const corpora =
      typeof values.corpora === 'string'
        ? values.corpora
            .split(',')
            .map((c) => c.trim().replace(/^corpus_/, ''))
            .filter(Boolean)
        : undefined;
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the MEANTIME folder, e.g. ../shared/datasets/meantime');
    if (!existsSync(dir)) {
      io.stderr(`chronicle eval coref: ${dir}: no such folder (the MEANTIME data is not there)\n`);
      return 1;
    }
    const system = !values['no-system'];
    let res: MeantimeRun;
    let halves: { name: string; corpora: string[]; run: MeantimeRun }[] = [];
    try {
      res = runMeantime(dir, { system, corpora, noise, names });
      // the halves, when the whole corpus was asked for and it has them
      if (!corpora && res.documents > 0) {
        try {
          halves = [
            {
              name: 'held out',
              corpora: HELD_OUT,
              run: runMeantime(dir, { system, corpora: HELD_OUT, noise, names }),
            },
            {
              name: 'developed on',
              corpora: DEVELOPED,
              run: runMeantime(dir, { system, corpora: DEVELOPED, noise, names }),
            },
          ];
        } catch (e) {
          // a folder holding only some of the corpora: no halves
          if (!(e instanceof InputError)) throw e;
          halves = [];
        }
      }
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`chronicle eval coref: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (!values.quiet) for (const e of res.errors) io.stderr(`warning: ${e.message}\n`);
    const v = res.variants;
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          {
            bcubed: v.goldMentions.bcubed,
            conll: v.goldMentions.conll,
            conditions: CONDITIONS,
            ...variantsJson(v),
            noisy: res.noisy && { ...variantsJson(res.noisy), noise: res.noisy.noise, seed, share },
            halves: halves.map((h) => ({
              name: h.name,
              corpora: h.corpora,
              documents: h.run.documents,
              clean: variantsJson(h.run.variants),
              noisy: h.run.noisy && variantsJson(h.run.noisy),
            })),
            mentions: res.goldMentions,
            entities: res.goldEntities,
            documents: res.documents,
            corpora: corpora ?? null,
            seconds: res.seconds,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    io.stdout(
      `MEANTIME ${dir}${corpora ? ` (corpora ${corpora.join(', ')})` : ''}: ${res.documents} documents, ${res.goldMentions} named gold mentions of ${res.goldEntities} entities, ${res.seconds.toFixed(2)} s\n`,
    );
    io.stdout(`                  B-cubed P/R/F1        MUC F1  CEAF-e F1  CoNLL F1\n`);
    io.stdout(table(v));
    if (res.noisy && noise) {
      io.stdout(noiseLine(res, noise));
      io.stdout(table(res.noisy));
    }
    if (halves.length) io.stdout(halvesText(halves, Boolean(noise)));
    io.stdout(
      conditionsText([
        ...CONDITIONS,
        names === 'head'
          ? 'gold names: the name at the head of each gold phrase (--names head; --names last-caps gives the earlier mapping)'
          : 'gold names: the last run of capitalised words of each gold phrase (--names last-caps, the earlier mapping)',
      ]),
    );
    return 0;
  },
};
