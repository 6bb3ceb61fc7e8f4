import type { Command } from './common.js';
import { intOption, parse, UsageError } from './common.js';
import { defaultStorePath, openStore, StoreError } from '../store/index.js';
import { storeFailure } from '../store/errors.js';

/** The server's store waits this long for a lock on its own thread; longer waits are retried asynchronously. */
const SERVER_BUSY_TIMEOUT_MS = 50;

export const command: Command = {
  summary: 'start the HTTP API and web app',
  help: `Usage: chronicle serve [--port N] [--host ADDR] [--db FILE] [--token T] [--allowed-host NAME...]

Serves the web app at / and the JSON API at /api (described at /openapi.json) over the store.

Without a token, the server takes writes only from its own web page and from clients that are not
browsers (curl, scripts): a write another web site's page makes is refused. It answers only requests
addressed to it by the bound address, localhost, 127.0.0.1, [::1] or an --allowed-host name, which
keeps pages on other domains from reading it through DNS rebinding.

Options:
  --port N            port to listen on (default 8080; 0 picks a free port)
  --host ADDR         address to bind (default 127.0.0.1: only this machine)
  --allowed-host NAME another host name requests may be addressed to (repeatable), e.g. the
                      machine's name on the network when binding 0.0.0.0
  --db FILE           store file (default $CHRONICLE_DB, else .chronicle/chronicle.db)
  --token T           require "Authorization: Bearer T" for writes (default: $CHRONICLE_TOKEN;
                      an empty token is an error)
  --workers N         threads analysing posted articles (default: cores, at most 2)
  --max-body N        largest request body in bytes (default 10485760)
  --allow-private     let URL inputs reach loopback and private addresses (off: the server
                      refuses to fetch them, so it cannot be used to probe the local network)
  -q, --quiet         do not print the address
`,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        token: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        workers: { type: 'string' },
        'max-body': { type: 'string' },
        'allow-private': { type: 'boolean' },
      },
      false,
    );
    const port = intOption(values.port, 'port') ?? 8080;
    const maxBody = intOption(values['max-body'], 'max-body', 1);
    const workers = intOption(values.workers, 'workers', 1);
    const token = tokenOption(values.token as string | undefined);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const allowedHosts = (values['allowed-host'] as unknown as string[] | undefined) ?? [];
    for (const h of allowedHosts)
      if (!/^[A-Za-z0-9.:[\]-]+$/.test(h))
        throw new UsageError(`--allowed-host must be a host name, got "${h}"`);
    const dbPath = (values.db as string | undefined) ?? defaultStorePath();
    const { store, readonly } = await openServedStore(dbPath);
    const { startServer } = await import('../server/index.js');
    let server;
    try {
      server = await startServer({
        store,
        token,
        host,
        port,
        allowedHosts,
        workers,
        limits: {
          ...(maxBody ? { maxBodyBytes: maxBody } : {}),
          allowPrivateUrls: Boolean(values['allow-private']),
        },
      });
    } catch (e) {
      await store.close();
      throw e;
    }
    if (!values.quiet)
      io.stderr(
        `chronicle serve: ${server.url}/ (store ${dbPath}${readonly ? ', read-only' : ''}${token ? ', writes need the bearer token' : ''}); Ctrl-C stops\n`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server
          .close()
          .then(() => store.close())
          .then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};

/** --token, else $CHRONICLE_TOKEN; an empty one (given but blank) is a usage error, never an open server. */
function tokenOption(flag: string | undefined): string | undefined {
  const fromEnv = process.env.CHRONICLE_TOKEN;
  const token = flag ?? fromEnv;
  if (token === undefined) return undefined;
  if (!token.trim())
    throw new UsageError(
      flag !== undefined
        ? '--token is empty: give a token, or leave the option out to run without one'
        : 'CHRONICLE_TOKEN is set but empty: give a token, or unset it to run without one',
    );
  return token;
}

/** The store, writable when it can be; a store the server cannot write is served read-only (writes get 503). */
async function openServedStore(path: string) {
  const busyTimeout = SERVER_BUSY_TIMEOUT_MS;
  try {
    return { store: await openStore(path, { busyTimeout }), readonly: false };
  } catch (e) {
    if (storeFailure(e) !== 'read-only' || !(e instanceof StoreError)) throw e;
    return { store: await openStore(path, { readonly: true, busyTimeout }), readonly: true };
  }
}
