/**
 * Coreference metrics over clusters of mention ids: MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin
 * 1998), entity-based CEAF with φ4 similarity (Luo 2005), and the CoNLL-2012 score (their mean F1).
 * Mentions missing on one side count as singletons there, as in the reference scorer's treatment of
 * twinless mentions for MUC and B-cubed.
 */

export type Cluster = string[];

export interface PRF {
  p: number;
  r: number;
  f: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function index(clusters: Cluster[]): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((x) => m.set(x, i)));
  return m;
}

/** MUC recall of `key` against `response` (swap the arguments for precision). */
function mucRecall(key: Cluster[], response: Cluster[]): number {
  const rIdx = index(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    if (k.length < 2) continue;
    const parts = new Set<string>();
    for (const x of k) {
      const r = rIdx.get(x);
      parts.add(r === undefined ? `single:${x}` : `r:${r}`);
    }
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return den ? num / den : 0;
}

export function muc(key: Cluster[], response: Cluster[]): PRF {
  const r = mucRecall(key, response);
  const p = mucRecall(response, key);
  return { p, r, f: f1(p, r) };
}

function b3Recall(key: Cluster[], response: Cluster[]): number {
  const rIdx = index(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const counts = new Map<number, number>();
    for (const x of k) {
      const r = rIdx.get(x);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    // a twinless mention is its own singleton on the other side: overlap 1 with itself
    const twinless = k.filter((x) => !rIdx.has(x)).length;
    let s = twinless;
    for (const c of counts.values()) s += c * c;
    num += s / k.length;
    den += k.length;
  }
  return den ? num / den : 0;
}

export function bcubed(key: Cluster[], response: Cluster[]): PRF {
  const r = b3Recall(key, response);
  const p = b3Recall(response, key);
  return { p, r, f: f1(p, r) };
}

/**
 * Maximum-weight assignment (Hungarian algorithm, O(n^3)) on a rows × cols similarity matrix; returns
 * the total similarity of the best one-to-one alignment.
 */
export function maxAssignment(sim: number[][]): number {
  const rows = sim.length;
  if (!rows) return 0;
  const cols = sim[0].length;
  const n = Math.max(rows, cols);
  const maxv = Math.max(0, ...sim.flat());
  // cost matrix (square, padded with maxv so padded cells have similarity 0)
  const cost = (i: number, j: number) => maxv - (i < rows && j < cols ? sim[i][j] : 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const i = p[j];
    if (i >= 1 && i <= rows && j <= cols) total += sim[i - 1][j - 1];
  }
  return total;
}

/** CEAF-e (φ4), solving the alignment per connected component of overlapping clusters. */
export function ceafe(key: Cluster[], response: Cluster[]): PRF {
  const rIdx = index(response);
  // union-find over key clusters (0..K-1) and response clusters (K..K+R-1)
  const K = key.length;
  const parent = Array.from({ length: K + response.length }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const overlaps = new Map<string, number>();
  key.forEach((k, ki) => {
    for (const x of k) {
      const r = rIdx.get(x);
      if (r === undefined) continue;
      parent[find(ki)] = find(K + r);
      const key2 = `${ki},${r}`;
      overlaps.set(key2, (overlaps.get(key2) ?? 0) + 1);
    }
  });
  const comps = new Map<number, { ks: number[]; rs: number[] }>();
  for (let i = 0; i < K + response.length; i++) {
    const root = find(i);
    const c = comps.get(root) ?? { ks: [], rs: [] };
    if (i < K) c.ks.push(i);
    else c.rs.push(i - K);
    comps.set(root, c);
  }
  let sim = 0;
  for (const { ks, rs } of comps.values()) {
    if (!ks.length || !rs.length) continue;
    const m = ks.map((ki) =>
      rs.map((ri) => {
        const o = overlaps.get(`${ki},${ri}`) ?? 0;
        return o ? (2 * o) / (key[ki].length + response[ri].length) : 0;
      }),
    );
    sim += maxAssignment(m);
  }
  const r = K ? sim / K : 0;
  const p = response.length ? sim / response.length : 0;
  return { p, r, f: f1(p, r) };
}

export interface CorefScores {
  muc: PRF;
  bcubed: PRF;
  ceafe: PRF;
  /** CoNLL-2012: mean of the MUC, B-cubed and CEAF-e F1. */
  conll: number;
}

export function corefScores(key: Cluster[], response: Cluster[]): CorefScores {
  const m = muc(key, response);
  const b = bcubed(key, response);
  const c = ceafe(key, response);
  return { muc: m, bcubed: b, ceafe: c, conll: (m.f + b.f + c.f) / 3 };
}
