/**
 * The named stages and the runner that passes articles through them, spaCy-style: each stage does one
 * job, reads what earlier stages added, and can be disabled by name.
 */
import type { Analysis, Article, Entity, InputError } from './model.js';
import { cleanArticle } from './clean/index.js';
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
}

export interface StageContext {
  options: AnalyzeOptions;
  /** Corpus-level entities, filled by the `entities` stage. */
  entities: Entity[];
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

export const stages: Stage[] = [
  perArticle('clean', (a) => cleanArticle(a)),
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
  const ctx: StageContext = { options, entities: [] };
  const disabled = new Set(options.disable ?? []);
  for (const stage of stages) {
    if (disabled.has(stage.name)) continue;
    const t0 = options.onStageTime ? performance.now() : 0;
    stage.run(articles, ctx);
    options.onStageTime?.(stage.name, (performance.now() - t0) / 1000);
  }
  return { articles, entities: ctx.entities, errors };
}
