/**
 * Name lists for the tagger, built from the entities of the training data only (never from dev/test
 * data). A hit marks the tokens of the longest known name starting at a capitalised word with the
 * position in the name and the types the name had in training ("B-LOC", "U-LOC+ORG").
 *
 * It also knows the roles single words play in multi-word names ("F-PER": first word of a person's
 * name, "L-ORG": last word of an organisation's), which carries over to names never seen whole
 * ("Olaf Brandt", "Kestrel Shipping").
 */
/** Sorted keys with the labels seen at least `minShare` of the time, joined by "+". */
function keep(counts: Map<string, Map<string, number>>, minShare: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const labels = [...m]
      .filter(([, c]) => c / total >= minShare)
      .map(([t]) => t)
      .sort()
      .join('+');
    out.push([key, labels]);
  }
  return out;
}

export class Gazetteer {
  /** lowercase name (tokens joined by a space) -> types joined by "+". */
  readonly names = new Map<string, string>();
  /** Longest name length in tokens. */
  maxLen = 0;
  /** Every proper prefix (in whole tokens) of a name, so look-ups stop as soon as no name can match. */
  private readonly prefixes = new Set<string>();
  /** lowercase word -> its roles in multi-word names, joined by "+" ("F-PER+L-ORG"). */
  readonly roles = new Map<string, string>();

  /** Entries as stored: [name, types], and [word, "@" + roles] for word roles. */
  static fromEntries(entries: Iterable<[string, string]>): Gazetteer {
    const g = new Gazetteer();
    for (const [name, types] of entries) {
      if (types.startsWith('@')) g.roles.set(name, types.slice(1));
      else g.add(name, types);
    }
    return g;
  }

  private add(name: string, types: string): void {
    this.names.set(name, types);
    const toks = name.split(' ');
    for (let k = 1; k < toks.length; k++) this.prefixes.add(toks.slice(0, k).join(' '));
    const len = toks.length;
    if (len > this.maxLen) this.maxLen = len;
  }

  /** Build from (tokens, type) entity occurrences; a name keeps every type it was seen with at least `minShare` of the time. */
  static build(occurrences: Iterable<{ tokens: string[]; type: string }>, minShare = 0.2): Gazetteer {
    const counts = new Map<string, Map<string, number>>();
    for (const o of occurrences) {
      const key = o.tokens.map((t) => t.toLowerCase()).join(' ');
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(o.type, (m.get(o.type) ?? 0) + 1);
    }
    const roleCounts = new Map<string, Map<string, number>>();
    for (const [name, m] of counts) {
      const toks = name.split(' ');
      if (toks.length < 2) continue;
      for (const [type, c] of m)
        for (const [word, role] of [
          [toks[0], 'F-' + type],
          [toks[toks.length - 1], 'L-' + type],
        ]) {
          let r = roleCounts.get(word);
          if (!r) roleCounts.set(word, (r = new Map()));
          r.set(role, (r.get(role) ?? 0) + c);
        }
    }
    const g = new Gazetteer();
    for (const [name, types] of keep(counts, minShare)) g.add(name, types);
    for (const [word, roles] of keep(roleCounts, minShare)) g.roles.set(word, roles);
    return g;
  }

  /** Whether some longer name starts with these words (lower case, joined by a space). */
  isPrefix(key: string): boolean {
    return this.prefixes.has(key);
  }

  /** The types of the name found by the last longestAt call. */
  lastTypes = '';

  /**
   * tag's look-up at one token: the length in tokens of the longest name starting at token i of a
   * sentence of n tokens (0 if none; its types are left in lastTypes), given each token's lower case.
   */
  longestAt(lowerAt: (k: number) => string, i: number, n: number): number {
    let hit = 0;
    let key = '';
    for (let k = 1; k <= this.maxLen && i + k <= n; k++) {
      key = k === 1 ? lowerAt(i) : key + ' ' + lowerAt(i + k - 1);
      const t = this.names.get(key);
      if (t !== undefined) {
        hit = k;
        this.lastTypes = t;
      }
      if (!this.prefixes.has(key)) break;
    }
    return hit;
  }

  /** Per-token gazetteer tag (or '' for none) for the lowercase words of a sentence. */
  tag(lower: string[], words?: string[]): string[] {
    const out = lower.map(() => '');
    const n = lower.length;
    let i = 0;
    while (i < n) {
      let hit = 0;
      let types = '';
      if (!words || words[i][0] !== words[i][0].toLowerCase()) {
        hit = this.longestAt((k) => lower[k], i, n);
        if (hit) types = this.lastTypes;
      }
      if (!hit) {
        i++;
        continue;
      }
      if (hit === 1) out[i] = 'U-' + types;
      else {
        out[i] = 'B-' + types;
        for (let k = 1; k < hit - 1; k++) out[i + k] = 'I-' + types;
        out[i + hit - 1] = 'L-' + types;
      }
      i += hit;
    }
    return out;
  }

  entries(): Array<[string, string]> {
    return [...this.names, ...[...this.roles].map(([w, r]) => [w, '@' + r] as [string, string])];
  }
}
