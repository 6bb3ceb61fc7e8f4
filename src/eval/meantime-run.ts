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
import { readMeantime, type GoldMention, type MeantimeDoc } from './meantime.js';

export interface CorefVariant extends CorefScores {
  mentions: number;
  /** For the system variant: gold mentions whose name span our NER found exactly. */
  found?: number;
}

export interface MeantimeRun {
  documents: number;
  goldMentions: number;
  goldEntities: number;
  variants: {
    goldMentions: CorefVariant;
    /** Gold name spans with the types our NER gives them (no gold types): null when NER was not run. */
    goldSpans: CorefVariant | null;
    stringMatch: CorefVariant;
    systemMentions: CorefVariant | null;
  };
  errors: InputError[];
  seconds: number;
  resolveSeconds: number;
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

export function runMeantime(dir: string, opts: { system?: boolean } = {}): MeantimeRun {
  const t0 = performance.now();
  const { docs, errors } = readMeantime(dir);
  const gold: GoldMention[] = docs.flatMap((d) => d.mentions.filter((m) => m.name));
  const ids = gold.map((g) => g.id);
  const byId = new Map(gold.map((g) => [g.id, g]));
  const key = clusters(ids, (id) => byId.get(id)!.cluster);

  // gold mentions → resolver
  const articles: Article[] = [];
  const mentionOf = new Map<string, Mention>();
  for (const d of docs) {
    const a = newArticle({ id: d.id, rawText: d.text, path: d.path });
    for (const g of d.mentions) {
      if (!g.name) continue;
      const m: Mention = {
        text: g.name.text,
        start: g.name.start,
        end: g.name.end,
        sentenceIndex: 0,
        type: g.type,
      };
      a.mentions.push(m);
      mentionOf.set(g.id, m);
    }
    articles.push(a);
  }
  const t1 = performance.now();
  resolveEntities(articles);
  const resolveSeconds = (performance.now() - t1) / 1000;
  const resp = clusters(ids, (id) => mentionOf.get(id)?.entityId);
  const goldMentions: CorefVariant = { ...corefScores(key, resp), mentions: ids.length };
  const base = clusters(ids, (id) => {
    const g = byId.get(id)!;
    return `${g.type}|${g.name!.text.toLowerCase()}`;
  });
  const stringMatch: CorefVariant = { ...corefScores(key, base), mentions: ids.length };

  let systemMentions: CorefVariant | null = null;
  let goldSpans: CorefVariant | null = null;
  if (opts.system !== false) {
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
  return {
    documents: docs.length,
    goldMentions: ids.length,
    goldEntities: key.length,
    variants: { goldMentions, goldSpans, stringMatch, systemMentions },
    errors,
    seconds: (performance.now() - t0) / 1000,
    resolveSeconds,
  };
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
    for (const g of d.mentions) {
      if (!g.name) continue;
      const { start, end, text } = g.name;
      let type: EntityType | undefined;
      let best = 0;
      for (const m of own) {
        const o = Math.min(m.end, end) - Math.max(m.start, start);
        if (o > best) [best, type] = [o, m.type];
      }
      const m: Mention = { text, start, end, sentenceIndex: 0, type: type ?? byName.get(text) ?? 'MISC' };
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
