import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Refreshing } from './refreshing.js';

/** A load whose calls the test resolves or rejects one by one. */
function controlledLoad() {
  const calls: Array<{ resolve: (v: number) => void; reject: (e: Error) => void }> = [];
  const load = () => new Promise<number>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, load };
}
const tick = () => new Promise((r) => setImmediate(r));

/** A Refreshing that has loaded 1 at time 0, and its load's calls (the first one done). */
async function loadedOne() {
  const { calls, load } = controlledLoad();
  const r = new Refreshing(load);
  const first = r.get(0, 100);
  calls[0]!.resolve(1);
  await first;
  return { calls, r };
}

describe('Refreshing', () => {
  it('loads once for concurrent first readers, then serves the value until the TTL', async () => {
    const { calls, load } = controlledLoad();
    const r = new Refreshing(load);
    const a = r.get(0, 100);
    const b = r.get(10, 100);
    assert.equal(calls.length, 1);
    calls[0]!.resolve(1);
    assert.deepEqual(await Promise.all([a, b]), [1, 1]);
    assert.equal(await r.get(100, 100), 1);
    assert.equal(calls.length, 1);
  });

  it('after the TTL answers stale while one background load runs, then the fresh value', async () => {
    const { calls, r } = await loadedOne();
    assert.equal(await r.get(101, 100), 1, 'stale, not waiting');
    assert.equal(await r.get(102, 100), 1);
    assert.equal(calls.length, 2, 'one refresh for both readers');
    calls[1]!.resolve(2);
    await tick();
    assert.equal(await r.get(103, 100), 2);
  });

  it('keeps the old value when a refresh fails and tries again on the next reader', async () => {
    const { calls, r } = await loadedOne();
    assert.equal(await r.get(200, 100), 1);
    calls[1]!.reject(new Error('database away'));
    await tick();
    assert.equal(await r.get(201, 100), 1);
    assert.equal(calls.length, 3);
  });

  it('drop: the next reader waits for a fresh value, and a refresh begun before it is not installed', async () => {
    const { calls, r } = await loadedOne();
    r.get(200, 100); // a refresh starts (calls[1])
    r.drop();
    const next = r.get(201, 100); // waits for calls[2]
    calls[1]!.resolve(99);
    calls[2]!.resolve(3);
    assert.equal(await next, 3);
    await tick();
    assert.equal(await r.get(202, 100), 3, 'the refresh from before the drop was discarded');
  });

  it('a failed first load is not kept: the next reader loads again', async () => {
    const { calls, load } = controlledLoad();
    const r = new Refreshing(load);
    const first = r.get(0, 100);
    calls[0]!.reject(new Error('database away'));
    await assert.rejects(first);
    await tick();
    const again = r.get(1, 100);
    calls[1]!.resolve(5);
    assert.equal(await again, 5);
  });
});
