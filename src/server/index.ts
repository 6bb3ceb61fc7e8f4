/** Starting and stopping the HTTP server (Node's http through @hono/node-server). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from './app.js';

export { createApp, timelineView, API_VERSION, type AppOptions, type ChronicleApp } from './app.js';
export { DEFAULT_LIMITS, type InputLimits } from './inputs.js';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on host:port (port 0 picks a free one) and resolve once the server accepts connections. */
export function startServer(options: AppOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: host },
      (info: AddressInfo) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              (server as Server).closeAllConnections?.();
              server.close(() => done());
            }),
        });
      },
    ) as Server;
    server.once('error', reject);
  });
}
