/**
 * Chronicle's version, read once from package.json (the one place it is written) so the CLI's
 * `--version`, the API's `/healthz` and its OpenAPI document cannot disagree. The file sits one folder
 * above both `src/` and `dist/`, so the same relative path works from source and from the build.
 */
import { readFileSync } from 'node:fs';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
