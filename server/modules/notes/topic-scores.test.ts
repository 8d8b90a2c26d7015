import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { copyDueTopicScores } from './hot-score.js';
import { scheduleTopicScores } from './topic-scores.jobs.js';

/** Topic rows copy a note's hot score in a recurring job, not in each like's transaction (ADR 0015). */
for (const kind of testDatabases()) {
  describe(`topic scores (${kind})`, () => {
    let t: TestApp;
    // No background workers: each test decides when the job runs (queue.drain runs what is due).
    before(async () => {
      t = await startTestApp(kind, { JOBS_WORKERS: '0' });
    });
    after(() => t.close());

    const db = () => t.ctx.database.db;
    const due = async (noteId: string) =>
      (await db().selectFrom('topic_scores_due').select('note_id').where('note_id', '=', noteId).execute()).length;
    const score = async (noteId: string) => Number((await db().selectFrom('notes').select('hot_score').where('id', '=', noteId).executeTakeFirstOrThrow()).hot_score);
    const copies = async (noteId: string) =>
      (await db().selectFrom('note_hashtags').select('hot_score').where('note_id', '=', noteId).execute()).map((r) => Number(r.hot_score));
    const runJob = async () => {
      await scheduleTopicScores(t.ctx, Date.now());
      await t.ctx.queue.drain();
    };

    it('likes, collects and comments mark the note once; the job copies its score to every topic row', async () => {
      const [author, ...fans] = await signUpUsers(t, 13);
      const note = await createTextNote(author!, { body: 'Dumplings tonight #dumplings #winter' });
      const posted = await score(note.id);
      assert.deepEqual(await copies(note.id), [posted, posted], 'a new note copies its score as it is tagged');

      // Twelve at once: each moves the score, and all of them leave one mark.
      const res = await Promise.all(fans.map((f) => f.post(`/api/notes/${note.id}/like`)));
      assert.ok(res.every((r) => r.status === 200));
      await fans[0]!.post(`/api/notes/${note.id}/collect`);
      assert.equal((await fans[1]!.post(`/api/notes/${note.id}/comments`, { body: 'Save me some!' })).status, 201);
      assert.equal(await due(note.id), 1);
      const moved = await score(note.id);
      assert.ok(moved > posted);

      await runJob();
      assert.deepEqual(await copies(note.id), [moved, moved]);
      assert.equal(await due(note.id), 0);
      const waiting = await db().selectFrom('jobs').select('run_at').where('dedupe_key', '=', 'notes:topic-scores').where('state', '=', 'queued').execute();
      assert.equal(waiting.length, 1, 'the job waits for its next run');
      assert.ok(Number(waiting[0]!.run_at) > Date.now(), 'nothing left: the next run is a second away, not now');

      // Taking it back moves the score down, and the job follows.
      await fans[0]!.delete(`/api/notes/${note.id}/like`);
      assert.equal(await due(note.id), 1);
      await runJob();
      assert.deepEqual(await copies(note.id), [await score(note.id), await score(note.id)]);
      assert.ok((await score(note.id)) < moved);
    });

    it('takes a backlog a batch at a time, and a deleted note’s mark goes quietly', async () => {
      const [author, fan] = await signUpUsers(t, 2);
      const notes = [];
      for (let i = 0; i < 5; i++) notes.push(await createTextNote(author!, { body: `Batch ${i} #backlog${i % 2}` }));
      for (const n of notes) await fan!.post(`/api/notes/${n.id}/like`);
      assert.equal((await author!.delete(`/api/notes/${notes[4]!.id}`)).status, 200);
      assert.deepEqual(
        [await copyDueTopicScores(t.ctx.database, 2), await copyDueTopicScores(t.ctx.database, 2), await copyDueTopicScores(t.ctx.database, 2)],
        [2, 2, 1],
      );
      assert.equal(await copyDueTopicScores(t.ctx.database, 2), 0);
      for (const n of notes.slice(0, 4)) assert.deepEqual(await copies(n.id), [await score(n.id)]);
    });
  });
}
