import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { UserHitPage } from '../../../contract/search.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { SEARCH_JOBS, searchIndexer } from './search.jobs.js';

const jobsOf = (t: TestApp, type: string) => t.ctx.database.db.selectFrom('jobs').selectAll().where('type', '=', type).execute();
const indexed = async (t: TestApp, kind: 'note' | 'user', ids: string[]) =>
  (await t.ctx.database.db.selectFrom('search_documents').select('ref_id').where('kind', '=', kind).where('ref_id', 'in', ids).execute()).map(
    (r) => r.ref_id,
  );

for (const kind of testDatabases()) {
  describe(`search jobs (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      // No background loops: each test runs the queue by hand to see what one run does.
      t = await startTestApp(kind, { JOBS_WORKERS: '0' });
    });
    after(() => t.close());

    it('indexes waiting note jobs as one batch, a note posted twice once', async () => {
      const amy = await signUpUser(t);
      const notes: Array<{ id: string }> = [];
      for (let i = 0; i < 5; i++) notes.push(await createTextNote(amy, { title: `batch note ${i} 火锅`, body: 'indexed together' }));
      await t.ctx.events.settle();
      // The same note announced again while its job waits coalesces into that job.
      await t.ctx.queue.enqueue(t.ctx.database.db, SEARCH_JOBS.note, { noteId: notes[0]!.id }, { key: `search:note:${notes[0]!.id}` });
      const waiting = (await jobsOf(t, SEARCH_JOBS.note)).filter((j) => notes.some((n) => j.payload.includes(n.id)));
      assert.equal(waiting.length, 5);
      // Anything else due (the sweep, people) may run first; the notes must go from none to all in one run.
      const noteIds = notes.map((n) => n.id);
      let done = 0;
      for (let run = 0; run < 50 && (await jobsOf(t, SEARCH_JOBS.note)).length > 0; run++) {
        assert.equal(await t.ctx.queue.runNext(), true);
        const now = (await indexed(t, 'note', noteIds)).length;
        assert.ok(now === done || now === notes.length, `the notes were indexed in one batch, not ${now - done} of them`);
        done = now;
      }
      assert.equal(done, notes.length);
      assert.equal((await jobsOf(t, SEARCH_JOBS.note)).length, 0);
    });

    it('sweeps people in bounded batches, resuming exactly where the last batch stopped', async () => {
      const people = await signUpUsers(t, 7);
      const ids = people.map((p) => p.userId);
      const db = t.ctx.database.db;
      // All changed in the same millisecond, far in the future: a watermark alone could not split them.
      const at = t.ctx.clock.now() + 10_000_000;
      await db.updateTable('users').set({ updated_at: at }).where('id', 'in', ids).execute();
      await db.deleteFrom('search_documents').where('kind', '=', 'user').where('ref_id', 'in', ids).execute();
      const indexer = searchIndexer(t.ctx);
      let position = { since: at } as Parameters<typeof indexer.syncUsersBatch>[0];
      const seen: number[] = [];
      for (let run = 0; run < 10; run++) {
        const before = (await indexed(t, 'user', ids)).length;
        const { next, more } = await indexer.syncUsersBatch(position, 3);
        seen.push((await indexed(t, 'user', ids)).length - before);
        position = next;
        if (!more) break;
      }
      assert.ok(seen.every((n) => n <= 3), `never more than a batch per run: ${seen}`);
      assert.deepEqual((await indexed(t, 'user', ids)).sort(), [...ids].sort(), 'every person, none skipped');
      assert.equal(position.since, at, 'the watermark is the newest change indexed');
      assert.equal(position.after, undefined, 'caught up: the next sweep starts from the watermark again');
    });

    it('the recurring sweep job indexes one batch per run and schedules the next one right away', async () => {
      const bo = await signUpUser(t, { displayName: '扫描测试' });
      const db = t.ctx.database.db;
      await db.deleteFrom('jobs').where('type', '=', SEARCH_JOBS.syncUsers).execute();
      await db.deleteFrom('search_documents').where('kind', '=', 'user').where('ref_id', '=', bo.userId).execute();
      await t.ctx.queue.enqueue(db, SEARCH_JOBS.syncUsers, { since: 0 }, { key: 'search:sync-users' });
      await t.ctx.queue.drain();
      assert.deepEqual(await indexed(t, 'user', [bo.userId]), [bo.userId]);
      const [next] = await jobsOf(t, SEARCH_JOBS.syncUsers);
      assert.ok(next, 'the sweep is always scheduled');
      assert.ok(Number(next.run_at) > t.ctx.clock.now(), 'caught up: the next run waits for its interval');
      const found = await bo.get<UserHitPage>(`/api/search/users?q=${encodeURIComponent('扫描测试')}`);
      assert.ok(found.body.items.some((u) => u.user.id === bo.userId));
    });

    it('a sweep that fails is tried again at its interval from the same place, never left to die', async () => {
      const cy = await signUpUser(t, { displayName: '失败重试' });
      await t.ctx.events.settle();
      const db = t.ctx.database.db;
      // Nothing else waiting (cy's own index job included): the next run is the sweep's.
      await db.deleteFrom('jobs').execute();
      await db.deleteFrom('search_documents').where('kind', '=', 'user').where('ref_id', '=', cy.userId).execute();
      // A real failure inside the batch: the index refuses every write until the trigger is dropped.
      await refuseIndexWrites(t, true);
      try {
        await t.ctx.queue.enqueue(db, SEARCH_JOBS.syncUsers, { since: 0 }, { key: 'search:sync-users' });
        assert.equal(await t.ctx.queue.runNext(), true);
      } finally {
        await refuseIndexWrites(t, false);
      }
      const jobs = await jobsOf(t, SEARCH_JOBS.syncUsers);
      assert.equal(jobs.length, 1, 'one sweep waits, not a retry beside it');
      const [next] = jobs;
      assert.equal(next!.state, 'queued');
      assert.equal(Number(next!.attempts), 0, 'a fresh run, not a retry counting towards death');
      assert.deepEqual(JSON.parse(next!.payload), { since: 0 }, 'from the same place');
      assert.ok(Number(next!.run_at) > t.ctx.clock.now(), 'at the next interval');
      assert.deepEqual(await indexed(t, 'user', [cy.userId]), []);
      await db.updateTable('jobs').set({ run_at: 0 }).where('id', '=', next!.id).execute();
      await t.ctx.queue.drain();
      assert.deepEqual(await indexed(t, 'user', [cy.userId]), [cy.userId]);
    });
  });
}

/** Makes every write to the search index fail (a trigger), or lifts that. */
async function refuseIndexWrites(t: TestApp, refuse: boolean): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(t.ctx.database.db);
  if (t.ctx.database.kind === 'sqlite') {
    if (refuse) await run(`CREATE TRIGGER refuse_index BEFORE INSERT ON search_documents BEGIN SELECT RAISE(ABORT, 'index refuses writes'); END`);
    else await run('DROP TRIGGER refuse_index');
  } else if (refuse) {
    await run(`CREATE FUNCTION refuse_index() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'index refuses writes'; END $$`);
    await run('CREATE TRIGGER refuse_index BEFORE INSERT OR UPDATE ON search_documents FOR EACH ROW EXECUTE FUNCTION refuse_index()');
  } else {
    await run('DROP TRIGGER refuse_index ON search_documents');
    await run('DROP FUNCTION refuse_index()');
  }
}
