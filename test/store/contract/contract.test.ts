/**
 * The store contract suite: the same tests against every backend (backends.ts): ingest and idempotency,
 * stories and their aliases, timelines, search, entities and quotes, export and import, migrations and errors,
 * and the read paths the API serves.
 */
import './ingest.js';
import './stories.js';
import './timelines.js';
import './search.js';
import './entities.js';
import './export.js';
import './faults.js';
import './servers.js';
import './reads.js';
