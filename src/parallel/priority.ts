/**
 * Background threads (analysis workers, a server's reader) give way to the thread answering requests by
 * raising their own nice value. Only on Linux is the nice value per thread; elsewhere setting it would slow the
 * whole process, the caller's thread too, so it is left alone there.
 */
import { setPriority } from 'node:os';

/** Give the calling worker thread this nice value (0..19) where that affects it alone. */
export function niceThisThread(niceness: number | undefined): void {
  if (!niceness || niceness <= 0 || process.platform !== 'linux') return;
  try {
    setPriority(Math.min(19, niceness));
  } catch {
    // not permitted here: run at the normal priority
  }
}
