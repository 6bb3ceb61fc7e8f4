/**
 * Test helper: run a script in a child process with a deadline and a memory ceiling, so an input that
 * makes the code hang or grow without bound fails the test instead of hanging or swapping CI.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildResult {
  /** Why the child was stopped ('timeout', 'memory'), or null when it ended by itself. */
  stopped: 'timeout' | 'memory' | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Resident memory of a process in MB (Linux /proc), or 0 when it cannot be read. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function runChild(
  args: string[],
  { timeoutMs = 20_000, maxRssMb = 600 }: { timeoutMs?: number; maxRssMb?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopped: ChildResult['stopped'] = null;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const stop = (why: 'timeout' | 'memory') => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const deadline = setTimeout(() => stop('timeout'), timeoutMs);
    const watch = setInterval(() => {
      if (child.pid && rssMb(child.pid) > maxRssMb) stop('memory');
    }, 50);
    child.on('close', (code) => {
      clearTimeout(deadline);
      clearInterval(watch);
      resolve({ stopped, code, stdout, stderr });
    });
  });
}
