/**
 * The `ner` stage: named-entity mentions (PERSON, ORG, LOC, MISC) from the tokens of each sentence, by
 * the perceptron tagger trained on CoNLL-2003 (scripts/train-ner.ts) and shipped in models/ner/.
 * The whole article is one document for the tagger's document-level features.
 */
import type { Article, EntityType, Mention, Sentence } from '../../model.js';
import { shippedModel } from './load.js';
import { entitiesOfDocument, type NerModel } from './tagger.js';

export { shippedModel, loadModelFile, defaultModelPath } from './load.js';
export { tagDocument, entitiesOfDocument, type NerModel } from './tagger.js';

const TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/**
 * The most tokens tagged as one document. The tagger's buffers grow with the document (about 0.5 KB a
 * token), so a longer article (a hostile or broken input: the longest in Timeline17, a crawl artefact,
 * has 140,000 tokens) is tagged in consecutive windows of whole sentences of at most this many tokens,
 * each a document of its own. Global, above every article we have seen, so real articles are one document.
 */
export const MAX_NER_DOCUMENT_TOKENS = 200_000;

/** Entity spans of every sentence of `doc`, tagged in windows of at most MAX_NER_DOCUMENT_TOKENS tokens. */
function entitiesInWindows(model: NerModel, doc: string[][]): ReturnType<typeof entitiesOfDocument> {
  let total = 0;
  for (const words of doc) total += words.length;
  if (total <= MAX_NER_DOCUMENT_TOKENS) return entitiesOfDocument(model, doc);
  const out: ReturnType<typeof entitiesOfDocument> = [];
  for (let from = 0; from < doc.length;) {
    let to = from;
    let n = 0;
    while (to < doc.length && (to === from || n + doc[to].length <= MAX_NER_DOCUMENT_TOKENS))
      n += doc[to++].length;
    for (const spans of entitiesOfDocument(model, doc.slice(from, to))) out.push(spans);
    from = to;
  }
  return out;
}

/** Named-entity mentions in one article, with offsets into Article.text and their sentence index. */
export function tagMentions(article: Article, model: NerModel = shippedModel()): Mention[] {
  // Plain loops: this runs per article and sentence, and each closure would be one more allocation.
  const sentences: Sentence[] = [];
  const doc: string[][] = [];
  for (const s of article.sentences) {
    const tokens = s.tokens;
    if (!tokens.length) continue;
    const words = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) words[i] = tokens[i].text;
    sentences.push(s);
    doc.push(words);
  }
  if (!sentences.length) return [];
  const spans = entitiesInWindows(model, doc);
  const out: Mention[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    for (const sp of spans[k]) {
      const start = s.tokens[sp.start].start;
      const end = s.tokens[sp.end - 1].end;
      out.push({
        text: article.text.slice(start, end),
        start,
        end,
        sentenceIndex: s.index,
        type: TYPE[sp.type] ?? 'MISC',
      });
    }
  }
  return out;
}

export function annotateMentions(article: Article): void {
  article.mentions = tagMentions(article);
}
