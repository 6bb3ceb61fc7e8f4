/**
 * Story clustering, by concept: params.ts (hyper-parameters), order.ts (clustering order), features.ts (what
 * clustering sees of an article), weighting.ts (idf, similarity, time gaps), clusterer.ts (incremental
 * clustering), merge.ts (the merge policy after a batch), codec.ts (the store's vector format). This module is
 * their public surface, so importers need not know the split.
 */
export { STORY_PARAMS, type StoryParams } from './params.js';
export { clusterOrder, clusterOrderKey } from './order.js';
export {
  articleFeatures,
  articleTermVector,
  contentWords,
  nameWords,
  type ArticleFeatures,
  type StoryState,
} from './features.js';
export { addDocFreq, gapDays, idf, spanGap, type DocFreq } from './weighting.js';
export { StoryClusterer } from './clusterer.js';
export { mergeSimilar, type MergeHost } from './merge.js';
export { decodeVector, encodeVector } from './codec.js';
