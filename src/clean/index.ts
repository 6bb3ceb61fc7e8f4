/**
 * Clean: strips furniture (bylines, datelines, captions, widgets, share prompts, trailing headline lists...)
 * from article.rawText into article.text, records each removal in article.removed with its rule's name,
 * and fills byline / source / title when the furniture carries them. Rules are small named modules in
 * ./rules, applied in order over the article's lines.
 */
import type { Article } from '../model.js';
import type { CleanContext, CleanLine, CleanRule } from './types.js';
import { adLabelRule } from './rules/ad-label.js';
import { bylineRule } from './rules/byline.js';
import { captionRule } from './rules/caption.js';
import { consentNoticeRule } from './rules/consent-notice.js';
import { creditLineRule } from './rules/credit-line.js';
import { datelineRule } from './rules/dateline.js';
import { readTimeRule } from './rules/read-time.js';
import { recommendationsRule } from './rules/recommendations.js';
import { relatedRule } from './rules/related.js';
import { repeatedHeadlineRule } from './rules/repeated-headline.js';
import { sectionLabelRule } from './rules/section-label.js';
import { sharePromptsRule } from './rules/share-prompts.js';
import { summaryFromRule } from './rules/summary-from.js';
import { timestampRule } from './rules/timestamp.js';
import { titleRule } from './rules/title.js';
import { trailingHeadlinesRule } from './rules/trailing-headlines.js';
import { videoCaptionRule } from './rules/video-caption.js';
import { wireDatelineRule } from './rules/wire-dateline.js';
import { furnitureRule } from './furniture/index.js';
import type { FurnitureModel } from './furniture/model.js';
import { outletAgenciesRule } from './rules/outlet-agencies.js';
import { outletBylineRule } from './rules/outlet-byline.js';
import { outletCopyrightRule } from './rules/outlet-copyright.js';
import { outletCreditRule } from './rules/outlet-credit.js';
import { outletDatelineRule } from './rules/outlet-dateline.js';
import { outletMastheadRule } from './rules/outlet-masthead.js';
import { outletSelfReferenceRule } from './rules/outlet-self-reference.js';
import { outletTrailerRule } from './rules/outlet-trailer.js';
import { outletRule } from './rules/outlet.js';

export type { CleanRule, CleanContext, CleanLine } from './types.js';

/**
 * The rules in the order they run: cookie banners first (they sit anywhere, often above the article),
 * head furniture, then the title, then body and tail furniture.
 */
export const cleanRules: CleanRule[] = [
  consentNoticeRule,
  sectionLabelRule,
  bylineRule,
  timestampRule,
  readTimeRule,
  summaryFromRule,
  datelineRule,
  wireDatelineRule,
  videoCaptionRule,
  captionRule,
  sharePromptsRule,
  adLabelRule,
  titleRule,
  relatedRule,
  recommendationsRule,
  creditLineRule,
  repeatedHeadlineRule,
  trailingHeadlinesRule,
  // Outlet evidence from any line (also removed ones), then the outlet rule weighs it.
  outletDatelineRule,
  outletBylineRule,
  outletAgenciesRule,
  outletTrailerRule,
  outletCopyrightRule,
  outletSelfReferenceRule,
  outletCreditRule,
  outletMastheadRule,
  outletRule,
];

/** Characters that only get in the way: zero-width marks, soft hyphens; NBSP becomes a space. */
function normalise(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Run the given rules over the article (setting article.text); returns its lines as the rules left them. */
export function applyCleanRules(article: Article, rules: CleanRule[] = cleanRules): CleanLine[] {
  const lines: CleanLine[] = normalise(article.rawText)
    .split('\n')
    .map((text) => ({ text }));
  const ctx: CleanContext = {
    article,
    lines,
    remove(index, rule) {
      const l = lines[index];
      if (l.removedBy) return;
      l.removedBy = rule;
      article.removed.push({ rule, text: l.text.trim() });
    },
  };
  for (const rule of rules) rule.apply(ctx);
  article.text = lines
    .filter((l) => !l.removedBy)
    .map((l) => l.text.trimEnd()) // = .replace(/\s+$/, ''): trimEnd strips exactly the `\s` set
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return lines;
}

export interface CleanOptions {
  /** The furniture model run after the rules: default the shipped one; null runs the rules only. */
  furniture?: FurnitureModel | null;
}

const shippedStep = furnitureRule();

/** The clean stage: strips furniture and fills byline/source/title. Idempotent on a fresh article. */
export function cleanArticle(article: Article, options: CleanOptions = {}): void {
  article.removed = [];
  const step =
    options.furniture === undefined ? shippedStep : options.furniture && furnitureRule(options.furniture);
  applyCleanRules(article, step ? [...cleanRules, step] : cleanRules);
}
