import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimeline17Layout } from '../../src/eval/timeline17.js';
import { loadTasks } from '../../src/eval/tls-run.js';
import { TlsEvaluator, lotoFold, nestedLoto, searchParams } from '../../src/eval/tls-search.js';
import type { TilseTimeline } from '../../src/eval/tilse.js';
import { garbleReference, writeT17Fixture } from './t17-fixture.js';

/** One fold's choice: the searched parameters and the models trained on the training topics. */
function fold(root: string, held: string) {
  const { topics } = readTimeline17Layout(root);
  const tasks = loadTasks(root, topics);
  const ev = new TlsEvaluator(tasks, 'round');
  const train = [...new Set(tasks.map((t) => t.topic))].filter((t) => t !== held);
  const { params, score } = searchParams(ev, train);
  return { params, score, models: ev.modelsFor(train, params), tasks: tasks.length };
}

test("a fold's search and training never read the held-out topic's reference", () => {
  const root = writeT17Fixture();
  const clean = fold(root, 'fire');
  assert.equal(clean.tasks, 3);
  assert.ok(clean.score > 0, 'the fixture gives the search something to measure');
  garbleReference(root, 'fire');
  const garbled = fold(root, 'fire');
  assert.deepEqual(garbled.params, clean.params);
  assert.deepEqual(garbled.models, clean.models);
  assert.equal(garbled.score, clean.score);
});

test('the same check can fail: garbling a training topic changes what the fold learns', () => {
  const root = writeT17Fixture();
  const clean = fold(root, 'fire');
  garbleReference(root, 'flood');
  const garbled = fold(root, 'fire');
  assert.notDeepEqual(
    { score: garbled.score, models: garbled.models },
    { score: clean.score, models: clean.models },
  );
});

test('nested leave-one-topic-out: one fold per topic, each held-out task scored once', () => {
  const root = writeT17Fixture();
  const { topics } = readTimeline17Layout(root);
  const ev = new TlsEvaluator(loadTasks(root, topics), 'round');
  const folds = nestedLoto(ev);
  assert.deepEqual(
    folds.map((f) => [f.topic, f.tasks.map((t) => t.task.topic)]),
    [
      ['fire', ['fire']],
      ['flood', ['flood']],
      ['strike', ['strike']],
    ],
  );
  // the fold of `fire` chose what the fire-blind search above chooses
  assert.deepEqual(folds[0]!.params, fold(root, 'fire').params);
  for (const f of folds) assert.ok(f.tasks[0]!.scores.date.f >= 0 && f.tasks[0]!.scores.date.f <= 1);
});

/** A reference timeline that throws on any use (read, size, iteration): a fold that touches it fails. */
function forbidden(topic: string): TilseTimeline {
  return new Proxy(new Map() as TilseTimeline, {
    get(_target, key) {
      throw new Error(`the reference of held-out topic ${topic} was read (${String(key)})`);
    },
  });
}

test("a fold runs with the held-out topic's references made to throw, and chooses what it chose before", () => {
  const root = writeT17Fixture();
  const { topics } = readTimeline17Layout(root);
  const tasks = loadTasks(root, topics);
  const clean = lotoFold(new TlsEvaluator(tasks, 'round'), 'strike');
  // the protocol gives each task its span, number of dates and k when it is loaded (before any fold): after
  // that, the held-out topic's reference is off limits to the search and the training
  const guarded = loadTasks(root, topics).map((t) =>
    t.topic === 'strike' ? { ...t, task: { ...t.task, reference: forbidden('strike') } } : t,
  );
  const fold = lotoFold(new TlsEvaluator(guarded, 'round'), 'strike');
  assert.deepEqual(fold.train, ['fire', 'flood']);
  assert.deepEqual(fold.params, clean.params);
  assert.deepEqual(fold.models, clean.models);
  // and the guard does catch a read: scoring the held-out task is the one step that may read it
  const ev = new TlsEvaluator(guarded, 'round');
  const held = guarded.find((t) => t.topic === 'strike')!;
  assert.throws(() => ev.score(held, fold.params, fold.train), /held-out topic strike was read/);
});
