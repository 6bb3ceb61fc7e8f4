/** Runs Chronicle's quote extraction over a PolNeAR split and scores it (used by the CLI and the bench). */
import { InputError, newArticle } from '../model.js';
import { annotateSentences } from '../nlp/sentences.js';
import { annotateMentions } from '../nlp/ner/index.js';
import { resolveEntities } from '../nlp/entities/index.js';
import { findAttributions } from '../nlp/quotes/index.js';
import { QuoteScorer, readPolnearSplit, type QuoteScores } from './polnear.js';

export interface PolnearRun {
  scores: QuoteScores;
  documents: number;
  sentences: number;
  errors: InputError[];
  /** Wall time of the whole run (reading, NER, entities, quotes, scoring). */
  seconds: number;
  /** Time spent in NER + entity resolution + quotes only (sentence splitting excluded). */
  extractSeconds: number;
  /** Of which NER alone. */
  nerSeconds: number;
  /** CPU seconds of this process in NER + entity resolution + quotes (per core, whatever the machine's load). */
  extractCpuSeconds: number;
}

export function runPolnear(dir: string, opts: { limit?: number } = {}): PolnearRun {
  const t0 = performance.now();
  const split = readPolnearSplit(dir);
  const docs = opts.limit !== undefined ? split.docs.slice(0, opts.limit) : split.docs;
  const scorer = new QuoteScorer();
  let sentences = 0;
  let nerFailed = false;
  const errors: InputError[] = [...split.errors];
  let extract = 0;
  let ner = 0;
  let extractCpu = 0;
  for (const d of docs) {
    const article = newArticle({ id: d.id, rawText: d.text, path: d.textPath });
    // The text is already clean; offsets must stay those of the .ann file, so `clean` is skipped.
    annotateSentences(article);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const tn = performance.now();
    if (!nerFailed) {
      try {
        annotateMentions(article);
      } catch (e) {
        // Quotes still work without mentions (speakers are then kept as written); say so once.
        nerFailed = true;
        errors.push(
          new InputError(
            'ner',
            `named-entity tagging failed, scoring without mentions: ${(e as Error).message}`,
          ),
        );
      }
    }
    ner += performance.now() - tn;
    const entities = resolveEntities([article]);
    const atts = findAttributions(article, entities);
    extract += performance.now() - t1;
    const c = process.cpuUsage(c1);
    extractCpu += c.user + c.system;
    sentences += article.sentences.length;
    scorer.add(
      d.text,
      d.attributions,
      atts.map((a) => ({
        content: { start: a.start, end: a.end },
        source:
          a.sourceStart !== null && a.sourceEnd !== null ? { start: a.sourceStart, end: a.sourceEnd } : null,
        speaker: a.speaker,
        speakerEntityId: a.speakerEntityId ?? null,
      })),
    );
  }
  return {
    scores: scorer.score(),
    documents: docs.length,
    sentences,
    errors,
    seconds: (performance.now() - t0) / 1000,
    extractSeconds: extract / 1000,
    nerSeconds: ner / 1000,
    extractCpuSeconds: extractCpu / 1e6,
  };
}
