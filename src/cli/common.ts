/** Shared CLI plumbing: argument parsing, output streams, progress and errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stripControlChars } from '../util/control-chars.js';

export { stripControlChars };

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Chronicle's own cursor controls (the progress bar) on stderr; defaults to `stderr`. Never untrusted text. */
  terminal?: (s: string) => void;
  /** True when stderr is a terminal (progress is shown only then). */
  isTTY: boolean;
}

/**
 * The process's streams. Everything written to stdout and stderr loses escape sequences and control
 * characters (tab and line feed stay): titles, sources, file names and article text come from untrusted
 * input and must not act on the user's terminal. JSON output is unaffected except for C1 and DEL
 * characters (JSON.stringify already escapes C0 ones); only the progress bar's own controls pass raw.
 */
export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(stripControlChars(s)),
  stderr: (s) => process.stderr.write(stripControlChars(s)),
  terminal: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export interface Command {
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A usage problem: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** parseArgs with --help/--quiet/--format always accepted, and usage errors as UsageError. */
const baseOptions = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export function parse(argv: string[], options: Options, allowPositionals = true): Parsed {
  try {
    return parseArgs({
      args: argv,
      options: { ...baseOptions, ...options },
      allowPositionals,
      strict: true,
    }) as Parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function intOption(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

export function dayOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s + 'T00:00:00Z')))
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${s}"`);
  return s;
}

export function formatOption(value: unknown, allowed: string[], dflt: string): string {
  const f = value === undefined ? dflt : String(value);
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${f}"`);
  return f;
}

/** A progress reporter that draws on stderr only when it is a terminal and --quiet is off. */
export function progress(io: CliIO, quiet: boolean) {
  const on = io.isTTY && !quiet;
  const draw = io.terminal ?? io.stderr;
  let last = 0;
  return {
    update(label: string, done: number, total: number) {
      if (!on) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : 0;
      draw(
        `\r${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`,
      );
    },
    done() {
      if (on) draw('\r\x1b[K');
    },
  };
}
