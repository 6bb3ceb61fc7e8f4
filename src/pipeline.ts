/**
 * The named stages and the runner that passes articles through them, spaCy-style: each stage does one
 * job, reads what earlier stages added, and can be disabled by name.
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

export interface Stage {
  name: StageName;
  run(articles: Article[], ctx: StageContext): void;
}

/** A stage that processes each article on its own. */
function perArticle(name: StageName, fn: (a: Article, ctx: StageContext) => void): Stage {
  return {
    name,
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

export const stages: Stage[] = [
  perArticle('clean', cleanStage),
  perArticle('sentences', (a) => annotateSentences(a)),
  perArticle('timex', (a) => annotateTimexes(a)),
  perArticle('mentions', (a) => annotateMentions(a)),
  {
    name: 'entities',
    run(articles, ctx) {
      ctx.entities = resolveEntities(articles);
    },
  },
  perArticle('quotes', (a, ctx) => annotateQuotes(a, ctx.entities)),
  {
    name: 'dedup',
    run(articles) {
      markNearDuplicates(articles);
    },
  },
];

/** Run every enabled stage over the articles (mutating them) and return the analysis. */
export function runPipeline(
  articles: Article[],
  options: AnalyzeOptions = {},
  errors: InputError[] = [],
): Analysis {
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
