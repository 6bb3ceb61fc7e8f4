/**
 * The web app's static files (`web/` at the package root). The folder is found relative to this module,
 * which sits at the same depth in `src/server/` (tsx) and `dist/server/` (compiled), so both work.
 * Files are read once and served from memory: only names that exist in the folder can ever be served.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
  etag: string;
}

/** Load every servable file under `root` (one level of sub-folders), keyed by URL path ("/app.js"). */
export function loadStaticFiles(root = WEB_ROOT): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string, prefix: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // no web folder: the API still works
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) {
        if (depth < 1) walk(full, `${prefix}${name}/`, depth + 1);
        continue;
      }
      const type = TYPES[extname(name).toLowerCase()];
      if (!type) continue;
      const body = new Uint8Array(readFileSync(full));
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      files.set(`/${prefix}${name}`, { body, type, etag });
    }
  };
  walk(root, '', 0);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}
