/** `chronicle export --story <id> --format json|markdown|html|timelinejs [--out FILE]`. */
import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../store/index.js';
import { exportStory } from '../render/story-export.js';
import { DB_HELP, openCliStore } from '../store/cli.js';
import { formatOption, parse, UsageError, type Command } from './common.js';

const help = `Usage: chronicle export --story <id> [--format json|markdown|html|timelinejs] [--out FILE]

Exports a stored story: json (the story, its timeline and every article with its analysis; re-importable
with \`chronicle import\`), markdown, html (a self-contained page) or timelinejs (Knight Lab TimelineJS JSON).

Options:
${DB_HELP}
  --story ID             the story (see \`chronicle stories\`)
  --format F             (default json)
  --out FILE             write to FILE instead of stdout
`;

export const command: Command = {
  summary: 'export a story as JSON, Markdown, HTML or TimelineJS JSON',
  help,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        db: { type: 'string' },
        story: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (!values.story) throw new UsageError('--story <id> is required (see `chronicle stories`)');
    const format = formatOption(
      values.format,
      ['json', 'markdown', 'html', 'timelinejs'],
      'json',
    ) as ExportFormat;
    const store = await openCliStore(values.db);
    try {
      const text = await exportStory(store, String(values.story), format);
      if (values.out) writeFileSync(String(values.out), text);
      else io.stdout(text);
    } finally {
      await store.close();
    }
    return 0;
  },
};
