#!/usr/bin/env node
// Entry point for `npx chronicle`: runs the compiled CLI (built by `npm install` via the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(compiled)) {
  process.stderr.write(
    'chronicle: the build is missing; run `npm install` (or `npm run build`) in ' + root + '\n',
  );
  process.exit(2);
}
const { main } = await import(pathToFileURL(compiled).href);
process.exitCode = await main(process.argv.slice(2));
