// Bundles the web app (web/src/main.ts and what it imports, including src/text/names-match.ts) into the one
// file the page loads, web/app.js: an ES module with no eval and no inline script, so the CSP stays strict.
// Run by `npm run build`; the browser test runs buildWebApp() itself so it always tests the current source.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function buildWebApp({ outfile = `${ROOT}web/app.js` } = {}): Promise<string> {
  await build({
    entryPoints: [`${ROOT}web/src/main.ts`],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    // Readable output: the bundle is small, and a stack trace from a user's browser should name things.
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    banner: { js: '// Built from web/src by scripts/build-web.ts: edit the sources, not this file.' },
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWebApp();
