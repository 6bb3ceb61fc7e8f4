import assert from 'node:assert/strict';
import { tagTimexes } from '../../src/nlp/timex/index.js';
import type { Timex } from '../../src/model.js';

/** Tags text and returns the timex whose text is exactly `phrase` (fails the test when there is none). */
export function timexFor(text: string, dct: string | null, phrase: string): Timex {
  const all = tagTimexes(text, { dct });
  const t = all.find((x) => x.text === phrase);
  assert.ok(t, `no timex "${phrase}" in ${JSON.stringify(all.map((x) => x.text))} for: ${text}`);
  assert.equal(text.slice(t.start, t.end), t.text, 'offsets point at the text');
  return t;
}

/** Asserts the value (and type) of the timex written as `phrase` in text. */
export function expectValue(
  text: string,
  dct: string | null,
  phrase: string,
  value: string,
  type?: string,
  mod?: string,
): void {
  const t = timexFor(text, dct, phrase);
  assert.equal(t.value, value, `value of "${phrase}" in: ${text}`);
  if (type) assert.equal(t.type, type, `type of "${phrase}"`);
  if (mod !== undefined) assert.equal(t.mod, mod, `mod of "${phrase}"`);
}

export function texts(text: string, dct: string | null): string[] {
  return tagTimexes(text, { dct }).map((t) => t.text);
}
