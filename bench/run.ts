/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each prints one summary line with its figures.
 * Datasets are read from $CHRONICLE_DATASETS (default ../shared/datasets); a bench whose data is missing
 * says so and is skipped. `npm run bench -- timex` runs only the benches whose file name contains "timex".
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = resolve(import.meta.dirname ?? 'bench');
const datasets = resolve(process.env.CHRONICLE_DATASETS ?? '../shared/datasets');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f), datasets], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
