import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captionRule } from '../../src/clean/rules/caption.js';
import { clean } from './helpers.js';

test('caption: caption lines and credits are removed', () => {
  const raw = [
    'Body one.',
    'Boats wait at the quay on Tuesday. (Photo: Ann Vik/Coast Post)',
    'Image caption: Nets dry on the pier. Getty Images',
    'Photograph: Ola Berg/Reuters',
    'Getty Images',
    'AP Photo/Rui Costa',
    'Body two.',
  ].join('\n');
  const a = clean(raw, [captionRule]);
  assert.equal(a.text, 'Body one.\nBody two.');
  assert.equal(a.removed.length, 5);
  assert.ok(a.removed.every((r) => r.rule === 'caption'));
});

test('caption: sentences that mention photos or agencies stay', () => {
  const raw =
    'A photographer for Reuters was hurt.\nPhotos of the slick were shared widely (some were fake).';
  assert.equal(clean(raw, [captionRule]).text, raw);
});

test('caption: a credit glued to the start of a text line is cut off, the text kept', () => {
  const raw =
    'Photograph : Ana Ruiz\\/Reuters\\/Getty images Officials in the capital said on Monday that the port would reopen .';
  const a = clean(raw, [captionRule], { linesAreSentences: true });
  assert.equal(a.text, 'Officials in the capital said on Monday that the port would reopen .');
  assert.equal(a.removed[0].text, 'Photograph : Ana Ruiz\\/Reuters\\/Getty images');
});

test('caption: the caption line right above a credit line goes with it; a paragraph above a blank line stays', () => {
  const raw = [
    'Dam spillway damaged as river rises',
    'Water pours over the lower spillway on Sunday evening.',
    'Photo: Lina Marsh / Brisvale Courier',
    'Engineers found cracks in the spillway on Sunday after heavy rain.',
    '',
    'Photograph: Ola Berg/Reuters',
    'The board met on Monday.',
  ].join('\n');
  const a = clean(raw, [captionRule]);
  assert.equal(
    a.text,
    'Dam spillway damaged as river rises\nEngineers found cracks in the spillway on Sunday after heavy rain.\n\nThe board met on Monday.',
  );
  // One sentence per line: every line touches the next, so the line above a credit is not taken.
  const t17 = clean('The dam held .\nPicture : Ola Berg\nCrews worked all night .', [captionRule], {
    linesAreSentences: true,
  });
  assert.equal(t17.text, 'The dam held .\nCrews worked all night .');
});
