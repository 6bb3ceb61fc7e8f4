import type { Command } from './common.js';
import { intOption, parse } from './common.js';
import { defaultStorePath, openStore } from '../store/index.js';

export const command: Command = {
  summary: 'start the HTTP API and web app',
  help: `Usage: chronicle serve [--port N] [--host ADDR] [--db FILE] [--token T]

Serves the web app at / and the JSON API at /api (described at /openapi.json) over the store.

Options:
  --port N       port to listen on (default 8080; 0 picks a free port)
  --host ADDR    address to bind (default 127.0.0.1: only this machine)
  --db FILE      store file (default $CHRONICLE_DB, else .chronicle/chronicle.db)
  --token T      require "Authorization: Bearer T" for writes (default: $CHRONICLE_TOKEN)
  --max-body N   largest request body in bytes (default 10485760)
  --allow-private  let URL inputs reach loopback and private addresses (off: the server
                   refuses to fetch them, so it cannot be used to probe the local network)
  -q, --quiet    do not print the address
`,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        token: { type: 'string' },
        'max-body': { type: 'string' },
        'allow-private': { type: 'boolean' },
      },
      false,
    );
    const port = intOption(values.port, 'port') ?? 8080;
    const maxBody = intOption(values['max-body'], 'max-body', 1);
    const token = (values.token as string | undefined) ?? (process.env.CHRONICLE_TOKEN || undefined);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const dbPath = (values.db as string | undefined) ?? defaultStorePath();
    const store = openStore(dbPath);
    const { startServer } = await import('../server/index.js');
    const server = await startServer({
      store,
      token,
      host,
      port,
      limits: {
        ...(maxBody ? { maxBodyBytes: maxBody } : {}),
        allowPrivateUrls: Boolean(values['allow-private']),
      },
    });
    if (!values.quiet)
      io.stderr(
        `chronicle serve: ${server.url}/ (store ${dbPath}${token ? ', writes need the bearer token' : ''}); Ctrl-C stops\n`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(() => {
          store.close();
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
