/**
 * Timeline17 benchmark: runs `chronicle eval tls` on <datasets>/timeline17 and prints one summary line
 * (the shipped method's IN-SAMPLE mean AR-1, AR-2 and Date F1 for both k rules, wall and CPU time, peak
 * memory). The held-out figure takes minutes to an hour: `chronicle eval tls <dir> --loto`. Run: npm run bench -- tls
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
type Mean = Record<string, { p: number; r: number; f: number }>;
const r = JSON.parse(out) as {
  k: string;
  tasks: unknown[];
  mean: Mean;
  otherK: { k: string; mean: Mean };
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
};
const f = (m: Mean) => `${m.ar1!.f.toFixed(4)}/${m.ar2!.f.toFixed(4)}/${m.date!.f.toFixed(4)}`;
console.log(
  `tls: ${r.tasks.length} Timeline17 tasks, in-sample AR-1/AR-2/Date F k=${r.k} ${f(r.mean)}, k=${r.otherK.k} ${f(r.otherK.mean)} ` +
    `(held out: eval tls --loto; DATEWISE 0.120/0.035/0.544, SUnSET 0.136/0.044/0.576); ${r.seconds} s wall, ${r.cpuSeconds} s CPU, peak ${r.peakRssMb} MB`,
);
