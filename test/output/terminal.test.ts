import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripControlChars } from '../../src/util/control-chars.js';
import { timelineText } from '../../src/output/text.js';
import { runChild } from '../ingest/child.js';

// Escape sequences in a page title or a file name must not reach the user's terminal, neither in the
// text output nor in the warnings on stderr.

const ESC = '\x1b';
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const dir = mkdtempSync(join(tmpdir(), 'chronicle-terminal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('stripControlChars drops CSI, OSC and C1 sequences and C0 controls, keeping tab and newline', () => {
  assert.equal(stripControlChars(`a${ESC}[31mred${ESC}[0m b`), 'ared b');
  assert.equal(stripControlChars(`${ESC}]0;window title\x07Title`), 'Title');
  assert.equal(stripControlChars(`x${ESC}]8;;http://e.example${ESC}\\link`), 'xlink');
  assert.equal(stripControlChars('a\u009b2Jb\rc\x00d\x7fe\tf\ng'), 'a2Jbcde\tf\ng');
  assert.equal(stripControlChars(`end${ESC}`), 'end');
  assert.equal(stripControlChars('Plain “text” – é'), 'Plain “text” – é');
});

test('timelineText strips control characters from sources and summaries', () => {
  const text = timelineText({
    entries: [
      {
        date: '2024-03-04',
        summary: [`The ferry left.${ESC}[2J`],
        sentences: [],
        sources: [{ articleId: 'a', path: null, title: null, source: `Bay ${ESC}[31mPost\u009b` }],
        score: 1,
      },
    ],
    entities: [],
    quotes: [],
  });
  assert.ok(!CONTROL.test(text.replace(/\n/g, '')), JSON.stringify(text));
  assert.match(text, /sources \(1\): Bay Post/);
});

test('the CLI prints titles and file names without their escape sequences, on stdout and stderr', async () => {
  const page = join(dir, `page${ESC}[2J.html`);
  writeFileSync(
    page,
    `<html><head><title>Ferry ${ESC}]0;owned\x07back ${ESC}[5min port</title></head><body><article>` +
      '<p>The ferry Morning Gull left Brindle Bay on Thursday morning with forty passengers aboard, ' +
      'the first crossing since the storm closed the harbour last week, the harbour master said.</p>' +
      '</article></body></html>',
  );
  const empty = join(dir, `empty${ESC}[31m.txt`);
  writeFileSync(empty, '');
  const r = await runChild(['src/cli/index.ts', 'analyze', page, empty], { timeoutMs: 60_000 });
  assert.equal(r.stopped, null);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!CONTROL.test(r.stdout.replace(/[\n\t]/g, '')), JSON.stringify(r.stdout.slice(0, 300)));
  assert.ok(!CONTROL.test(r.stderr.replace(/[\n\t]/g, '')), JSON.stringify(r.stderr));
  assert.match(r.stdout, /# Ferry back in port/);
  assert.match(r.stdout, /page\.html/);
  assert.match(r.stderr, /empty\.txt: empty file/);
});
