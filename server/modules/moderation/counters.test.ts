import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { grantRole } from './roles.js';

/**
 * Counters follow moderation: hidden content leaves every count it was in (the note's, its topics',
 * its parent's, its author's), comes back on reversal, and is not taken off a second time when its
 * author then deletes it.
 */
for (const kind of testDatabases()) {
  describe(`moderation keeps counters exact [${kind}]`, () => {
    let t: TestApp;
    let mod: Client;
    before(async () => {
      t = await startTestApp(kind);
      mod = await signUpUser(t);
      assert.equal(await grantRole(t.ctx.database.db, mod.handle, 'moderator'), true);
    });
    after(() => t.close());

    const remove = async (subjectKind: 'note' | 'comment', subjectId: string) => {
      const res = await mod.post('/api/moderation/actions', { subjectKind, subjectId, action: 'remove', ruleId: 'spam', note: 'test' });
      assert.equal(res.status, 201, res.text);
      await t.ctx.events.settle();
    };

    it('a removed comment leaves the note, its topic and its parent; deleting it afterwards takes nothing more', async () => {
      const author = await signUpUser(t);
      const commenter = await signUpUser(t);
      const tag = `market${randomBytes(3).toString('hex')}`;
      const note = (await author.post('/api/notes', { type: 'text', title: 'Market', body: `Dumplings #${tag}` })).body;
      const top = (await commenter.post(`/api/notes/${note.id}/comments`, { body: 'looks great' })).body;
      const reply = (await commenter.post(`/api/notes/${note.id}/comments`, { body: 'and the tea', parentId: top.id })).body;
      const counts = async () => ({
        note: (await author.get(`/api/notes/${note.id}`)).body.counts.comments,
        topic: (await author.get(`/api/topics/${tag}`)).body.commentCount,
        replies: (await author.get(`/api/notes/${note.id}/comments`)).body.items.find((c: { comment: { id: string } }) => c.comment.id === top.id)
          ?.comment.replyCount,
      });
      assert.deepEqual(await counts(), { note: 2, topic: 2, replies: 1 });

      await remove('comment', reply.id);
      assert.deepEqual(await counts(), { note: 1, topic: 1, replies: 0 });

      assert.equal((await commenter.delete(`/api/comments/${reply.id}`)).status, 200);
      assert.deepEqual(await counts(), { note: 1, topic: 1, replies: 0 }, 'the hidden reply is not counted off twice');

      await remove('comment', top.id);
      const removed = await counts();
      assert.deepEqual([removed.note, removed.topic], [0, 0]);
      assert.equal((await commenter.delete(`/api/comments/${top.id}`)).status, 200);
      const gone = await counts();
      assert.deepEqual([gone.note, gone.topic], [0, 0]);
    });

    it('a removed note leaves its author’s count once, even when the author then deletes it', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author);
      const notes = async () => (await mod.get(`/api/users/${author.handle}`)).body.counts.notes;
      assert.equal(await notes(), 1);
      await remove('note', note.id);
      assert.equal(await notes(), 0);
      assert.equal((await author.delete(`/api/notes/${note.id}`)).status, 200);
      assert.equal(await notes(), 0);
    });
  });
}
