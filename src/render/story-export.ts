/** Exporting a stored story: JSON (re-importable), Markdown, HTML and TimelineJS JSON. */
import type { Analysis, Timeline } from '../model.js';
import type { ExportFormat, StorySummary } from '../store/index.js';
import { escapeMarkdown, timelineMarkdown } from './markdown.js';
import { timelineHtml } from './html.js';
import { storyJson } from './story-json.js';
import { timelineJs } from './timelinejs.js';

export { parseStoryExport, storyJson, STORY_FORMAT, type StoryExport } from './story-json.js';
export { timelineJs, type TimelineJs } from './timelinejs.js';

export const EXPORT_FORMATS: ExportFormat[] = ['json', 'markdown', 'html', 'timelinejs'];

export interface StoryMaterial {
  story: StorySummary;
  analysis: Analysis;
  timeline: Timeline;
}

function subtitle(s: StorySummary): string {
  const span = s.from ? (s.to && s.to !== s.from ? `${s.from} to ${s.to}` : s.from) : 'undated';
  return `${s.articles} article${s.articles === 1 ? '' : 's'}, ${span}${s.sources.length ? `; sources: ${s.sources.join(', ')}` : ''}`;
}

export function exportStory(m: StoryMaterial, format: ExportFormat): string {
  const title = m.story.title || m.story.id;
  switch (format) {
    case 'json':
      return JSON.stringify(storyJson(m.story, m.analysis, m.timeline)) + '\n';
    case 'markdown':
      // A function, not a replacement string: a `$&` in a source name must stay text.
      return timelineMarkdown(m.timeline, title).replace(
        /\n/,
        () => `\n\n_${escapeMarkdown(subtitle(m.story))}_\n`,
      );
    case 'html':
      return timelineHtml(m.timeline, title);
    case 'timelinejs':
      return JSON.stringify(timelineJs(m.timeline, title, subtitle(m.story)), null, 2) + '\n';
    default:
      throw new Error(`unknown export format "${String(format)}"`);
  }
}
