import type { Timeline, TimelineOptions } from '../model.js';

/** STUB (owned by the store work): build a timeline for a stored story or query. */
export async function timelineFromStore(
  _where: { db?: string; story?: string },
  _options: TimelineOptions,
): Promise<{ timeline: Timeline; title: string }> {
  throw new Error('the store is not implemented yet');
}
