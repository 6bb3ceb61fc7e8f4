/**
 * Word clusters for the entity tagger: a table word -> Brown-cluster bit string (src/nlp/ner/brown.ts),
 * learned by scripts/train-clusters.ts from unlabelled news text. Words that occur in similar contexts
 * share long prefixes, so a name never seen in the labelled data still gets the features of the names
 * it resembles (Miller et al. 2004; Ratinov & Roth 2009 use bit-string prefixes the same way).
 *
 * The table holds words and bit strings only (facts derived from text, no sentences). Keys are tokens
 * as the tagger sees them: PTB spellings undone (normaliseToken), digits as 0, case kept.
 */
import { digitsAsZero, normaliseToken } from './normalise.js';

/** Which cluster features the tagger builds (global hyper-parameters, stored with the model). */
export interface ClusterFeatureSpec {
  /** Prefix lengths of the token's own bit string ('c4=0110'); a shorter string is used whole. */
  own: number[];
  /** Prefix lengths of the neighbours' bit strings, at each of `offsets` ('c-1_6=011010'). */
  context: number[];
  /** Neighbour offsets (a subset of the tagger's ±2 window). */
  offsets: number[];
}

/** The key a corpus token is counted and looked up under. */
export function clusterKey(token: string): string {
  return digitsAsZero(normaliseToken(token));
}

export class WordClusters {
  /** Feature-name prefixes: own[k] = 'c<len>=', context[offset index][k] = 'c<d>_<len>='. */
  readonly ownNames: string[];
  readonly contextNames: string[][];

  constructor(
    /** Key (see clusterKey) -> bit string. */
    readonly paths: Map<string, string>,
    readonly spec: ClusterFeatureSpec,
  ) {
    // The tagger's fast path folds neighbours' features into its ±2 context window, and its sums are
    // exact for fewer than 2^6 features per token (tagger.ts, "The fast path"): at most 20 of them here.
    if (spec.own.length + spec.context.length * spec.offsets.length > 20)
      throw new Error('at most 20 cluster features per token');
    for (const d of spec.offsets)
      if (![-2, -1, 1, 2].includes(d))
        throw new Error(`cluster feature offset ${d} is outside the ±2 window`);
    this.ownNames = spec.own.map((k) => 'c' + k + '=');
    this.contextNames = spec.offsets.map((d) => spec.context.map((k) => 'c' + d + '_' + k + '='));
  }

  /**
   * The bit string of a token (digits already as 0, see SentenceView.norm), or ''. A word in capitals
   * that the table lacks ("KESTREL" in a headline) is looked up as "Kestrel", then as "kestrel".
   */
  lookup(norm: string): string {
    const p = this.paths.get(norm);
    if (p !== undefined) return p;
    if (norm.length < 2 || norm !== norm.toUpperCase() || norm === norm.toLowerCase()) return '';
    const lower = norm.toLowerCase();
    return this.paths.get(norm[0] + lower.slice(1)) ?? this.paths.get(lower) ?? '';
  }

  /** The token's own cluster features. */
  ownFeatures(path: string, out: string[]): void {
    if (!path) return;
    this.spec.own.forEach((k, x) => out.push(this.ownNames[x] + path.slice(0, k)));
  }

  /** The features a neighbour with this bit string gives a token at offset index x of spec.offsets. */
  contextFeatures(path: string, x: number, out: string[]): void {
    if (!path) return;
    this.spec.context.forEach((k, y) => out.push(this.contextNames[x][y] + path.slice(0, k)));
  }

  /** "bits\tword" lines, sorted (the model file's cluster section; see model-file.ts). */
  toText(): string {
    return [...this.paths]
      .map(([w, p]) => `${p}\t${w}`)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .join('\n');
  }

  /** Parse toText's lines (or scripts/train-clusters.ts's output); `file` names the source in errors. */
  static fromText(text: string, spec: ClusterFeatureSpec, file = 'clusters'): WordClusters {
    const paths = new Map<string, string>();
    const lines = text.split('\n');
    lines.forEach((line, k) => {
      if (!line) return;
      const tab = line.indexOf('\t');
      const bits = line.slice(0, tab);
      if (tab < 0 || !/^[01]*$/.test(bits))
        throw new Error(
          `${file}:${k + 1}: expected "<bits>\\t<word>", got ${JSON.stringify(line.slice(0, 40))}`,
        );
      paths.set(line.slice(tab + 1), bits);
    });
    return new WordClusters(paths, spec);
  }
}
