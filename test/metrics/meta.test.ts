import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { metaGold, outletRight, siteHalves, titleRight, type MetaPage } from '../../src/eval/meta.js';
import { runMetaEval } from '../../src/cli/eval/meta.js';

const HTML = `<!doctype html><html><head>
<meta property="og:title" content="Kelvik quay to open in the spring - Kelvik Courier">
<meta property="og:site_name" content="Kelvik Courier">
<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Kelvik Media Group"},"datePublished":"2024-05-01"}]}</script>
</head><body><h1>Kelvik quay to open in the spring</h1><p>The harbour board said on Monday that the quay would open.</p></body></html>`;

test('metaGold: og:title, site name, JSON-LD publisher, domain and the stated day', () => {
  const g = metaGold(gzipSync(HTML), 'https://www.kelvikcourier.example/2024/05/quay');
  assert.equal(g.title, 'Kelvik quay to open in the spring - Kelvik Courier');
  assert.deepEqual(g.outlets, ['Kelvik Courier', 'Kelvik Media Group', 'kelvikcourier.example']);
  assert.equal(g.day, '2024-05-02');
});

test('matching: title by word-set Jaccard >= 0.5, outlet by outlet key', () => {
  assert.ok(
    titleRight('Kelvik quay to open in the spring', 'Kelvik quay to open in the spring - Kelvik Courier'),
  );
  assert.ok(!titleRight('Storm warning for the north coast', 'Kelvik quay to open in the spring'));
  assert.ok(outletRight('The Kelvik Courier', ['Kelvik Courier']));
  assert.ok(outletRight('Kelvik Media Group LLC', ['Kelvik Media Group']));
  assert.ok(!outletRight('Coastline Daily', ['Kelvik Courier', 'kelvikcourier.example']));
  assert.ok(!outletRight(null, ['Kelvik Courier']));
});

test('siteHalves: every site on one side only, both sides used', () => {
  const pages = ['a.example', 'b.example', 'c.example', 'a.example'].map(
    (site, i) => ({ id: String(i), url: '', site, textFile: '', htmlFile: '' }) as MetaPage,
  );
  const halves = siteHalves(pages);
  assert.equal(halves.size, 3);
  assert.deepEqual(new Set(halves.values()), new Set(['A', 'B']));
});

test('runMetaEval: pasted text scored against the HTML gold, beside the HTML path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-meta-'));
  try {
    mkdirSync(join(dir, 'text', 'pages'), { recursive: true });
    mkdirSync(join(dir, 'html', 'html'), { recursive: true });
    writeFileSync(
      join(dir, 'text', 'ground-truth.json'),
      JSON.stringify({ p1: { url: 'https://www.kelvikcourier.example/q' } }),
    );
    writeFileSync(
      join(dir, 'text', 'pages', 'p1.txt'),
      [
        'Sign in',
        'Subscribe',
        'News',
        'Sport',
        'Kelvik quay to open in the spring',
        'By Ida Faring | Kelvik Courier',
        'May 2, 2024',
        '',
        'The harbour board said on Monday that the new quay would open to ships in the spring, two years late.',
        'Crews finished the foundations in March after a winter of storms, the board said in a statement.',
        '',
        '© 2024 Kelvik Courier. All rights reserved.',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'html', 'html', 'p1.html.gz'),
      gzipSync(
        HTML.replace(
          '</body>',
          `<p>${'The board said the quay would take ships of every size once it opened. '.repeat(12)}</p></body>`,
        ),
      ),
    );
    const r = runMetaEval(join(dir, 'text'), join(dir, 'html'));
    assert.equal(r.all.text.pages, 1);
    assert.equal(r.all.text.title, 1);
    assert.equal(r.all.text.outlet, 1);
    assert.equal(r.all.text.day, 1);
    assert.equal(r.all.html.title, 1);
    assert.equal(r.pages[0].text.outlet, 'Kelvik Courier');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
