/**
 * The learned furniture step: after the named rules have taken what they recognise exactly (and filled
 * byline, source, title), the furniture model scores every remaining line and removes those it judges
 * page furniture (menus, headline lists, share counts, cookie and newsletter boxes...). It runs as the
 * last clean rule so the rules' removals are part of what it sees.
 */
import type { CleanRule } from '../types.js';
import { scoreLines, shippedFurnitureModel, type FurnitureModel } from './model.js';

export const FURNITURE_RULE = 'furniture-model';

/** The furniture step with the given model (default: the shipped one, loaded on first use). */
export function furnitureRule(model?: FurnitureModel): CleanRule {
  return {
    name: FURNITURE_RULE,
    description: 'lines the learned furniture model scores as page furniture (models/clean/)',
    apply(ctx) {
      // One tokenised sentence per line (Timeline17) is an article body already; so is the main text an
      // extractor took from a page's HTML (there the model lowers `chronicle eval extract`'s F1).
      if (ctx.article.linesAreSentences || ctx.article.extractedFromHtml) return;
      const m = model ?? shippedFurnitureModel();
      const { indices, keep } = scoreLines(m, ctx.lines);
      for (let k = 0; k < indices.length; k++) if (!keep[k]) ctx.remove(indices[k], FURNITURE_RULE);
    },
  };
}
