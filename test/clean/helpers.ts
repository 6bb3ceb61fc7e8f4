import { newArticle, type Article } from '../../src/model.js';
import { applyCleanRules, type CleanRule } from '../../src/clean/index.js';

/** Apply one rule (or several) to a raw text and return the article. */
export function clean(raw: string, rules: CleanRule[], fields: Partial<Article> = {}): Article {
  const a = newArticle({ id: 't', rawText: raw, ...fields });
  applyCleanRules(a, rules);
  return a;
}

/** An ordinary news paragraph that no rule may touch. */
export const ORDINARY = [
  'Harbour pilots in Lindqvist said on Monday that the channel would stay closed until the wreck is lifted.',
  'By the end of the week, crews had moved most of the cargo, the port authority said.',
  '"We are working as fast as we can," said Hilde Maren, who runs the pilots\' association.',
  'Source material from the survey was shared with the insurers, and the share price rose 3.5 per cent.',
  'More than 40 boats took part.',
].join('\n\n');

/** A short body of ordinary news text for the outlet rules' tests. */
export const BODY =
  'The harbour board said on Monday that the new quay would open in the spring after two years of work.\n\nCrews finished the foundations in March, the board said.';

/** Run an outlet evidence rule (after the title rule), then the outlet rule that weighs the evidence. */
export async function outletOfText(raw: string, rule: CleanRule, fields: Partial<Article> = {}) {
  const { titleRule } = await import('../../src/clean/rules/title.js');
  const { outletRule } = await import('../../src/clean/rules/outlet.js');
  return clean(raw, [titleRule, rule, outletRule], fields).source;
}
