import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, createGzip } from 'node:zlib';
import { FetchError, USER_AGENT, safeFetch } from '../../src/fetch/fetch.js';
import { forbiddenAddressReason } from '../../src/fetch/address.js';
import { startServer } from './server.js';

let srv: Awaited<ReturnType<typeof startServer>>;
const timers: NodeJS.Timeout[] = [];
const PAGE = '<html><body><p>Hello from the test server.</p></body></html>';

before(async () => {
  srv = await startServer({
    '/page': (req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'x-ua': String(req.headers['user-agent']),
      });
      res.end(PAGE);
    },
    '/gz': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(PAGE));
    },
    '/redirect': (_req, res) => {
      res.writeHead(302, { location: '/page' });
      res.end();
    },
    '/loop': (_req, res) => {
      res.writeHead(301, { location: '/loop' });
      res.end();
    },
    '/to-private': (_req, res) => {
      res.writeHead(302, { location: 'http://10.20.30.40/secret' });
      res.end();
    },
    '/to-metadata': (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    },
    '/to-file': (_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    },
    '/bomb': (_req, res) => {
      // ~50 MB of zeros, gzipped on the fly to a small stream.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      const gz = createGzip();
      gz.pipe(res);
      let left = 50;
      const zeros = Buffer.alloc(1024 * 1024);
      const step = () => {
        if (res.destroyed) return gz.destroy();
        if (left-- <= 0) return gz.end();
        if (gz.write(zeros)) setImmediate(step);
        else gz.once('drain', step);
      };
      step();
    },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 50);
      timers.push(t);
    },
    '/silent': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
    },
    '/image': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(10));
    },
    '/gone': (_req, res) => {
      res.writeHead(410, { 'content-type': 'text/plain' });
      res.end('gone');
    },
  });
});
after(async () => {
  timers.forEach(clearInterval);
  await srv.close();
});

const ok = { allowPrivate: true };
const rejectsWith = async (p: Promise<unknown>, re: RegExp) =>
  assert.rejects(p, (e: unknown) => e instanceof FetchError && re.test(e.message));

test('fetches a page with a clear User-Agent', async () => {
  const r = await safeFetch(`${srv.base}/page`, ok);
  assert.equal(r.status, 200);
  assert.equal(r.body.toString(), PAGE);
  assert.equal(r.headers['x-ua'], USER_AGENT);
});

test('loopback is refused without allowPrivate, and nothing is sent', async () => {
  const before = srv.hits['/page'] ?? 0;
  await rejectsWith(safeFetch(`${srv.base}/page`), /refused: .*loopback/);
  await rejectsWith(
    safeFetch(`http://localhost:1/page`, { resolve: async () => [{ address: '127.0.0.1', family: 4 }] }),
    /loopback/,
  );
  assert.equal(srv.hits['/page'] ?? 0, before);
});

test('a host with any private address among its DNS answers is refused', async () => {
  const resolve = async () => [
    { address: '93.184.216.34', family: 4 },
    { address: '192.168.0.10', family: 4 },
  ];
  await rejectsWith(safeFetch('http://mixed.test/', { resolve }), /192\.168\.0\.10/);
});

test('only http and https', async () => {
  await rejectsWith(safeFetch('file:///etc/passwd'), /only http and https/);
  await rejectsWith(safeFetch('ftp://example.test/x'), /only http and https/);
  await rejectsWith(safeFetch('not a url'), /not a valid URL/);
});

test('redirects are followed and re-checked', async () => {
  const r = await safeFetch(`${srv.base}/redirect`, ok);
  assert.equal(r.url, `${srv.base}/page`);
  // Only the test server itself is allowed: a redirect to a private address is refused.
  const addressPolicy = (ip: string) => (ip === '127.0.0.1' ? null : forbiddenAddressReason(ip));
  await rejectsWith(safeFetch(`${srv.base}/to-private`, { addressPolicy }), /10\.20\.30\.40 \(private\)/);
  await rejectsWith(safeFetch(`${srv.base}/to-metadata`, ok), /cloud metadata/);
  await rejectsWith(safeFetch(`${srv.base}/to-file`, ok), /only http and https/);
  await rejectsWith(safeFetch(`${srv.base}/loop`, ok), /too many redirects/);
});

test('gzip content-encoding is decoded', async () => {
  const r = await safeFetch(`${srv.base}/gz`, ok);
  assert.equal(r.body.toString(), PAGE);
});

test('an endless body stops at the size limit', async () => {
  await rejectsWith(
    safeFetch(`${srv.base}/endless`, { ...ok, maxBytes: 1024 * 1024 }),
    /over the 1048576-byte limit/,
  );
});

test('a gzip bomb stops at the decompressed size limit', async () => {
  await rejectsWith(
    safeFetch(`${srv.base}/bomb`, { ...ok, maxBytes: 2 * 1024 * 1024 }),
    /over the 2097152-byte limit \(decompressed\)/,
  );
});

test('a drip-feeding server hits the total time limit', async () => {
  await rejectsWith(
    safeFetch(`${srv.base}/drip`, { ...ok, timeoutMs: 400, idleTimeoutMs: 5000 }),
    /timed out/,
  );
});

test('a server that stops sending hits the idle limit', async () => {
  await rejectsWith(
    safeFetch(`${srv.base}/silent`, { ...ok, idleTimeoutMs: 200 }),
    /no data from the server/,
  );
});

test('content types outside the allowed list are refused; HTTP errors carry the status', async () => {
  await rejectsWith(safeFetch(`${srv.base}/image`, ok), /refused content type "image\/png"/);
  await assert.rejects(
    safeFetch(`${srv.base}/gone`, ok),
    (e: unknown) => e instanceof FetchError && e.status === 410,
  );
});

test('the connection goes to the vetted address: a name that only our resolver knows is reached', async () => {
  let calls = 0;
  const resolve = async () => {
    calls++;
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const port = new URL(srv.base).port;
  const r = await safeFetch(`http://rebind.invalid:${port}/redirect`, { ...ok, resolve });
  assert.equal(r.body.toString(), PAGE);
  assert.equal(calls, 2); // resolved once per hop, never again behind our back
});
