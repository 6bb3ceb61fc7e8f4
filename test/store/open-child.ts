// Child process for the read-only directory test: opens a store at argv[2] and prints the outcome as JSON.
// The test runs it as an unprivileged user when the test itself runs as root (root ignores permissions):
// usage `node --import tsx open-child.ts <path> [uid]`.
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.js';

// Run as root, the child drops to the unprivileged user named by argv[3] after its modules are loaded, so the
// checkout itself need not be readable by that user (CI clones into a directory only root can enter).
const uid = Number(process.argv[3]);
if (uid) {
  // better-sqlite3 loads its native addon with the first database: load it while the checkout is readable
  new Database(':memory:').close();
  process.setgroups?.([]);
  process.setgid?.(uid);
  process.setuid?.(uid);
}

try {
  new SqliteStore(process.argv[2]).close();
  process.stdout.write(JSON.stringify({ opened: true }) + '\n');
} catch (e) {
  const err = e as Error;
  process.stdout.write(JSON.stringify({ opened: false, name: err.name, message: err.message }) + '\n');
}
