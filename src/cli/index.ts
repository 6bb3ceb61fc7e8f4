/** The `chronicle` command: a thin dispatcher over one file per command. */
import { processIO, UsageError, type CliIO, type Command } from './common.js';
import { VERSION } from '../version.js';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  analyze: () => import('./analyze.js'),
  timeline: () => import('./timeline.js'),
  eval: () => import('./eval.js'),
  ingest: () => import('./ingest.js'),
  stories: () => import('./stories.js'),
  sources: () => import('./sources.js'),
  search: () => import('./search.js'),
  entities: () => import('./entities.js'),
  quotes: () => import('./quotes.js'),
  export: () => import('./export.js'),
  import: () => import('./import.js'),
  watch: () => import('./watch.js'),
  serve: () => import('./serve.js'),
  worker: () => import('./worker.js'),
  status: () => import('./status.js'),
};

async function usage(io: CliIO): Promise<string> {
  const lines = ['Usage: chronicle <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(10)} ${command.summary}`);
    } catch {
      // A command whose module is not built yet is simply not listed.
    }
  }
  lines.push('', 'Run `chronicle <command> --help` for the options of a command.');
  void io;
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await usage(io));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`chronicle ${VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`chronicle: unknown command "${name}"\n\n${await usage(io)}`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    // `eval` passes --help on to its subcommands.
    if (name !== 'eval' || rest.length === 1) {
      io.stdout(command.help.trimEnd() + '\n');
      return 0;
    }
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`chronicle ${name}: ${e.message}\nRun \`chronicle ${name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr(`chronicle ${name}: ${(e as Error).message ?? e}\n`);
    if (process.env.CHRONICLE_DEBUG) io.stderr(String((e as Error).stack) + '\n');
    return 1;
  }
}

// Run directly (tsx src/cli/index.ts ...) as well as through bin/chronicle.js.
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
