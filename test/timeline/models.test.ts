import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultModelsPath, formatModels, parseModels, shippedModels } from '../../src/timeline/models.js';
import { DATE_FEATURES, SENTENCE_FEATURES } from '../../src/timeline/features.js';
import { DEFAULT_PARAMS } from '../../src/timeline/params.js';

test('the shipped models file parses, matches the method, and its format is stable', () => {
  const text = readFileSync(defaultModelsPath(), 'utf8');
  const m = shippedModels();
  assert.deepEqual(m.date.features, [...DATE_FEATURES]);
  assert.deepEqual(m.sentence.features, [...SENTENCE_FEATURES]);
  assert.equal(formatModels(parseModels(text)), text, 'written by formatModels');
});

test('a models file that does not fit the method is a clear error naming the file', () => {
  const good = JSON.parse(readFileSync(defaultModelsPath(), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const bad = (edit: (o: typeof good) => void) => {
    const o = JSON.parse(JSON.stringify(good)) as typeof good;
    edit(o);
    return JSON.stringify(o);
  };
  assert.throws(() => parseModels('{', 'm.json'), /m\.json: not JSON/);
  assert.throws(
    () =>
      parseModels(
        bad((o) => ((o as Record<string, unknown>).format = 2)),
        'm.json',
      ),
    /m\.json: unknown format 2/,
  );
  assert.throws(
    () =>
      parseModels(
        bad((o) => (o.date!.features = ['other'])),
        'm.json',
      ),
    /m\.json: date model: features differ .*retrain with scripts\/train-tls\.ts/,
  );
  assert.throws(
    () =>
      parseModels(
        bad((o) => (o.sentence!.weights = [1])),
        'm.json',
      ),
    /sentence model: "weights" must be/,
  );
  assert.throws(
    () =>
      parseModels(
        bad((o) => (o.date!.scale = (o.date!.scale as number[]).map(() => 0))),
        'm.json',
      ),
    /"scale" must be positive/,
  );
});

test('the shipped models were trained with the shipped parameters (scripts/train-tls.ts writes both)', () => {
  assert.deepEqual(shippedModels().meta?.params, { ...DEFAULT_PARAMS });
});
