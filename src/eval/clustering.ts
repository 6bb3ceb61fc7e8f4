/**
 * Clustering quality against gold classes: purity, inverse purity and B-cubed precision/recall/F1
 * (Bagga & Baldwin 1998; Amigó et al. 2009, "A comparison of extrinsic clustering evaluation metrics").
 */

export interface ClusteringScores {
  items: number;
  clusters: number;
  classes: number;
  purity: number;
  inversePurity: number;
  /** Harmonic mean of purity and inverse purity. */
  purityF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** `predicted[i]` and `gold[i]` are the cluster and the class of item i. */
export function clusteringScores(predicted: string[], gold: string[]): ClusteringScores {
  if (predicted.length !== gold.length) throw new Error('predicted and gold must have the same length');
  const n = predicted.length;
  const joint = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${predicted[i]}\0${gold[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
    clusterSize.set(predicted[i], (clusterSize.get(predicted[i]) ?? 0) + 1);
    classSize.set(gold[i], (classSize.get(gold[i]) ?? 0) + 1);
  }
  const bestForCluster = new Map<string, number>();
  const bestForClass = new Map<string, number>();
  let bp = 0;
  let br = 0;
  for (const [k, c] of joint) {
    const [cl, g] = k.split('\0');
    bestForCluster.set(cl, Math.max(bestForCluster.get(cl) ?? 0, c));
    bestForClass.set(g, Math.max(bestForClass.get(g) ?? 0, c));
    // Each of the c items in this cell has precision c/|cluster| and recall c/|class|.
    bp += (c * c) / clusterSize.get(cl)!;
    br += (c * c) / classSize.get(g)!;
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const purity = n ? sum(bestForCluster) / n : 0;
  const inversePurity = n ? sum(bestForClass) / n : 0;
  const bcubedPrecision = n ? bp / n : 0;
  const bcubedRecall = n ? br / n : 0;
  return {
    items: n,
    clusters: clusterSize.size,
    classes: classSize.size,
    purity,
    inversePurity,
    purityF1: f1(purity, inversePurity),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: f1(bcubedPrecision, bcubedRecall),
  };
}
