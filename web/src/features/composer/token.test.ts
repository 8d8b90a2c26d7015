import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySuggestion, tokenAt } from './token.js';

test('finds a hashtag being typed, in any script', () => {
  assert.deepEqual(tokenAt('去 #旅行', 5), { kind: 'hashtag', query: '旅行', start: 2, end: 5 });
  assert.deepEqual(tokenAt('hello #', 7), { kind: 'hashtag', query: '', start: 6, end: 7 });
});

test('finds a mention, but not an email address', () => {
  assert.deepEqual(tokenAt('hi @ali', 7), { kind: 'mention', query: 'ali', start: 3, end: 7 });
  assert.equal(tokenAt('mail me@example', 15), null);
});

test('nothing when the caret is after a space', () => {
  assert.equal(tokenAt('#tag ', 5), null);
  assert.equal(tokenAt('plain words', 11), null);
});

test('applying a suggestion replaces the token and moves the caret after it', () => {
  const token = tokenAt('go #tra now', 7)!;
  assert.deepEqual(applySuggestion('go #tra now', token, 'travel'), { text: 'go #travel  now', caret: 11 });
});
