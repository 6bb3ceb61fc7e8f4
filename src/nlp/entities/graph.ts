/**
 * The name graph entity resolution works on: one node per (type, normalised name), the mentions attached to
 * it, and a union-find over nodes that the merging rules (index.ts within articles, cross.ts across them)
 * join. Also the evidence the alias rules ask for (aliases.ts): shared context, articles in common,
 * salience.
 */
import type { EntityType, Mention } from '../../model.js';
import { DISTINCT_MIN_MENTIONS, FUZZY_MIN_SHARED_CONTEXT, type VariantEvidence } from './aliases.js';

/** Contexts are computed over at most this many articles per node (keeps huge corpora fast). */
const CONTEXT_MAX_ARTICLES = 60;

export interface Node {
  id: number;
  type: EntityType;
  /** Folded comparison key (type-specific). */
  key: string;
  /** Core tokens as written (first seen). */
  tokens: string[];
  mentions: Mention[];
  /** Surface forms (possessive stripped) with counts. */
  forms: Map<string, number>;
  /** Mentions per article id. */
  articles: Map<string, number>;
  /** The article of each mention (parallel to `mentions`). */
  mentionArticles: string[];
  /** Single-token person name not attached to a full name in its article. */
  loneName: boolean;
  /** Person name whose first name is an initial ("A. Rahimi") not attached to a full name in its article. */
  initialName: boolean;
}

export class UnionFind {
  parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

export class EntityGraph {
  readonly uf = new UnionFind();
  readonly nodes: Node[] = [];
  /** Nodes by type, then key. */
  readonly byKey: Record<EntityType, Map<string, Node>> = {
    PERSON: new Map(),
    ORG: new Map(),
    LOC: new Map(),
    MISC: new Map(),
  };
  /** Node ids named in each article. */
  readonly articleNodes = new Map<string, Set<number>>();
  /** acronym (folded) → expansion node ids with counts, learnt in any article. */
  readonly acronymExpansions = new Map<string, Map<number, number>>();
  /**
   * One-word names seen in an article beside exactly one longer name they begin (or, for MISC, end):
   * "Orra" beside "Orra Motor". Decided once every article is in (cross.ts `articleShortNames`), because a
   * word that stands for different longer names in different articles, or that is mostly a place, is not
   * a short name. Short node → longer node → articles where the short name stood for it.
   */
  readonly shortLinks = new Map<Node, Map<Node, Set<string>>>();

  nodeFor(type: EntityType, key: string, tokens: string[]): Node {
    const ofType = this.byKey[type];
    let n = ofType.get(key);
    if (!n) {
      n = {
        id: this.uf.add(),
        type,
        key,
        tokens,
        mentions: [],
        forms: new Map(),
        articles: new Map(),
        mentionArticles: [],
        loneName: false,
        initialName: false,
      };
      this.nodes.push(n);
      ofType.set(key, n);
    }
    return n;
  }

  attach(n: Node, m: Mention, form: string, articleId: string): void {
    n.mentions.push(m);
    n.forms.set(form, (n.forms.get(form) ?? 0) + 1);
    n.articles.set(articleId, (n.articles.get(articleId) ?? 0) + 1);
    n.mentionArticles.push(articleId);
    let s = this.articleNodes.get(articleId);
    if (!s) this.articleNodes.set(articleId, (s = new Set()));
    s.add(n.id);
  }

  same(a: Node, b: Node): boolean {
    return this.uf.find(a.id) === this.uf.find(b.id);
  }

  union(a: Node, b: Node): void {
    this.uf.union(a.id, b.id);
  }

  /** Other names found in an article of each of two names, counted up to `need` (bounded, early exit). */
  sharedContext(a: Node, b: Node, need = FUZZY_MIN_SHARED_CONTEXT): number {
    const [small, big] = a.articles.size <= b.articles.size ? [a, b] : [b, a];
    const bigArts: Set<number>[] = [];
    for (const art of big.articles.keys()) {
      if (bigArts.length >= CONTEXT_MAX_ARTICLES) break;
      bigArts.push(this.articleNodes.get(art)!);
    }
    const seen = new Set<number>();
    let shared = 0;
    let k = 0;
    for (const art of small.articles.keys()) {
      if (k++ >= CONTEXT_MAX_ARTICLES) break;
      for (const o of this.articleNodes.get(art) ?? []) {
        if (o === a.id || o === b.id || seen.has(o)) continue;
        seen.add(o);
        if (bigArts.some((s) => s.has(o)) && ++shared >= need) return shared;
      }
    }
    return shared;
  }

  /** The evidence aliases.ts's `variantsMerge` decides on, for two nodes related by `relation`. */
  evidence(a: Node, b: Node, relation: VariantEvidence['relation']): VariantEvidence {
    let sameArticle = false;
    let sameSentence = false;
    let bothAttested = false;
    const [small, big] = a.articles.size <= b.articles.size ? [a, b] : [b, a];
    const shared = new Set<string>();
    for (const art of small.articles.keys()) if (big.articles.has(art)) shared.add(art);
    if (shared.size) {
      sameArticle = true;
      const at = (n: Node) => {
        // per shared article: the sentences and the distinct offsets of the node's mentions there
        const out = new Map<string, { sentences: Set<number>; starts: Set<number> }>();
        n.mentions.forEach((m, i) => {
          const art = n.mentionArticles[i];
          if (!shared.has(art)) return;
          let o = out.get(art);
          if (!o) out.set(art, (o = { sentences: new Set(), starts: new Set() }));
          o.sentences.add(m.sentenceIndex);
          o.starts.add(m.start);
        });
        return out;
      };
      const as = at(small);
      const bs = at(big);
      for (const [art, x] of as) {
        const y = bs.get(art)!;
        if (x.starts.size >= DISTINCT_MIN_MENTIONS && y.starts.size >= DISTINCT_MIN_MENTIONS)
          bothAttested = true;
        if ([...x.sentences].some((v) => y.sentences.has(v))) sameSentence = true;
      }
    }
    return {
      relation,
      mentionsA: a.mentions.length,
      mentionsB: b.mentions.length,
      sharedContext: sameArticle ? FUZZY_MIN_SHARED_CONTEXT : this.sharedContext(a, b),
      sameArticle,
      sameSentence,
      bothAttestedInOneArticle: bothAttested,
    };
  }

  /** Mentions of each node's current group (a snapshot: take it again after merging). */
  groupSizes(): (n: Node) => number {
    const size = new Map<number, number>();
    for (const n of this.nodes) {
      const r = this.uf.find(n.id);
      size.set(r, (size.get(r) ?? 0) + n.mentions.length);
    }
    return (n: Node) => size.get(this.uf.find(n.id)) ?? 0;
  }
}

/** The items of `list` by key, each group in list order. */
export function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}
