import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeHtml,
  maybeGunzip,
} from '../../src/extract/charset.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

test('BOM wins over everything', () => {
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('<meta charset="iso-8859-1"><p>café</p>', 'utf8'),
  ]);
  const d = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
  assert.equal(d.source, 'bom');
  assert.match(d.text, /café/);
});

test('HTTP header charset is used', () => {
  const d = decodeHtml(latin1('<p>Zürich</p>'), 'text/html; charset=ISO-8859-1');
  assert.equal(d.source, 'header');
  assert.equal(d.charset, 'windows-1252');
  assert.match(d.text, /Zürich/);
});

test('meta charset and http-equiv are read', () => {
  assert.equal(charsetFromMeta(latin1('<head><meta charset="windows-1252"></head>')), 'windows-1252');
  assert.equal(
    charsetFromMeta(latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">')),
    'iso-8859-15',
  );
  assert.equal(charsetFromContentType('text/html'), null);
});

test('windows-1252 specific characters (curly quotes) decode correctly', () => {
  const bytes = Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x48, 0x69, 0x94, 0x3c, 0x2f, 0x70, 0x3e]); // <p>“Hi”</p>
  const d = decodeHtml(bytes);
  assert.equal(d.source, 'guess');
  assert.equal(d.text, '<p>“Hi”</p>');
});

test('undeclared UTF-8 is detected', () => {
  const d = decodeHtml(Buffer.from('<p>naïve façade</p>', 'utf8'));
  assert.equal(d.charset, 'utf-8');
  assert.match(d.text, /naïve façade/);
});

test('wrong declaration: utf-8 declared but bytes are latin-1 → decoded as windows-1252 with a warning', () => {
  const d = decodeHtml(latin1('<meta charset="utf-8"><p>Málaga</p>'));
  assert.equal(d.charset, 'windows-1252');
  assert.match(d.text, /Málaga/);
  assert.ok(d.warning);
});

test('wrong declaration: latin-1 declared but bytes are UTF-8 → decoded as utf-8', () => {
  const d = decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>Kraków</p>', 'utf8'));
  assert.equal(d.charset, 'utf-8');
  assert.match(d.text, /Kraków/);
});

test('maybeGunzip inflates gzip and passes plain bytes through', () => {
  const plain = Buffer.from('<p>x</p>');
  assert.deepEqual(Buffer.from(maybeGunzip(gzipSync(plain))), plain);
  assert.equal(maybeGunzip(plain), plain);
  assert.throws(() => maybeGunzip(gzipSync(Buffer.alloc(100_000)), 1000));
});
