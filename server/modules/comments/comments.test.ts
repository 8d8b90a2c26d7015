import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`comments [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const commentCount = async (noteId: string) =>
      (await t.ctx.database.db.selectFrom('notes').select('comment_count').where('id', '=', noteId).executeTakeFirstOrThrow()).comment_count;
    const comment = async (c: Client, noteId: string, body: string, parentId?: string) => {
      const res = await c.post(`/api/notes/${noteId}/comments`, { body, ...(parentId ? { parentId } : {}) });
      assert.equal(res.status, 201, res.text);
      return res.body;
    };

    it('threads two levels deep: a reply to a reply lands under the top-level comment', async () => {
      const [author, b, c] = await signUpUsers(t, 3);
      const note = await createTextNote(author!);
      const top = await comment(b!, note.id, 'First!');
      const reply = await comment(author!, note.id, 'Thanks', top.id);
      assert.equal(reply.parentId, top.id);
      assert.equal(reply.replyTo, null);
      assert.equal(reply.byNoteAuthor, true);
      const deep = await comment(c!, note.id, 'Me too', reply.id);
      assert.equal(deep.parentId, top.id, 'attached to the top-level comment');
      assert.equal(deep.replyTo.handle, author!.handle);
      for (const text of ['four', 'five']) await comment(b!, note.id, text, top.id);
      const second = await comment(c!, note.id, 'Second');

      const page = await b!.get(`/api/notes/${note.id}/comments`);
      assert.equal(page.status, 200);
      assert.deepEqual(
        page.body.items.map((th: any) => th.comment.id),
        [second.id, top.id],
      );
      const thread = page.body.items[1];
      assert.equal(thread.comment.replyCount, 4);
      assert.deepEqual(
        thread.replies.map((r: any) => r.body),
        ['Thanks', 'Me too', 'four'],
      );
      assert.equal(thread.comment.canDelete, true);
      assert.equal(thread.replies[0].canDelete, false);

      const replies = await c!.get(`/api/comments/${top.id}/replies?limit=3`);
      assert.deepEqual(
        replies.body.items.map((r: any) => r.body),
        ['Thanks', 'Me too', 'four'],
      );
      const more = await c!.get(`/api/comments/${top.id}/replies?limit=3&cursor=${replies.body.nextCursor}`);
      assert.deepEqual(
        more.body.items.map((r: any) => r.body),
        ['five'],
      );
      assert.equal(more.body.nextCursor, null);
      assert.equal(await commentCount(note.id), 6);
      assert.equal((await b!.get(`/api/notes/${note.id}`)).body.counts.comments, 6);
    });

    it('previews a long thread by its first replies the reader may see, beside short threads', async () => {
      const [author, reader, blocked, ...others] = await signUpUsers(t, 6);
      const note = await createTextNote(author!);
      const long = await comment(author!, note.id, 'Ask me anything');
      // More replies than a short thread has (comments.read.repo.ts): the first two by someone the reader blocks.
      for (const text of ['b1', 'b2']) await comment(blocked!, note.id, text, long.id);
      for (let i = 0; i < 22; i++) await comment(others[i % others.length]!, note.id, `r${i}`, long.id);
      const short = await comment(reader!, note.id, 'Quick one');
      for (const text of ['s1', 's2']) await comment(others[0]!, note.id, text, short.id);
      assert.equal((await reader!.post(`/api/users/${blocked!.handle}/block`)).status, 200);

      const page = (await reader!.get(`/api/notes/${note.id}/comments`)).body;
      const threads = new Map(page.items.map((th: any) => [th.comment.body, th]));
      assert.equal((threads.get('Ask me anything') as any).comment.replyCount, 24);
      assert.deepEqual(
        (threads.get('Ask me anything') as any).replies.map((r: any) => r.body),
        ['r0', 'r1', 'r2'],
      );
      assert.deepEqual(
        (threads.get('Quick one') as any).replies.map((r: any) => r.body),
        ['s1', 's2'],
      );
      // Someone who blocks nobody sees the thread's first replies as they are.
      const open = (await others[0]!.get(`/api/notes/${note.id}/comments`)).body.items.find((th: any) => th.comment.id === long.id);
      assert.deepEqual(
        open.replies.map((r: any) => r.body),
        ['b1', 'b2', 'r0'],
      );
    });

    it('turns @mentions and sticker codes into facets, and keeps markup as plain text', async () => {
      const [author, fan] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      const body = `@${author!.handle} 好吃[笑哭][laugh] [nope] <script>alert(1)</script>`;
      const c = await comment(fan!, note.id, body);
      assert.equal(c.body, body);
      const kinds = c.facets.map((f: any) => [f.type, body.slice(f.start, f.end)]);
      assert.deepEqual(kinds, [
        ['mention', `@${author!.handle}`],
        ['sticker', '[笑哭]'],
        ['sticker', '[laugh]'],
      ]);
      assert.equal(c.facets[1].code, 'laugh');
      assert.equal(c.facets[1].url, '/stickers/kuaan/laugh.svg');
      assert.equal(c.facets[0].userId, author!.userId);
    });

    it('deletes comments for their author or the note author only, with replies and counters', async () => {
      const [author, b, c] = await signUpUsers(t, 3);
      const note = await createTextNote(author!, { body: 'Dinner #hotpotnight' });
      const topic = async () => (await b!.get('/api/topics/hotpotnight')).body.commentCount;
      const top = await comment(b!, note.id, 'top');
      await comment(c!, note.id, 'r1', top.id);
      const r2 = await comment(c!, note.id, 'r2', top.id);
      const other = await comment(c!, note.id, 'other');
      assert.equal(await commentCount(note.id), 4);
      assert.equal(await topic(), 4);

      assert.equal((await b!.delete(`/api/comments/${other.id}`)).status, 403);
      assert.equal((await new Client(t).delete(`/api/comments/${other.id}`)).status, 401);
      assert.equal((await c!.delete(`/api/comments/${r2.id}`)).status, 200);
      assert.equal(await commentCount(note.id), 3);
      assert.equal((await b!.get(`/api/comments/${top.id}/replies`)).body.items.length, 1);

      // The note's author removes a whole thread; both deletes racing count it once.
      const [first, second] = await Promise.all([author!.delete(`/api/comments/${top.id}`), b!.delete(`/api/comments/${top.id}`)]);
      assert.ok([first.status, second.status].includes(200));
      assert.equal(await commentCount(note.id), 1);
      assert.equal(await topic(), 1);
      assert.equal((await c!.delete(`/api/comments/${top.id}`)).status, 404);
      assert.equal((await b!.get(`/api/notes/${note.id}/comments`)).body.items.length, 1);
    });

    it('counts concurrent comments exactly', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author);
      const people = await signUpUsers(t, 20);
      const res = await Promise.all(people.map((p, i) => p.post(`/api/notes/${note.id}/comments`, { body: `hello ${i}` })));
      for (const r of res) assert.equal(r.status, 201, r.text);
      assert.equal(await commentCount(note.id), 20);
    });

    it('keeps blocked people apart in comments', async () => {
      const [author, blocked, other] = await signUpUsers(t, 3);
      const note = await createTextNote(author!);
      const otherNote = await createTextNote(other!);
      const theirs = await comment(blocked!, otherNote.id, 'hi all');
      const early = await comment(blocked!, note.id, 'before the block');
      await author!.post(`/api/users/${blocked!.handle}/block`);
      assert.equal((await blocked!.post(`/api/notes/${note.id}/comments`, { body: 'hey' })).status, 404);
      const reply = await author!.post(`/api/notes/${otherNote.id}/comments`, { body: 'no', parentId: theirs.id });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.code, 'blocked');
      const list = await author!.get(`/api/notes/${otherNote.id}/comments`);
      assert.equal(list.body.items.length, 0, "the blocked person's comments are hidden");
      assert.equal((await author!.post(`/api/comments/${theirs.id}/like`)).status, 404);
      // The note's author can still clean up what the blocked person wrote before.
      assert.equal((await author!.delete(`/api/comments/${early.id}`)).status, 200);
    });

    it('likes comments idempotently', async () => {
      const [author, fan] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      const c = await comment(author!, note.id, 'like me');
      await Promise.all([fan!.post(`/api/comments/${c.id}/like`), fan!.post(`/api/comments/${c.id}/like`)]);
      const state = await fan!.post(`/api/comments/${c.id}/like`);
      assert.deepEqual(state.body, { liked: true, likeCount: 1 });
      const seen = (await fan!.get(`/api/notes/${note.id}/comments`)).body.items[0].comment;
      assert.equal(seen.likedByMe, true);
      assert.equal(seen.likeCount, 1);
      assert.deepEqual((await fan!.delete(`/api/comments/${c.id}/like`)).body, { liked: false, likeCount: 0 });
      assert.deepEqual((await fan!.delete(`/api/comments/${c.id}/like`)).body, { liked: false, likeCount: 0 });
    });

    it('refuses bad comments with a 4xx naming the problem, and writes nothing', async () => {
      const [author, me] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      const elsewhere = await createTextNote(author!);
      const foreign = await comment(author!, elsewhere.id, 'elsewhere');
      const cases: Array<[unknown, number, string, string?]> = [
        [{ body: '' }, 400, 'text_empty', 'body'],
        [{ body: ' \n ' }, 400, 'text_empty', 'body'],
        [{ body: '字'.repeat(501) }, 400, 'text_too_long', 'body'],
        [{ body: 'a\u0007b' }, 400, 'text_control_chars', 'body'],
        [{ body: 'a\u2066b' }, 400, 'text_bidi_chars', 'body'],
        [{ body: 'x\uDC00' }, 400, 'text_invalid_unicode', 'body'],
        [{ body: 5 }, 400, 'validation_failed', 'body'],
        [{ body: 'x'.repeat(2001) }, 400, 'validation_failed', 'body'],
        [{ body: 'ok', parentId: foreign.id }, 400, 'comment_wrong_note', 'parentId'],
        [{ body: 'ok', parentId: 'no-such-comment' }, 404, 'not_found'],
        [{ body: 'ok', parentId: "'; DROP TABLE comments;--" }, 400, 'validation_failed', 'parentId'],
        [{ body: 'ok', author_id: author!.userId }, 400, 'validation_failed', 'author_id'],
        [{}, 400, 'validation_failed', 'body'],
      ];
      for (const [body, status, code, field] of cases) {
        const res = await me!.post(`/api/notes/${note.id}/comments`, body);
        assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 80)} → ${res.text}`);
        assert.equal(res.body.code, code);
        if (field) assert.equal(res.body.field, field);
      }
      const someone = await Promise.all(Array.from({ length: 11 }, (_, i) => signUpUser(t, { handle: `someone${i}_${kind}` })));
      const many = await me!.post(`/api/notes/${note.id}/comments`, {
        body: someone.map((s) => `@${s.handle}`).join(' '),
      });
      assert.equal(many.body.code, 'too_many_mentions');
      const zh = await me!.post(`/api/notes/${note.id}/comments`, { body: '' }, { headers: { 'x-kuaan-locale': 'zh-Hans' } });
      assert.equal(zh.body.detail, 'body 不能为空。');
      assert.equal(await commentCount(note.id), 0);
      assert.equal((await me!.get(`/api/notes/${note.id}/comments?cursor=%27%20OR%201%3D1`)).status, 400);
    });
  });
}
