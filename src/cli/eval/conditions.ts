/**
 * The conditions of an evaluation figure, printed with it: what the method was given (gold mentions, gold
 * types...), what was scored (duplicates removed or not) and whether the figure is in-sample (the method or
 * its parameters were developed on the same data) or held out. A figure without its conditions invites a
 * comparison it cannot bear, e.g. an in-sample score next to published held-out ones.
 */

/** The text block: `conditions:` and one indented line per condition. */
export function conditionsText(conditions: readonly string[]): string {
  return `conditions:\n${conditions.map((c) => `  - ${c}\n`).join('')}`;
}
