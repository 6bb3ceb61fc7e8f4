import type { Article, Entity } from '../../model.js';

/** STUB (owned by the entity-resolution work): merge mentions across articles into entities; sets Mention.entityId. */
export function resolveEntities(_articles: Article[]): Entity[] {
  return [];
}
