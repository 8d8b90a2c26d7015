import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`view counting (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      // A flush interval longer than the suite: only explicit flushes write views here.
      t = await startTestApp(kind, { VIEW_FLUSH_MS: '3600000' });
    });
    after(() => t.close());

    test('note views are buffered, flushed in one batch, and the author’s own views do not count', async () => {
      const [author, reader] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      const other = await createTextNote(author!);
      await t.app.viewCounter.flush();
      for (let i = 0; i < 3; i++) await reader!.get(`/api/notes/${note.id}`);
      await new Client(t).get(`/api/notes/${note.id}`);
      await reader!.get(`/api/notes/${other.id}`);
      await author!.get(`/api/notes/${note.id}`);
      assert.equal(t.app.viewCounter.pending().notes, 5);
      const stored = async (id: string) =>
        Number((await t.ctx.database.db.selectFrom('notes').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count);
      assert.equal(await stored(note.id), 0);
      assert.equal((await reader!.get(`/api/notes/${note.id}`)).body.counts.views, 0);
      await t.app.viewCounter.flush();
      assert.equal(t.app.viewCounter.pending().notes, 0);
      assert.equal(await stored(note.id), 5);
      assert.equal(await stored(other.id), 1);
      // A view of a deleted note is dropped quietly at flush time.
      await reader!.get(`/api/notes/${other.id}`);
      await author!.delete(`/api/notes/${other.id}`);
      await t.app.viewCounter.flush();
      assert.equal(t.app.viewCounter.pending().notes, 0);
    });

    test('closing the app writes the buffered views', async () => {
      const t2 = await startTestApp(kind, { VIEW_FLUSH_MS: '3600000' });
      const [author, reader] = await signUpUsers(t2, 2);
      const note = await createTextNote(author!);
      await reader!.get(`/api/notes/${note.id}`);
      await reader!.get(`/api/notes/${note.id}`);
      await t2.app.close();
      const row = await t2.ctx.database.db.selectFrom('notes').select('view_count').where('id', '=', note.id).executeTakeFirstOrThrow();
      assert.equal(Number(row.view_count), 2);
      await t2.close();
    });
  });
}
