import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { command as pubdateCmd } from '../../src/cli/eval/pubdate.js';
import { dayMatches, scoreByHalf, statedPublication } from '../../src/eval/pubdate.js';
import { siteHalf, siteOf } from '../../src/eval/site-split.js';

test('site split: host without www, the archived host for Wayback addresses, SHA-256 first byte parity', () => {
  assert.equal(siteOf('https://www.Example.com/a/b?c=1'), 'example.com');
  assert.equal(siteOf('https://web.archive.org/web/20120216182711/http://www.example.org/x'), 'example.org');
  assert.equal(siteOf('example.net/page'), 'example.net');
  // SHA-256 of "example.com" starts with byte 163 (odd: B), of "news.example.net" with byte 2 (even: A).
  assert.equal(siteHalf('https://www.example.com/one'), siteHalf('http://example.com/two'));
  assert.equal(siteHalf('https://www.example.com/one'), 'B');
  assert.equal(siteHalf('https://news.example.net/x'), 'A');
});

test('gold of a page: article:published_time, else JSON-LD datePublished; only ISO dates from 1995', () => {
  const meta = statedPublication(
    '<html><head><meta property="article:published_time" content="2023-11-19T04:31:13+00:00"></head></html>',
  );
  assert.deepEqual({ day: meta?.day, utc: meta?.utc }, { day: '2023-11-19', utc: true });
  const ld = statedPublication(
    '<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-11-18T23:04:24-05:00"}]}</script></head></html>',
  );
  assert.deepEqual({ day: ld?.day, utc: ld?.utc }, { day: '2023-11-18', utc: false });
  assert.equal(
    statedPublication(
      '<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z"></head></html>',
    ),
    null,
  );
  assert.equal(statedPublication('<html><head><meta name="date" content="2023-11-19"></head></html>'), null);
});

test('day matching: strict is the day as written; tz also the neighbour a UTC time falls on somewhere', () => {
  const early = statedPublication(
    '<html><head><meta property="article:published_time" content="2023-11-20T04:31:13Z"></head></html>',
  )!;
  assert.equal(dayMatches('2023-11-19', early, false), false);
  assert.equal(dayMatches('2023-11-19', early, true), true); // 22:31 the day before in Chicago
  assert.equal(dayMatches('2023-11-21', early, true), false); // no zone is 20 hours ahead
  const local = statedPublication(
    '<html><head><meta property="article:published_time" content="2023-11-20T04:31:13-05:00"></head></html>',
  )!;
  assert.equal(dayMatches('2023-11-19', local, true), false);
  assert.equal(dayMatches(null, local, true), false);
});

test('scores per half and overall', () => {
  const s = scoreByHalf([
    { gold: '2023-01-01', predicted: '2023-01-01', half: 'A' },
    { gold: '2023-01-02', predicted: null, half: 'A' },
    { gold: '2023-01-03', predicted: '2023-01-03', half: 'B' },
  ]);
  assert.equal(s.A.accuracy, 0.5);
  assert.equal(s.B.accuracy, 1);
  assert.equal(s.all.pages, 3);
});

const capture = () => {
  let out = '';
  return { io: { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false }, text: () => out };
};

test('eval pubdate --text scores the text reader against the HTML, per half, and names a missing folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'chronicle-textdate-'));
  mkdirSync(join(root, 'pt', 'pages'), { recursive: true });
  mkdirSync(join(root, 'ae', 'html'), { recursive: true });
  const para =
    'The ferry crossed the bay in a gale on Tuesday and came back late in the evening with all its passengers.';
  const pages: Record<string, { url: string; text: string; stamp: string | null }> = {
    p1: {
      url: 'https://news.example.com/a',
      text: `Home\nFerry late\n19 November 2023\n${para}\n\n${para}\n`,
      stamp: '2023-11-19T09:00:00+01:00',
    },
    p2: {
      url: 'https://news.example.net/b',
      text: `Home\nFerry late\n${para}\n\n${para}\n`,
      stamp: '2023-11-20T09:00:00Z',
    },
    p3: { url: 'https://news.example.org/c', text: `Home\n${para}\n`, stamp: null },
  };
  const gt: Record<string, { url: string }> = {};
  for (const [id, p] of Object.entries(pages)) {
    gt[id] = { url: p.url };
    writeFileSync(join(root, 'pt', 'pages', `${id}.txt`), p.text);
    const meta = p.stamp ? `<meta property="article:published_time" content="${p.stamp}">` : '';
    writeFileSync(
      join(root, 'ae', 'html', `${id}.html.gz`),
      gzipSync(`<html><head>${meta}</head><body></body></html>`),
    );
  }
  writeFileSync(join(root, 'pt', 'ground-truth.json'), JSON.stringify(gt));
  const out = capture();
  const args = ['--text', join(root, 'pt'), '--html', join(root, 'ae'), '--format', 'json'];
  assert.equal(await pubdateCmd.run(args, out.io), 0);
  const r = JSON.parse(out.text());
  assert.equal(r.all.pages, 2); // p3 states no date
  assert.equal(r.unscored, 1);
  assert.equal(r.all.strict, 0.5); // p1 right, p2 has no date in its text
  assert.equal(r.A.pages + r.B.pages, 2);
  await assert.rejects(
    pubdateCmd.run(['--text', join(root, 'missing'), '--html', join(root, 'ae')], capture().io),
    /missing[/\\]ground-truth\.json: not found/,
  );
  await assert.rejects(pubdateCmd.run(['--text', join(root, 'pt')], capture().io), /needs --text/);
});
