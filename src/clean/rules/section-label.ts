import type { CleanRule } from '../types.js';
import { headIndices } from '../types.js';

/** Section names news sites print above the headline (a line of its own near the top). */
const SECTIONS = new Set(
  (
    'world|world news|news|uk|uk news|us|us news|u.s.|europe|africa|asia|americas|middle east|politics|business|' +
    'economy|markets|money|sport|sports|technology|tech|science|environment|climate|health|opinion|analysis|' +
    'comment|local|local news|national|national news|breaking news|breaking|live|exclusive|latest|top news|' +
    'home|entertainment|culture|lifestyle|travel|energy|regional|international|global'
  ).split('|'),
);

export const sectionLabelRule: CleanRule = {
  name: 'section-label',
  description: 'section labels on a line of their own near the top ("World News")',
  apply(ctx) {
    for (const i of headIndices(ctx)) {
      const t = ctx.lines[i].text
        .trim()
        .toLowerCase()
        .replace(/\s*[>|/›»]\s*/g, '|');
      if (t.length > 60) continue;
      const parts = t.split('|').filter(Boolean);
      if (parts.length && parts.every((p) => SECTIONS.has(p))) ctx.remove(i, 'section-label');
    }
  },
};
