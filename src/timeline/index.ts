/**
 * Timeline building: strategies behind one interface (news-tls style: a date ranker, a sentence collector
 * and a summariser composed into a strategy). `chronicle timeline` and `chronicle eval tls` use the same
 * default strategy.
 */
import type { Analysis, Timeline, TimelineOptions } from '../model.js';

export interface TimelineStrategy {
  name: string;
  build(analysis: Analysis, options: TimelineOptions): Timeline;
}

/** STUB (owned by the timeline work). */
export function buildTimelineFromAnalysis(analysis: Analysis, _options: TimelineOptions = {}): Timeline {
  return { entries: [], entities: analysis.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions })), quotes: [] };
}
