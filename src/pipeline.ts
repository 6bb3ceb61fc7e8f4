/**
 * The named stages and the runner that passes articles through them, spaCy-style: each stage does one
 * job, reads what earlier stages added, and can be disabled by name. Each stage declares what it reads and
 * writes, so a disable set that starves a later stage (no sentences, hence no time expressions) is refused
 * with an error naming both, instead of silently giving empty annotations.
 */
import { InputError, type Analysis, type Article, type Entity } from './model.js';
import { cleanArticle, type CleanOptions } from './clean/index.js';
import { annotateSentences } from './nlp/sentences.js';
import { annotateTimexes } from './nlp/timex/index.js';
import { annotateMentions } from './nlp/ner/index.js';
import { resolveEntities } from './nlp/entities/index.js';
import { annotateQuotes } from './nlp/quotes/index.js';
import { markNearDuplicates } from './dedup/index.js';

export type StageName = 'clean' | 'sentences' | 'timex' | 'mentions' | 'entities' | 'quotes' | 'dedup';

export interface AnalyzeOptions {
  /** Stages to skip by name (for speed when a caller does not need them). */
  disable?: StageName[];
  /** Called after each stage with the number of articles done (for progress bars). */
  onProgress?: (stage: StageName, done: number, total: number) => void;
  /** Called after each stage with its wall-clock duration in seconds (benchmarks). */
  onStageTime?: (stage: StageName, seconds: number) => void;
  /** Options of the clean stage (which furniture model, if any, runs after the rules). */
  clean?: CleanOptions;
}

export interface StageContext {
  options: AnalyzeOptions;
  /** Corpus-level entities, filled by the `entities` stage. */
  entities: Entity[];
  /** Problems found on the way (an article that cleaning left empty), added to the analysis' errors. */
  errors: InputError[];
}

/**
 * What stages pass to each other: annotations on the articles (`sentences`, `timexes` inside them,
 * `mentions`, `quotes`, `duplicates`) and the corpus-level `entities`. `text` comes with every input.
 */
export type Annotation = 'text' | 'sentences' | 'timexes' | 'mentions' | 'entities' | 'quotes' | 'duplicates';

/** What the readers give every article before any stage runs. */
export const INPUT_ANNOTATIONS: readonly Annotation[] = ['text'];

export interface Stage {
  name: StageName;
  /** Annotations this stage needs from earlier stages (or the input). */
  reads: readonly Annotation[];
  /** Annotations this stage adds or replaces. */
  writes: readonly Annotation[];
  run(articles: Article[], ctx: StageContext): void;
}

/** A disable set that leaves an enabled stage without an input it reads. */
export class StageContractError extends Error {
  constructor(
    readonly stage: StageName,
    readonly missing: Annotation,
    readonly disabledWriters: StageName[],
  ) {
    super(
      `stage "${stage}" reads ${missing}, which no enabled stage before it writes` +
        (disabledWriters.length
          ? ` (written by "${disabledWriters.join('", "')}", disabled): enable ${disabledWriters.length === 1 ? 'it' : 'one of them'} or disable "${stage}" too`
          : ''),
    );
    this.name = 'StageContractError';
  }
}

/** A stage that processes each article on its own. */
function perArticle(
  name: StageName,
  contract: { reads: Annotation[]; writes: Annotation[] },
  fn: (a: Article, ctx: StageContext) => void,
): Stage {
  return {
    name,
    ...contract,
    run(articles, ctx) {
      articles.forEach((a, i) => {
        fn(a, ctx);
        if (ctx.options.onProgress && (i % 50 === 49 || i === articles.length - 1))
          ctx.options.onProgress(name, i + 1, articles.length);
      });
    },
  };
}

const HAS_WORD_RE = /[\p{L}\p{N}]/u;

/**
 * Clean, and report an article that had words but has none left (a page copy that was all furniture):
 * it stays in the analysis (callers pair results with inputs) but with no text it yields no sentences,
 * so nothing of it reaches a timeline.
 */
function cleanStage(a: Article, ctx: StageContext): void {
  cleanArticle(a, ctx.options.clean);
  if (HAS_WORD_RE.test(a.text) || !HAS_WORD_RE.test(a.rawText)) return;
  const e = new InputError(
    a.path ?? a.url ?? a.id,
    `nothing left after removing page furniture (${a.removed.length} lines removed); the article is skipped`,
  );
  a.warnings.push(e.message);
  ctx.errors.push(e);
}

export const stages: readonly Stage[] = [
  perArticle('clean', { reads: ['text'], writes: ['text'] }, cleanStage),
  perArticle('sentences', { reads: ['text'], writes: ['sentences'] }, (a) => annotateSentences(a)),
  perArticle('timex', { reads: ['sentences'], writes: ['timexes'] }, (a) => annotateTimexes(a)),
  perArticle('mentions', { reads: ['sentences'], writes: ['mentions'] }, (a) => annotateMentions(a)),
  {
    name: 'entities',
    reads: ['mentions'],
    writes: ['entities'],
    run(articles, ctx) {
      ctx.entities = resolveEntities(articles);
    },
  },
  // Speakers are resolved to the corpus entities' canonical names.
  perArticle('quotes', { reads: ['sentences', 'entities'], writes: ['quotes'] }, (a, ctx) =>
    annotateQuotes(a, ctx.entities),
  ),
  {
    name: 'dedup',
    reads: ['sentences'],
    writes: ['duplicates'],
    run(articles) {
      markNearDuplicates(articles);
    },
  },
];

/**
 * Check a disable set against the stages' contracts: every name must be a stage, and every enabled stage
 * must find what it reads in the input or in an enabled stage before it. Throws a StageContractError or a
 * TypeError (unknown stage name).
 */
export function checkStages(disable: readonly string[] = [], all: readonly Stage[] = stages): void {
  const names = new Set(all.map((s) => s.name as string));
  for (const d of disable)
    if (!names.has(d))
      throw new TypeError(`unknown stage "${d}" in disable: the stages are ${[...names].join(', ')}`);
  const disabled = new Set(disable);
  const available = new Set<Annotation>(INPUT_ANNOTATIONS);
  for (const stage of all) {
    if (disabled.has(stage.name)) continue;
    for (const need of stage.reads)
      if (!available.has(need)) {
        const writers = all.filter((s) => s.writes.includes(need) && disabled.has(s.name)).map((s) => s.name);
        throw new StageContractError(stage.name, need, writers);
      }
    for (const w of stage.writes) available.add(w);
  }
}

/** Run every enabled stage over the articles (mutating them) and return the analysis. */
export function runPipeline(
  articles: Article[],
  options: AnalyzeOptions = {},
  errors: InputError[] = [],
): Analysis {
  checkStages(options.disable);
  const ctx: StageContext = { options, entities: [], errors };
  const disabled = new Set(options.disable ?? []);
  for (const stage of stages) {
    if (disabled.has(stage.name)) continue;
    const t0 = options.onStageTime ? performance.now() : 0;
    stage.run(articles, ctx);
    options.onStageTime?.(stage.name, (performance.now() - t0) / 1000);
  }
  return { articles, entities: ctx.entities, errors };
}
