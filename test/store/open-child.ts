// Child process for the read-only directory test: opens a store at argv[2] and prints the outcome as JSON.
// The test runs it as an unprivileged user when the test itself runs as root (root ignores permissions).
import { SqliteStore } from '../../src/store/index.js';

try {
  new SqliteStore(process.argv[2]).close();
  process.stdout.write(JSON.stringify({ opened: true }) + '\n');
} catch (e) {
  const err = e as Error;
  process.stdout.write(JSON.stringify({ opened: false, name: err.name, message: err.message }) + '\n');
}
