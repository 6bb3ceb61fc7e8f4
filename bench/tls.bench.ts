/**
 * Timeline17 benchmark: runs `chronicle eval tls` on <datasets>/timeline17 and prints one summary line
 * (mean AR-1, AR-2 and Date F1, wall time, peak memory). Run: npm run bench -- tls
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { command } from '../src/cli/eval/tls.js';

const root = join(process.argv[2] ?? '../shared/datasets', 'timeline17');
if (!existsSync(root)) {
  console.log(`tls: dataset missing at ${root} (skipped)`);
  process.exit(0);
}
let out = '';
const code = await command.run([root, '--format', 'json', '--quiet'], {
  stdout: (s) => (out += s),
  stderr: (s) => process.stderr.write(s),
  isTTY: false,
});
if (code !== 0) process.exit(code);
const r = JSON.parse(out) as {
  tasks: unknown[];
  mean: Record<string, { p: number; r: number; f: number }>;
  seconds: number;
  peakRssMb: number;
};
const f = (k: string) => r.mean[k]!.f.toFixed(4);
console.log(
  `tls: ${r.tasks.length} Timeline17 tasks, AR-1 F ${f('ar1')}, AR-2 F ${f('ar2')}, Date F ${f('date')} (DATEWISE 0.120/0.035/0.544, SUnSET 0.136/0.044/0.576); ${r.seconds} s, peak ${r.peakRssMb} MB`,
);
