import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowed, parseRobots, RobotsPolicy } from '../../src/fetch/robots.js';
import { startServer } from './server.js';

test('the group naming our agent wins over *', () => {
  const r = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: chronicle\nDisallow: /private/\n');
  assert.equal(isAllowed(r, 'Chronicle', '/news/a'), true);
  assert.equal(isAllowed(r, 'Chronicle', '/private/x'), false);
  assert.equal(isAllowed(r, 'OtherBot', '/news/a'), false);
});

test('longest match wins, allow wins a tie, wildcards and $ work', () => {
  const r = parseRobots(
    'User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /*.pdf$\n# comment\nDisallow:\n',
  );
  assert.equal(isAllowed(r, 'Chronicle', '/news/x'), false);
  assert.equal(isAllowed(r, 'Chronicle', '/news/public/x'), true);
  assert.equal(isAllowed(r, 'Chronicle', '/files/report.pdf'), false);
  assert.equal(isAllowed(r, 'Chronicle', '/files/report.pdf?x=1'), true);
  assert.equal(isAllowed(parseRobots(''), 'Chronicle', '/anything'), true);
});

let srv: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  srv = await startServer({
    '/robots.txt': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /members/\n');
    },
  });
});
after(() => srv.close());

test('RobotsPolicy fetches robots.txt once per origin and applies it', async () => {
  const p = new RobotsPolicy({ allowPrivate: true });
  assert.equal(await p.allowed(`${srv.base}/news/1`), true);
  assert.equal(await p.allowed(`${srv.base}/members/2`), false);
  assert.equal(srv.hits['/robots.txt'], 1);
});

test('a missing robots.txt (404) allows all; an unreachable one disallows', async () => {
  const missing = await startServer({});
  try {
    assert.equal(await new RobotsPolicy({ allowPrivate: true }).allowed(`${missing.base}/x`), true);
  } finally {
    await missing.close();
  }
  // Refused by the address policy (loopback without allowPrivate): treated as unreachable.
  assert.equal(await new RobotsPolicy({}).allowed(`${srv.base}/news/1`), false);
});
