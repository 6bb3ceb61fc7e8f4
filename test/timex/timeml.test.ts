import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeML, writeTimeML } from '../../src/eval/timeml.js';
import { InputError } from '../../src/model.js';

const DOC = `<?xml version="1.0" ?>
<TimeML>
<DOCID>demo-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-03-07" temporalFunction="false" functionInDocument="CREATION_TIME">March 7, 2011</TIMEX3></DCT>
<TEXT>
The ferry company, Smith &amp; Sons, <EVENT eid="e1" class="OCCURRENCE">cancelled</EVENT> sailings <TIMEX3 tid="t1" type="DATE" value="2011-03-06">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
`;

test('reads the DCT, the raw text with entities decoded, and gold offsets into it', () => {
  const d = parseTimeML(DOC, 'demo.tml');
  assert.equal(d.dct, '2011-03-07');
  assert.equal(d.docId, 'demo-1');
  assert.ok(d.text.includes('Smith & Sons, cancelled sailings yesterday'));
  assert.equal(d.timexes.length, 2);
  for (const t of d.timexes) assert.equal(d.text.slice(t.start, t.end), t.text);
  assert.deepEqual(
    d.timexes.map((t) => [t.text, t.type, t.value]),
    [
      ['yesterday', 'DATE', '2011-03-06'],
      ['two days', 'DURATION', 'P2D'],
    ],
  );
});

test('malformed files raise an InputError naming the file and line', () => {
  const bad = DOC.replace('</EVENT>', '</TIMEX3>');
  assert.throws(
    () => parseTimeML(bad, 'bad.tml'),
    (e: unknown) => e instanceof InputError && /bad\.tml:\d+/.test(e.message),
  );
  assert.throws(() => parseTimeML('<TimeML></TimeML>', 'empty.tml'), /empty\.tml.*TEXT/);
});

test('a missing DCT is reported as null', () => {
  const d = parseTimeML(DOC.replace(/<DCT>.*<\/DCT>/, ''), 'nodct.tml');
  assert.equal(d.dct, null);
});

test('the writer produces well-formed TimeML whose tags wrap exactly the text they claim', () => {
  const text = 'Fish & chips <sold> out on Monday, said "Al".';
  const i = text.indexOf('Monday');
  const xml = writeTimeML({
    docId: 'x',
    dctValue: '2011-03-07',
    text,
    timexes: [
      { start: i, end: i + 6, type: 'DATE', value: '2011-03-07' },
      { start: 0, end: 4, type: 'DATE', value: 'A"B' },
    ],
  });
  const back = parseTimeML(xml, 'out.tml');
  assert.equal(back.text, text);
  assert.equal(back.dct, '2011-03-07');
  assert.deepEqual(
    back.timexes.map((t) => [t.text, t.value]),
    [
      ['Fish', 'A"B'],
      ['Monday', '2011-03-07'],
    ],
  );
  for (const t of back.timexes) assert.equal(text.slice(t.start, t.end), t.text);
});
