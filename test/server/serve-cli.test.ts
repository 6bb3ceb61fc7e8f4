import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

test('chronicle serve listens on a free port, answers, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-serve-'));
  try {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', join(dir, 's.db')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, CHRONICLE_TOKEN: 'tok' },
      },
    );
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    assert.match(err, /writes need the bearer token/);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const write = await fetch(`${url}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    assert.equal(write.status, 401);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('chronicle serve rejects a bad port with a usage error', async () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', 'high'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--port must be a whole number/);
});

test('chronicle serve refuses an empty token (flag or environment) with a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-serve-'));
  try {
    const db = join(dir, 's.db');
    const runs = [
      { args: ['--token', ''], env: {}, message: /--token is empty/ },
      { args: [], env: { CHRONICLE_TOKEN: '' }, message: /CHRONICLE_TOKEN is set but empty/ },
    ];
    for (const r of runs) {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', db, ...r.args],
        {
          encoding: 'utf8',
          env: { ...process.env, ...r.env },
          // Before the fix the server started open and never exited.
          timeout: 20_000,
        },
      );
      assert.equal(out.status, 2, out.stderr);
      assert.match(out.stderr, r.message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** GET with an explicit Host header (fetch does not let a caller set it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Host: host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

test('chronicle serve answers --allowed-host names and refuses other hosts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-serve-'));
  const env = { ...process.env };
  delete env.CHRONICLE_TOKEN;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 's.db'),
      '--allowed-host',
      'chronicle.lan',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env },
  );
  try {
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const port = new URL(url).port;
    assert.equal(await getWithHost(`${url}/api/stories`, `127.0.0.1:${port}`), 200);
    assert.equal(await getWithHost(`${url}/api/stories`, `chronicle.lan:${port}`), 200);
    assert.equal(await getWithHost(`${url}/api/stories`, `rebound.example:${port}`), 403);
  } finally {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('chronicle serve on a store that is not a database says so and exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-serve-'));
  try {
    const db = join(dir, 'junk.db');
    writeFileSync(db, 'these words are not a database '.repeat(200));
    const out = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', db], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(out.status, 1, out.stderr);
    assert.ok(out.stderr.includes(db));
    assert.match(out.stderr, /corrupt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
