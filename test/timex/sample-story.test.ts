/** The bundled sample story (examples/harbour-spill): the resolved values its README lists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagTimexes } from '../../src/nlp/timex/index.js';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'harbour-spill');

/** Article text (header line removed) and its publication day, as the README gives them. */
function article(prefix: string, dct: string): { text: string; dct: string } {
  const name = [
    '01-harbour-gazette-2024-02-06.txt',
    '02-northern-ledger-2024-02-07.txt',
    '03-coastline-daily-undated-header.txt',
    '04-harbour-gazette-2024-02-08.txt',
    '05-wire-brussels-2024-02-12.txt',
    '07-northern-ledger-2024-02-15.txt',
    '08-coastline-daily-2024-02-20.txt',
    '09-harbour-gazette-2024-02-23.txt',
    '10-kelvik-courier-2024-02-26.txt',
  ].find((f) => f.startsWith(prefix))!;
  const raw = readFileSync(join(dir, name), 'utf8');
  return { text: raw.replace(/^\s*date \d{4}-\d{2}-\d{2}/, ''), dct };
}

/** [article prefix, DCT, a snippet of the sentence, the timex text, expected value] from the README. */
const EXPECTED: [string, string, string, string, string][] = [
  ['01', '2024-02-06', 'struck the eastern quay', 'Monday', '2024-02-05'],
  ['01', '2024-02-06', 'Today the port remains closed', 'Today', '2024-02-06'],
  ['01', '2024-02-06', 'will visit on Thursday', 'Thursday', '2024-02-08'],
  ['02', '2024-02-07', '', 'Tuesday', '2024-02-06'],
  ['03', '2024-02-09', 'visited the harbour on Thursday', 'Thursday', '2024-02-08'],
  ['04', '2024-02-08', 'toured the oiled beaches', 'Thursday', '2024-02-08'],
  ['04', '2024-02-08', '', 'Saturday', '2024-02-10'],
  ['05', '2024-02-12', '', 'Monday', '2024-02-12'],
  ['05', '2024-02-12', '', 'Wednesday', '2024-02-14'],
  ['05', '2024-02-12', '', 'last week', '2024-W06'],
  ['07', '2024-02-15', '', 'Wednesday', '2024-02-14'],
  ['07', '2024-02-15', '', 'Monday', '2024-02-19'],
  ['07', '2024-02-15', '', 'this week', '2024-W07'],
  ['07', '2024-02-15', '', 'Tuesday', '2024-02-13'],
  ['08', '2024-02-20', 'resumed on Monday', 'Monday', '2024-02-19'],
  ['08', '2024-02-20', '', 'next week', '2024-W09'],
  ['08', '2024-02-20', '', 'this month', '2024-02'],
  ['08', '2024-02-20', '', 'mid-October', '2023-10'],
  ['08', '2024-02-20', '', 'late April', '2024-04'],
  ['09', '2024-02-23', '', 'Thursday', '2024-02-22'],
  ['09', '2024-02-23', '', 'The day before', '2024-02-21'],
  ['09', '2024-02-23', '', 'Monday', '2024-02-26'],
  ['10', '2024-02-26', 'today', 'today', '2024-02-26'],
  ['10', '2024-02-26', '', 'next week', '2024-W10'],
];

test(
  'sample story: every resolved value the README lists',
  { skip: !existsSync(dir) && 'examples/harbour-spill is missing' },
  () => {
    for (const [prefix, dct, snippet, phrase, value] of EXPECTED) {
      const { text } = article(prefix, dct);
      const from = snippet ? text.indexOf(snippet) : 0;
      assert.ok(from >= 0, `snippet "${snippet}" not in article ${prefix}`);
      const all = tagTimexes(text, { dct });
      const t = all.find((x) => x.text === phrase && x.start >= from);
      assert.ok(t, `article ${prefix}: no "${phrase}" after "${snippet}"`);
      assert.equal(t.value, value, `article ${prefix}: "${phrase}" (${snippet || 'first'})`);
    }
  },
);

test(
  'sample story: mods of the fuzzy expressions and no outlet names as sets',
  { skip: !existsSync(dir) && 'examples/harbour-spill is missing' },
  () => {
    const { text, dct } = article('08', '2024-02-20');
    const all = tagTimexes(text, { dct });
    assert.equal(all.find((t) => t.text === 'mid-October')?.mod, 'MID');
    assert.equal(all.find((t) => t.text === 'late April')?.mod, 'END');
    assert.ok(!all.some((t) => t.text === 'Daily'), 'the outlet name "Coastline Daily" is not a SET');
  },
);
