/** Stage contracts: a disable set that starves an enabled stage is refused by name, before anything runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, checkStages, StageContractError, stages, type StageName } from '../../src/index.js';

const TEXT =
  'The Varnholt ferry service resumed on 3 May 2023, the operator said. ' +
  'Captain Ilse Marrow said on Tuesday that the crossing was calm.';
const input = () => [{ text: TEXT, publishedAt: '2023-05-04', source: 'Fjordline Post' }];

function contractError(disable: StageName[]): StageContractError {
  try {
    analyze(input(), { disable });
  } catch (e) {
    assert.ok(e instanceof StageContractError, `expected a StageContractError, got ${e}`);
    return e;
  }
  assert.fail(`disable ${disable.join(',')} was accepted`);
}

test('disabling sentences while timex runs names the stage, its missing input and the disabled writer', () => {
  const e = contractError(['sentences']);
  assert.equal(e.stage, 'timex'); // the first enabled stage that reads sentences
  assert.equal(e.missing, 'sentences');
  assert.deepEqual(e.disabledWriters, ['sentences']);
  assert.match(e.message, /stage "timex" reads sentences/);
  assert.match(e.message, /written by "sentences", disabled/);
});

test('disabling mentions while entities and quotes run is refused at entities', () => {
  const e = contractError(['mentions']);
  assert.equal(e.stage, 'entities');
  assert.equal(e.missing, 'mentions');
});

test('disabling entities while quotes run is refused at quotes', () => {
  const e = contractError(['entities']);
  assert.equal(e.stage, 'quotes');
  assert.equal(e.missing, 'entities');
});

test('the refusal comes before any stage has run', () => {
  const ran: StageName[] = [];
  assert.throws(
    () => analyze(input(), { disable: ['sentences'], onProgress: (stage) => ran.push(stage) }),
    StageContractError,
  );
  assert.equal(ran.length, 0); // clean, which is enabled and comes first, did not run either
  analyze(input(), { disable: ['timex'], onProgress: (stage) => ran.push(stage) });
  assert.ok(ran.includes('clean')); // the same probe does see stages that run
});

test('an unknown stage name is refused with the list of stages', () => {
  assert.throws(
    () => analyze(input(), { disable: ['sentence' as StageName] }),
    /unknown stage "sentence" in disable: the stages are clean, sentences, timex/,
  );
});

test('disable sets the code base uses are accepted and still give what their stages write', () => {
  for (const disable of [
    [],
    ['clean'],
    ['mentions', 'entities', 'quotes'],
    ['timex', 'mentions', 'entities', 'quotes'],
    ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'],
  ] as StageName[][])
    assert.doesNotThrow(() => checkStages(disable), disable.join(','));
  const a = analyze(input(), { disable: ['mentions', 'entities', 'quotes'] }).articles[0];
  assert.ok(a.sentences.length >= 2);
  assert.ok(a.sentences.some((s) => s.timexes.length > 0));
});

test('every stage declares what it reads and writes, and everything read is written by someone', () => {
  const written = new Set<string>(['text', ...stages.flatMap((s) => s.writes)]);
  for (const s of stages) {
    assert.ok(s.writes.length > 0, `${s.name} writes nothing`);
    for (const r of s.reads) assert.ok(written.has(r), `${s.name} reads ${r}, which nothing writes`);
  }
});
