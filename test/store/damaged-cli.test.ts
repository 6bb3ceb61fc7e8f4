/**
 * Every store command on a damaged store ends with a clear message naming the file and the damage (exit 1),
 * never a TypeError, a JSON syntax error or a bare SQLite message; undamaged parts still answer (exit 0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/index.js';
import { DAMAGES, damagedStore } from './damage.js';

const COMMANDS = [
  ['stories'],
  ['search', 'diesel'],
  ['search', 'library', '--story', 'council'],
  ['timeline', '--story', 'harbour'],
  ['entities'],
  ['entities', '--story', 'harbour'],
  ['quotes'],
  ['export', '--story', 'harbour'],
  ['export', '--story', 'harbour', '--format', 'markdown'],
];

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

for (const damage of DAMAGES)
  test(`store commands on a store with ${damage} damage say so clearly`, async () => {
    const path = await damagedStore(damage);
    let failed = 0;
    for (const argv of COMMANDS) {
      const r = await run([...argv, '--db', path]);
      const what = `${argv.join(' ')} (${damage}): ${r.err}`;
      if (r.code === 0) continue;
      failed++;
      assert.equal(r.code, 1, what);
      assert.ok(r.err.includes(path), `names the file: ${what}`);
      assert.match(r.err, /corrupt|damaged/, what);
      assert.doesNotMatch(r.err, /TypeError|Cannot read properties|Unexpected token|is not valid JSON/, what);
    }
    // Each damage is met by at least one command (the test would otherwise check nothing).
    assert.ok(failed > 0, `no command noticed the ${damage} damage`);
  });
