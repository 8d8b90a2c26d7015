import assert from 'node:assert/strict';
import { threadId } from 'node:worker_threads';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.js';
import { signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { DiscoverPipeline } from './discover.pipeline.js';
import { DiscoverThreads } from './discover.threads.js';

type Internals = { threads: Array<{ worker: { threadId: number; terminate(): Promise<number> } } | null> };
const slots = (threads: DiscoverThreads) => (threads as unknown as Internals).threads;

for (const kind of testDatabases()) {
  describe(`discover threads (${kind})`, () => {
    let t: TestApp;
    let threads: DiscoverThreads;
    const warnings: string[] = [];
    let readerId = '';

    before(async () => {
      t = await startTestApp(kind);
      const [author, reader] = await signUpUsers(t, 2);
      readerId = reader!.userId;
      for (let i = 0; i < 6; i++) await createTextNote(author!, { title: `thread note ${i}`, body: 'ranked beside the event loop' });
      await t.ctx.events.settle();
      threads = new DiscoverThreads(t.ctx.config, 2, (_details, message) => warnings.push(message));
    });
    after(async () => {
      await threads.close();
      await t.close();
    });

    it('ranks on a thread of its own the same notes the event loop would', async () => {
      const onLoop = await new DiscoverPipeline(t.ctx.database.db, t.ctx.translator, Date.now).page({ viewerId: readerId, locale: 'en' });
      const onThread = await threads.page({ viewerId: readerId, locale: 'en' });
      assert.ok(onLoop.items.length > 0);
      assert.deepEqual(onThread.items.map((i) => i.id).sort(), onLoop.items.map((i) => i.id).sort());
      const started = slots(threads).filter((s) => s !== null);
      assert.equal(started.length, 1, 'one reader starts one thread, not all');
      assert.notEqual(started[0]!.worker.threadId, threadId);
    });

    it('turns an expected failure into the same 4xx error, and a thread that died is started again', async () => {
      const forged = Buffer.from(JSON.stringify(['x', 1, 'y'])).toString('base64url');
      await assert.rejects(threads.page({ viewerId: readerId, locale: 'en', cursor: forged }), (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.status, 400);
        assert.equal(err.field, 'cursor');
        return true;
      });
      const slot = slots(threads).findIndex((s) => s !== null);
      const dead = slots(threads)[slot]!;
      await dead.worker.terminate();
      const page = await threads.page({ viewerId: readerId, locale: 'en' });
      assert.ok(page.items.length > 0);
      assert.notEqual(slots(threads)[slot]!.worker.threadId, dead.worker.threadId, 'a new thread took the slot');
    });

    it('a note posted reaches every running thread before noteAdded resolves', async () => {
      const [other] = await signUpUsers(t, 1);
      // Readers spread over both threads (the hash decides): start both.
      for (let i = 0; slots(threads).some((s) => s === null) && i < 50; i++) await threads.page({ viewerId: `anon-${i}`, locale: `en-${i}` });
      assert.ok(slots(threads).every((s) => s !== null));
      const note = await createTextNote(other!, { title: 'fresh on every thread', body: 'posted after the pools were read' });
      await threads.noteAdded(note.id);
      threads.forget(readerId);
      const page = await threads.page({ viewerId: readerId, locale: 'en', limit: 50 });
      assert.ok(page.items.some((i) => i.id === note.id));
      assert.deepEqual(warnings, []);
    });
  });
}
