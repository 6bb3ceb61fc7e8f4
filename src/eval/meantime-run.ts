/**
 * Runs Chronicle's entity resolution over MEANTIME and scores it (used by `chronicle eval coref`).
 *
 * Mention mapping. Gold MEANTIME mentions are full noun phrases ("the largest car manufacturer General
 * Motors", "She"). Chronicle resolves *named* mentions, so we evaluate the gold mentions that contain a
 * proper name, each represented by that name (its last run of capitalised tokens, see meantime.ts):
 *  - gold-mentions: the resolver gets those names with their gold types (PER→PERSON, ORG, LOC, other→MISC)
 *    and clusters them across all documents; key = the gold instance ids of the same mentions.
 *  - gold-spans: the same name spans typed by our NER (the system mention overlapping each most), not by
 *    the gold: what the resolver does without gold types.
 *  - string-match baseline: same mentions, clustered by identical (case-folded) name and type.
 *  - system-mentions: our NER tags the rebuilt text, the resolver clusters its mentions, and a gold
 *    mention counts as found when a system mention has exactly its name span; gold mentions not found are
 *    singletons in the response (twinless), extra system mentions are ignored.
 */
import { InputError, newArticle, type Article, type EntityType, type Mention } from '../model.js';
import { resolveEntities } from '../nlp/entities/index.js';
import { annotateSentences } from '../nlp/sentences.js';
import { annotateMentions } from '../nlp/ner/index.js';
import { corefScores, type Cluster, type CorefScores } from './coref-metrics.js';
import { addNameNoise, type NameNoise, type NoisyCorpus } from './meantime-noise.js';
import { readMeantime, type GoldMention, type MeantimeDoc, type NameRule } from './meantime.js';

export interface CorefVariant extends CorefScores {
  mentions: number;
  /** For the system variant: gold mentions whose name span our NER found exactly. */
  found?: number;
}

export interface MeantimeRun {
  documents: number;
  goldMentions: number;
  goldEntities: number;
  variants: MeantimeVariants;
  /** The same corpus with name noise (`noise` option), or null. */
  noisy: (MeantimeVariants & { noise: Omit<NoisyCorpus, 'docs'> }) | null;
  errors: InputError[];
  seconds: number;
}

export interface MeantimeVariants {
  goldMentions: CorefVariant;
  /** Gold name spans with the types our NER gives them (no gold types): null when NER was not run. */
  goldSpans: CorefVariant | null;
  stringMatch: CorefVariant;
  systemMentions: CorefVariant | null;
}

export interface MeantimeOptions {
  /** Run our NER (system-mentions and gold-spans variants); default true. */
  system?: boolean;
  /** Only these corpora (topic folders: "airbus", "apple", "gm", "stock"); default all. */
  corpora?: string[];
  /** Also score a copy of the corpus with this share of its gold names rewritten (meantime-noise.ts). */
  noise?: NameNoise;
  /** How a gold mention is represented by its name (meantime.ts); default 'head'. */
  names?: NameRule;
}

/** The sentence of an offset: the rebuilt MEANTIME text has one sentence per line. */
function lineIndex(text: string): (pos: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function clusters(ids: string[], label: (id: string) => string | undefined): Cluster[] {
  const m = new Map<string, string[]>();
  for (const id of ids) {
    const l = label(id);
    if (l === undefined) continue;
    const c = m.get(l);
    if (c) c.push(id);
    else m.set(l, [id]);
  }
  return [...m.values()];
}

/** The corpora of a selection that are not among the known ones (a typo in `--corpora`). */
export function unknownCorpora(docs: MeantimeDoc[], corpora: string[]): string[] {
  const known = new Set(docs.map((d) => d.corpus));
  return corpora.filter((c) => !known.has(c));
}

export function runMeantime(dir: string, opts: MeantimeOptions = {}): MeantimeRun {
  const t0 = performance.now();
  const read = readMeantime(dir, opts.names ?? 'head');
  const errors = read.errors;
  let docs = read.docs;
  if (opts.corpora?.length) {
    const bad = unknownCorpora(docs, opts.corpora);
    if (bad.length)
      throw new InputError(
        dir,
        `no MEANTIME corpus named ${bad.join(', ')} (there are: ${[...new Set(docs.map((d) => d.corpus))].join(', ')})`,
      );
    const want = new Set(opts.corpora);
    docs = docs.filter((d) => want.has(d.corpus));
  }
  const gold: GoldMention[] = docs.flatMap((d) => d.mentions.filter((m) => m.name));
  const variants = scoreVariants(docs, opts.system !== false, errors);
  let noisy: MeantimeRun['noisy'] = null;
  if (opts.noise) {
    const { docs: nd, ...noise } = addNameNoise(docs, opts.noise);
    noisy = { ...scoreVariants(nd, opts.system !== false, errors), noise };
  }
  return {
    documents: docs.length,
    goldMentions: gold.length,
    goldEntities: new Set(gold.map((g) => g.cluster)).size,
    variants,
    noisy,
    errors,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The four variants (see the header) over one set of documents. */
function scoreVariants(docs: MeantimeDoc[], system: boolean, errors: InputError[]): MeantimeVariants {
  const gold: GoldMention[] = docs.flatMap((d) => d.mentions.filter((m) => m.name));
  const ids = gold.map((g) => g.id);
  const byId = new Map(gold.map((g) => [g.id, g]));
  const key = clusters(ids, (id) => byId.get(id)!.cluster);

  // gold mentions → resolver
  const articles: Article[] = [];
  const mentionOf = new Map<string, Mention>();
  for (const d of docs) {
    const a = newArticle({ id: d.id, rawText: d.text, path: d.path });
    const sentenceOf = lineIndex(d.text);
    for (const g of d.mentions) {
      if (!g.name) continue;
      const m: Mention = {
        text: g.name.text,
        start: g.name.start,
        end: g.name.end,
        sentenceIndex: sentenceOf(g.name.start),
        type: g.type,
      };
      a.mentions.push(m);
      mentionOf.set(g.id, m);
    }
    articles.push(a);
  }
  resolveEntities(articles);
  const resp = clusters(ids, (id) => mentionOf.get(id)?.entityId);
  const goldMentions: CorefVariant = { ...corefScores(key, resp), mentions: ids.length };
  const base = clusters(ids, (id) => {
    const g = byId.get(id)!;
    return `${g.type}|${g.name!.text.toLowerCase()}`;
  });
  const stringMatch: CorefVariant = { ...corefScores(key, base), mentions: ids.length };

  let systemMentions: CorefVariant | null = null;
  let goldSpans: CorefVariant | null = null;
  if (system) {
    try {
      const sys: Article[] = docs.map((d) => {
        const a = newArticle({ id: d.id, rawText: d.text, path: d.path });
        annotateSentences(a);
        annotateMentions(a);
        return a;
      });
      resolveEntities(sys);
      const spanIndex = new Map<string, Mention>();
      sys.forEach((a) => a.mentions.forEach((m) => spanIndex.set(`${a.id}|${m.start}|${m.end}`, m)));
      let found = 0;
      const sysResp = clusters(ids, (id) => {
        const g = byId.get(id)!;
        const m = spanIndex.get(`${g.docId}|${g.name!.start}|${g.name!.end}`);
        if (m?.entityId) found++;
        return m?.entityId;
      });
      systemMentions = { ...corefScores(key, sysResp), mentions: ids.length, found };
      goldSpans = goldSpansOwnTypes(docs, sys, ids, key);
    } catch (e) {
      errors.push(
        new InputError(
          'ner',
          `system-mention variant skipped: named-entity tagging failed: ${(e as Error).message}`,
        ),
      );
    }
  }
  return { goldMentions, goldSpans, stringMatch, systemMentions };
}

/**
 * Gold name spans, typed by our own NER instead of the gold types: the type of the system mention that
 * overlaps the span most, else the type our NER gives the same name elsewhere in the corpus, else MISC.
 * This separates what the resolver does from what the gold types give it.
 */
function goldSpansOwnTypes(docs: MeantimeDoc[], sys: Article[], ids: string[], key: Cluster[]): CorefVariant {
  const byName = new Map<string, EntityType>();
  for (const a of sys) for (const m of a.mentions) if (!byName.has(m.text)) byName.set(m.text, m.type);
  const articles: Article[] = [];
  const mentionOf = new Map<string, Mention>();
  docs.forEach((d, i) => {
    const own = sys[i].mentions;
    const a = newArticle({ id: d.id, rawText: d.text, path: d.path });
    const sentenceOf = lineIndex(d.text);
    for (const g of d.mentions) {
      if (!g.name) continue;
      const { start, end, text } = g.name;
      let type: EntityType | undefined;
      let best = 0;
      for (const m of own) {
        const o = Math.min(m.end, end) - Math.max(m.start, start);
        if (o > best) [best, type] = [o, m.type];
      }
      const m: Mention = {
        text,
        start,
        end,
        sentenceIndex: sentenceOf(start),
        type: type ?? byName.get(text) ?? 'MISC',
      };
      a.mentions.push(m);
      mentionOf.set(g.id, m);
    }
    articles.push(a);
  });
  resolveEntities(articles);
  return {
    ...corefScores(
      key,
      clusters(ids, (id) => mentionOf.get(id)?.entityId),
    ),
    mentions: ids.length,
  };
}
