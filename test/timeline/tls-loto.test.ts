import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimeline17Layout } from '../../src/eval/timeline17.js';
import { loadTasks } from '../../src/eval/tls-run.js';
import { TlsEvaluator, nestedLoto, searchParams } from '../../src/eval/tls-search.js';
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
