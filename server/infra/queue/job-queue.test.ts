import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { claimFor } from './claim.js';
import { JobQueue } from './job-queue.js';

/** A queue of its own on the test app's database, with a clock the test moves. */
function queueOn(t: TestApp, clock: { at: number }, workers = 0) {
  return new JobQueue(t.ctx.database, { clock: { now: () => clock.at }, workers, pollMs: 5, onError: () => {} });
}

const jobsOfType = (t: TestApp, type: string) => t.ctx.database.db.selectFrom('jobs').selectAll().where('type', '=', type).execute();

for (const kind of testDatabases()) {
  describe(`job queue (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('runs a job and deletes it; retries failures with exponential back-off', async () => {
      const clock = { at: 1_000_000 };
      const q = queueOn(t, clock);
      let calls = 0;
      q.register('test.flaky', async () => {
        calls++;
        if (calls < 3) throw new Error(`boom ${calls}`);
      }, { backoffMs: 100, maxAttempts: 5 });
      await q.enqueue(t.ctx.database.db, 'test.flaky', { x: 1 });
      assert.equal(await q.runNext(), true);
      let [job] = await jobsOfType(t, 'test.flaky');
      assert.equal(job!.state, 'queued');
      assert.equal(Number(job!.attempts), 1);
      assert.equal(Number(job!.run_at), clock.at + 100);
      assert.match(job!.last_error!, /boom 1/);
      assert.equal(await q.runNext(), false, 'not due before its back-off');
      clock.at += 100;
      assert.equal(await q.runNext(), true);
      [job] = await jobsOfType(t, 'test.flaky');
      assert.equal(Number(job!.run_at), clock.at + 200, 'the delay doubles');
      clock.at += 200;
      assert.equal(await q.drain(), 1);
      assert.equal(calls, 3);
      assert.equal((await jobsOfType(t, 'test.flaky')).length, 0);
    });

    it('marks a job dead after its last attempt', async () => {
      const clock = { at: 2_000_000 };
      const q = queueOn(t, clock);
      q.register('test.doomed', async () => {
        throw new Error('always');
      }, { backoffMs: 1, maxAttempts: 2 });
      await q.enqueue(t.ctx.database.db, 'test.doomed', {});
      await q.runNext();
      clock.at += 10;
      await q.runNext();
      clock.at += 10_000;
      assert.equal(await q.runNext(), false);
      const dead = (await q.deadJobs()).filter((j) => j.type === 'test.doomed');
      assert.equal(dead.length, 1);
      assert.equal(Number(dead[0]!.attempts), 2);
    });

    it('coalesces waiting jobs with the same key; the earlier run time wins', async () => {
      const clock = { at: 3_000_000 };
      const q = queueOn(t, clock);
      const seen: unknown[] = [];
      q.register('test.keyed', async (p) => void seen.push(p));
      const db = t.ctx.database.db;
      await q.enqueue(db, 'test.keyed', { n: 1 }, { key: 'k1', runAt: clock.at + 1000 });
      await q.enqueue(db, 'test.keyed', { n: 2 }, { key: 'k1' });
      await q.enqueue(db, 'test.keyed', { n: 3 }, { key: 'k2' });
      const rows = await jobsOfType(t, 'test.keyed');
      assert.equal(rows.length, 2);
      assert.equal(Number(rows.find((r) => r.dedupe_key === 'k1')!.run_at), clock.at);
      assert.equal(await q.drain(), 2);
      assert.deepEqual(seen, [{ n: 1 }, { n: 3 }]);
    });

    it('enqueued in a rolled-back transaction, a job never exists', async () => {
      const q = queueOn(t, { at: 4_000_000 });
      q.register('test.txn', async () => {});
      await assert.rejects(
        t.ctx.database.transaction(async ({ db }) => {
          await q.enqueue(db, 'test.txn', {});
          throw new Error('rollback');
        }),
      );
      assert.equal((await jobsOfType(t, 'test.txn')).length, 0);
    });

    it('takes over a job whose worker died once its lease expires', async () => {
      const clock = { at: 5_000_000 };
      const q = queueOn(t, clock);
      let ran = 0;
      q.register('test.lease', async () => void ran++);
      await q.enqueue(t.ctx.database.db, 'test.lease', {});
      // A worker claims it and is never heard of again.
      const claimed = await claimFor(kind)(t.ctx.database.db, { types: ['test.lease'], workerId: 'ghost', now: clock.at, leaseMs: 1000 });
      assert.equal(claimed.length, 1);
      assert.equal(await q.runNext(), false, 'leased to the ghost');
      clock.at += 1001;
      assert.equal(await q.runNext(), true);
      assert.equal(ran, 1);
    });

    it('two concurrent workers never run the same job twice (SKIP LOCKED on PostgreSQL)', async () => {
      const clock = { at: 6_000_000 };
      const ran = new Map<number, number>();
      const make = () => {
        const q = queueOn(t, clock);
        q.register<{ n: number }>('test.race', async ({ n }) => {
          ran.set(n, (ran.get(n) ?? 0) + 1);
          await sleep(2);
        });
        return q;
      };
      const [a, b] = [make(), make()];
      const N = 60;
      for (let n = 0; n < N; n++) await a.enqueue(t.ctx.database.db, 'test.race', { n });
      const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
      assert.equal(ranA + ranB, N);
      assert.equal(ran.size, N);
      assert.ok([...ran.values()].every((c) => c === 1), 'each job ran exactly once');
      if (kind === 'postgres') assert.ok(ranA > 0 && ranB > 0, `both workers took jobs (${ranA}/${ranB})`);
    });

    it('polls in the background and stops gracefully, letting the job in hand finish', async () => {
      const clock = { at: 7_000_000 };
      const q = queueOn(t, clock, 2);
      let finished = 0;
      q.register('test.slow', async () => {
        await sleep(50);
        finished++;
      });
      q.start();
      await q.enqueue(t.ctx.database.db, 'test.slow', {});
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (await jobsOfType(t, 'test.slow')).every((j) => j.state !== 'running')) await sleep(5);
      await q.stop();
      assert.equal(finished, 1, 'stop() waited for the running job');
      assert.equal((await jobsOfType(t, 'test.slow')).length, 0);
    });
  });
}

for (const kind of testDatabases()) {
  describe(`job queue batches (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { JOBS_WORKERS: '0' });
    });
    after(() => t.close());

    it('claims due jobs of a batch type together, up to the batch size, oldest first', async () => {
      const clock = { at: 8_000_000 };
      const q = queueOn(t, clock);
      const calls: number[][] = [];
      q.registerBatch<{ n: number }>('test.batch', async (ps) => void calls.push(ps.map((p) => p.n)), { batchSize: 3 });
      for (let n = 0; n < 7; n++) await q.enqueue(t.ctx.database.db, 'test.batch', { n }, { runAt: clock.at + n });
      clock.at += 100;
      assert.equal(await q.runNext(), true);
      assert.deepEqual(calls, [[0, 1, 2]], 'one claim, one call for three jobs');
      assert.equal((await jobsOfType(t, 'test.batch')).length, 4, 'the batch is deleted once handled');
      assert.equal(await q.drain(), 4, 'drain counts jobs, not batches');
      assert.deepEqual(calls, [[0, 1, 2], [3, 4, 5], [6]]);
    });

    it('when a batch fails, retries its jobs one by one: the good ones finish, the bad one backs off', async () => {
      const clock = { at: 9_000_000 };
      const q = queueOn(t, clock);
      const done: number[] = [];
      q.registerBatch<{ n: number }>(
        'test.poison',
        async (ps) => {
          if (ps.some((p) => p.n === 2)) throw new Error('bad job 2');
          done.push(...ps.map((p) => p.n));
        },
        { batchSize: 10, backoffMs: 1000 },
      );
      for (let n = 0; n < 4; n++) await q.enqueue(t.ctx.database.db, 'test.poison', { n });
      assert.equal(await q.runNext(), true);
      assert.deepEqual(done.sort(), [0, 1, 3]);
      const [left] = await jobsOfType(t, 'test.poison');
      assert.equal((await jobsOfType(t, 'test.poison')).length, 1);
      assert.equal(left!.payload, JSON.stringify({ n: 2 }));
      assert.equal(left!.state, 'queued');
      assert.equal(Number(left!.run_at), clock.at + 1000);
    });

    it('a long run of jobs leaves the event loop free between them', async () => {
      const clock = { at: 10_000_000 };
      const q = queueOn(t, clock, 1);
      let ran = 0;
      q.register('test.many', async () => void ran++);
      for (let n = 0; n < 40; n++) await q.enqueue(t.ctx.database.db, 'test.many', { n });
      let timerFiredAt = -1;
      const timer = new Promise<void>((resolve) =>
        setImmediate(() => {
          timerFiredAt = ran;
          resolve();
        }),
      );
      q.start();
      await timer;
      const deadline = Date.now() + 5000;
      while (ran < 40 && Date.now() < deadline) await sleep(5);
      await q.stop();
      assert.equal(ran, 40);
      assert.ok(timerFiredAt < 40, `a macrotask ran while jobs were still waiting (after ${timerFiredAt})`);
    });
  });
}
