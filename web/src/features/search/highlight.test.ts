import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segments } from './highlight.js';

test('marks the given ranges and keeps all text in order', () => {
  assert.deepEqual(segments('重庆火锅真好吃', [{ start: 2, end: 4 }]), [
    { text: '重庆', marked: false },
    { text: '火锅', marked: true },
    { text: '真好吃', marked: false },
  ]);
  assert.deepEqual(segments('hot pot', []), [{ text: 'hot pot', marked: false }]);
});

test('survives bad ranges: overlapping, reversed, out of bounds', () => {
  const text = 'Best hot pot';
  const out = segments(text, [
    { start: 5, end: 8 },
    { start: 6, end: 12 },
    { start: 9, end: 3 },
    { start: -4, end: 0 },
    { start: 50, end: 60 },
  ]);
  assert.equal(out.map((s) => s.text).join(''), text);
  assert.deepEqual(
    out.filter((s) => s.marked).map((s) => s.text),
    ['hot', ' pot'],
  );
});

test('markup in text stays text', () => {
  const text = '<img src=x onerror=alert(1)> 火锅';
  assert.equal(
    segments(text, [{ start: 29, end: 31 }])
      .map((s) => s.text)
      .join(''),
    text,
  );
});
