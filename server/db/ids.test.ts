import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('ids are UUIDv7 carrying the current time', () => {
  const before = Date.now();
  const id = newId();
  assert.match(id, UUID_V7);
  const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
  // Within a millisecond of now, or just after the last id of a burst that borrowed a millisecond.
  assert.ok(ms >= before && ms <= Date.now() + 1, `timestamp ${ms} is not now (${before})`);
});

test('ids made in one burst are unique and strictly increasing, across refills of the random pool', () => {
  // 20,000 ids: many per millisecond, and 78 refills of the 4 KiB pool (256 ids each).
  const ids = Array.from({ length: 20_000 }, () => newId());
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `id ${i} does not sort after id ${i - 1}: ${ids[i - 1]} ${ids[i]}`);
  assert.equal(new Set(ids).size, ids.length);
});

test('the random part differs from id to id', () => {
  // The last 8 bytes after the variant are random; equal tails would mean the pool was reused.
  const tails = new Set(Array.from({ length: 1000 }, () => newId().slice(-12)));
  assert.equal(tails.size, 1000);
});
