import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesBalanced } from '../../src/timeline/collect.js';

test('a sentence that holds a piece of a longer quotation is not summary material', () => {
  assert.equal(quotesBalanced('"The quay will reopen in May," the harbour master said.'), true);
  assert.equal(quotesBalanced('“The quay will reopen in May,” the harbour master said.'), true);
  assert.equal(quotesBalanced('The harbour master said the quay would reopen in May.'), true);
  assert.equal(quotesBalanced('I want to know how it happened," Brandt told reporters.'), false);
  assert.equal(quotesBalanced('“A crossing like this cannot be left to chance.'), false);
  assert.equal(quotesBalanced('It happened again.” she said.'), false);
  assert.equal(quotesBalanced("`` We will rebuild , '' the mayor said ."), true);
  assert.equal(quotesBalanced("We will rebuild , '' the mayor said ."), false);
});
