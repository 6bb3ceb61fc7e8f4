import type { InputError } from '../model.js';
import type { CliIO } from './common.js';

/** Print input problems (file and line named in each message) on stderr. */
export function reportErrors(io: CliIO, errors: InputError[], quiet: boolean): void {
  if (quiet) return;
  for (const e of errors) io.stderr(`warning: ${e.message}\n`);
}
