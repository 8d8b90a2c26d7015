import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NoteCard } from '../../api/types.js';
import { cardHeight, distribute } from './masonry.js';

function card(id: string, w: number, h: number): NoteCard {
  return {
    id,
    type: 'photo',
    title: id,
    excerpt: '',
    cover: { id, width: w, height: h, blurhash: '', color: '#ccc', alt: '', variants: [] },
    author: { id: 'u', handle: 'u', displayName: 'U', avatar: null },
    likeCount: 0,
    likedByMe: false,
    visibility: 'public',
    createdAt: new Date(0).toISOString(),
  };
}

test('cards go to the shortest column, in order', () => {
  const cols = distribute([card('a', 100, 300), card('b', 100, 100), card('c', 100, 100), card('d', 100, 100)], 2);
  assert.deepEqual(
    cols.map((c) => c.map((x) => x.id)),
    [['a', 'd'], ['b', 'c']],
  );
});

test('appending cards never moves earlier ones', () => {
  const first = [card('a', 3, 4), card('b', 4, 3), card('c', 1, 1)];
  const before = distribute(first, 3);
  const after = distribute([...first, card('d', 1, 2), card('e', 2, 1)], 3);
  for (const [i, col] of before.entries()) assert.deepEqual(after[i]!.slice(0, col.length), col);
});

test('extreme shapes are clamped', () => {
  assert.equal(cardHeight(card('tall', 100, 10_000)), 4 / 3 + 0.42);
  assert.equal(cardHeight(card('wide', 10_000, 100)), 3 / 4 + 0.42);
});
