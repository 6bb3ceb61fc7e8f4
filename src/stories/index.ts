/** Story clustering: grouping articles about one developing event. The method: clusterer.ts; the parts: cluster.ts. */
import type { Article } from '../model.js';
import {
  addDocFreq,
  articleFeatures,
  clusterOrder,
  STORY_PARAMS,
  StoryClusterer,
  type DocFreq,
  type StoryParams,
} from './cluster.js';

export * from './cluster.js';

/**
 * Cluster a set of articles from scratch, the way one ingest batch into an empty store does: document
 * frequencies over the whole set, then articles in publication order. Returns article id -> story id.
 */
export function clusterArticles(
  articles: Article[],
  params: StoryParams = STORY_PARAMS,
): Map<string, string> {
  const ordered = clusterOrder(articles);
  const features = ordered.map((a) => articleFeatures(a, undefined, params));
  const df: DocFreq = { docs: 0, df: new Map() };
  for (const f of features) addDocFreq(df, f);
  let n = 0;
  const c = new StoryClusterer([], df, () => `s${++n}`, params);
  const out = new Map<string, string>();
  for (const f of features) out.set(f.id, c.add(f).storyId);
  const into = new Map<string, string>();
  for (const [from, to] of c.mergeSimilar([...c.stories.keys()].sort())) into.set(from, to);
  const final = (s: string): string => (into.has(s) ? final(into.get(s)!) : s);
  for (const [a, s] of out) out.set(a, final(s));
  return out;
}
