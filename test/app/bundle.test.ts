/**
 * The web app's bundle (scripts/build-web.ts) as the CSP and the type-only API client promise: one ES module
 * with no server code (no zod, no Node built-ins), no eval, and no innerHTML anywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebApp } from '../../scripts/build-web.js';

test('the bundle holds the app only: no server code, no eval, no innerHTML', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bundle-'));
  try {
    const js = readFileSync(await buildWebApp({ outfile: join(dir, 'app.js') }), 'utf8');
    assert.match(js, /\bApp = class\b/); // the controller is in it
    assert.match(js, /function entitiesIn\(/); // and the shared name matcher
    for (const banned of [
      /\bzod\b/,
      /from ['"]node:/,
      /require\(/,
      /\beval\(/,
      /new Function\(/,
      /innerHTML/,
    ])
      assert.doesNotMatch(js, banned);
    assert.doesNotMatch(js, /^import /m); // one file: nothing left to load
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
