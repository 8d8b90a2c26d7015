import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementCache } from './statement-cache.js';

/** A cache over a fake "prepare" that counts how often each text was prepared. */
function counting(capacity?: number) {
  const prepared = new Map<string, number>();
  const cache = new StatementCache((sql) => {
    prepared.set(sql, (prepared.get(sql) ?? 0) + 1);
    return { sql };
  }, capacity);
  return { cache, prepared };
}

/** The same text built piece by piece, as Kysely's compiler builds it: a new string each time. */
const built = (...parts: string[]) => parts.reduce((a, b) => a + b, '');

describe('StatementCache', () => {
  it('prepares a text once, however often and however freshly built it arrives', () => {
    const { cache, prepared } = counting();
    const first = cache.get(built('select * from ', 'notes where id = ?'));
    for (let i = 0; i < 5; i++) assert.equal(cache.get(built('select * from notes ', 'where id = ?')), first);
    assert.equal(prepared.get('select * from notes where id = ?'), 1);
  });

  it('keeps texts of the same length apart', () => {
    const { cache, prepared } = counting();
    const a = cache.get('select a from t');
    const b = cache.get('select b from t');
    assert.notEqual(a, b);
    assert.equal(cache.get(built('select b', ' from t')), b);
    assert.equal(cache.get(built('select a', ' from t')), a);
    assert.equal(prepared.size, 2);
    assert.equal(cache.size, 2);
  });

  it('when full, drops the half used least recently and keeps the rest prepared', () => {
    const { cache, prepared } = counting(4);
    for (const sql of ['q1', 'q2', 'q3', 'q4']) cache.get(sql);
    cache.get('q1');
    cache.get('q3'); // q1 and q3 are now the most recently used
    cache.get('q5'); // full: q2 and q4 go
    assert.equal(cache.size, 3);
    for (const sql of ['q1', 'q3', 'q5']) cache.get(sql);
    assert.deepEqual(
      ['q1', 'q2', 'q3', 'q4', 'q5'].map((sql) => prepared.get(sql)),
      [1, 1, 1, 1, 1],
      'nothing kept was prepared again',
    );
    cache.get('q2');
    assert.equal(prepared.get('q2'), 2, 'a dropped text is prepared again on its next use');
  });
});
