import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`likes and collects [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const noteRow = (id: string) =>
      t.ctx.database.db.selectFrom('notes').select(['like_count', 'collect_count']).where('id', '=', id).executeTakeFirstOrThrow();

    it('counts 50 concurrent likes from 50 people exactly, and the author receives 50', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author);
      const fans = await signUpUsers(t, 50);
      const results = await Promise.all(fans.map((f) => f.post(`/api/notes/${note.id}/like`)));
      for (const r of results) assert.equal(r.status, 200, r.text);
      assert.equal((await noteRow(note.id)).like_count, 50);
      // Everyone likes again at once: nothing changes.
      await Promise.all(fans.map((f) => f.post(`/api/notes/${note.id}/like`)));
      assert.equal((await noteRow(note.id)).like_count, 50);
      assert.equal((await author.get('/api/me')).body.counts.likesReceived, 50);
      const seen = await fans[0]!.get(`/api/notes/${note.id}`);
      assert.equal(seen.body.counts.likes, 50);
      assert.equal(seen.body.viewer.liked, true);
    });

    it('stays consistent (0 or 1) when one person likes and unlikes concurrently', async () => {
      const [author, fan] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? fan!.delete(`/api/notes/${note.id}/like`) : fan!.post(`/api/notes/${note.id}/like`))),
      );
      const rows = await t.ctx.database.db.selectFrom('note_likes').select('user_id').where('note_id', '=', note.id).execute();
      const { like_count } = await noteRow(note.id);
      assert.ok(like_count === 0 || like_count === 1);
      assert.equal(like_count, rows.length);
      assert.equal((await author!.get('/api/me')).body.counts.likesReceived, rows.length);
      const final = await fan!.delete(`/api/notes/${note.id}/like`);
      assert.deepEqual(final.body, { liked: false, likeCount: 0 });
    });

    it('refuses likes, collects and comments on notes the caller may not see (404)', async () => {
      const [author, stranger, follower] = await signUpUsers(t, 3);
      await follower!.post(`/api/users/${author!.handle}/follow`);
      const mutualsNote = await createTextNote(author!, { visibility: 'mutuals' });
      const privateNote = await createTextNote(author!, { visibility: 'private' });
      for (const id of [mutualsNote.id, privateNote.id]) {
        for (const who of [stranger!, follower!]) {
          assert.equal((await who.post(`/api/notes/${id}/like`)).status, 404);
          assert.equal((await who.post(`/api/notes/${id}/collect`)).status, 404);
          assert.equal((await who.post(`/api/notes/${id}/comments`, { body: 'hi' })).status, 404);
        }
      }
      // Once they follow each other, the mutuals-only note opens up; the only-me note never does.
      await author!.post(`/api/users/${follower!.handle}/follow`);
      assert.equal((await follower!.post(`/api/notes/${mutualsNote.id}/like`)).status, 200);
      assert.equal((await follower!.post(`/api/notes/${privateNote.id}/like`)).status, 404);
      assert.equal((await author!.post(`/api/notes/${privateNote.id}/like`)).status, 200);
      assert.equal((await new Client(t).post(`/api/notes/${mutualsNote.id}/like`)).status, 401);
      assert.equal((await stranger!.post('/api/notes/no-such-note/like')).status, 404);
      assert.equal((await stranger!.post(`/api/notes/${encodeURIComponent("1' OR '1'='1")}/like`)).status, 400);
    });

    it('blocks stop likes and collects in both directions', async () => {
      const [a, b] = await signUpUsers(t, 2);
      const note = await createTextNote(a!);
      const theirs = await createTextNote(b!);
      await a!.post(`/api/users/${b!.handle}/block`);
      assert.equal((await b!.post(`/api/notes/${note.id}/like`)).status, 404);
      assert.equal((await b!.post(`/api/notes/${note.id}/collect`)).status, 404);
      assert.equal((await a!.post(`/api/notes/${theirs.id}/like`)).status, 404);
      assert.equal((await noteRow(note.id)).like_count, 0);
    });

    it('collects into boards, moves between them and keeps every counter exact', async () => {
      const [author, me] = await signUpUsers(t, 2);
      const note = await createTextNote(author!);
      const travel = (await me!.post('/api/boards', { name: '旅行清单收藏夹一二三四五', visibility: 'public' })).body;
      assert.equal(travel.name.length, 12);
      const food = (await me!.post('/api/boards', { name: 'Food', visibility: 'private' })).body;
      const boardCount = async (id: string) => (await me!.get(`/api/boards/${id}`)).body.collectCount;

      const first = await me!.post(`/api/notes/${note.id}/collect`, { boardId: travel.id });
      assert.deepEqual(first.body, { collected: true, boardId: travel.id, collectCount: 1 });
      await me!.post(`/api/notes/${note.id}/collect`, { boardId: travel.id });
      assert.equal(await boardCount(travel.id), 1);
      // Collecting again without a board keeps it where it is.
      assert.equal((await me!.post(`/api/notes/${note.id}/collect`)).body.boardId, travel.id);

      await Promise.all([
        me!.post(`/api/notes/${note.id}/collect`, { boardId: food.id }),
        me!.post(`/api/notes/${note.id}/collect`, { boardId: food.id }),
      ]);
      assert.equal(await boardCount(travel.id), 0);
      assert.equal(await boardCount(food.id), 1);
      assert.equal((await noteRow(note.id)).collect_count, 1);

      const seen = await me!.get(`/api/notes/${note.id}`);
      assert.equal(seen.body.viewer.collected, true);
      assert.equal(seen.body.viewer.boardId, food.id);

      const gone = await me!.delete(`/api/notes/${note.id}/collect`);
      assert.deepEqual(gone.body, { collected: false, boardId: null, collectCount: 0 });
      await me!.delete(`/api/notes/${note.id}/collect`);
      assert.equal(await boardCount(food.id), 0);
      assert.equal((await noteRow(note.id)).collect_count, 0);

      // Deleting a board keeps its notes collected, just outside any board.
      await me!.post(`/api/notes/${note.id}/collect`, { boardId: food.id });
      assert.equal((await me!.delete(`/api/boards/${food.id}`)).status, 200);
      const after = await me!.post(`/api/notes/${note.id}/collect`);
      assert.deepEqual(after.body, { collected: true, boardId: null, collectCount: 1 });
    });

    it('keeps private boards private and lets only owners change boards', async () => {
      const [owner, other, author] = await signUpUsers(t, 3);
      const note = await createTextNote(author!);
      const openNote = await createTextNote(author!);
      const secret = (await owner!.post('/api/boards', { name: 'secret', visibility: 'private' })).body;
      const open = (await owner!.post('/api/boards', { name: 'open' })).body;
      assert.equal(open.visibility, 'public');
      await owner!.post(`/api/notes/${note.id}/collect`, { boardId: secret.id });
      await owner!.post(`/api/notes/${openNote.id}/collect`, { boardId: open.id });

      assert.equal((await other!.get(`/api/boards/${secret.id}`)).status, 404);
      assert.equal((await other!.get(`/api/boards/${secret.id}/notes`)).status, 404);
      assert.equal((await new Client(t).get(`/api/boards/${secret.id}/notes`)).status, 404);
      assert.deepEqual(
        (await owner!.get(`/api/boards/${secret.id}/notes`)).body.items.map((c: any) => c.id),
        [note.id],
      );
      assert.deepEqual(
        (await other!.get(`/api/boards/${open.id}/notes`)).body.items.map((c: any) => c.id),
        [openNote.id],
      );
      const listed = async (c: Client) => (await c.get(`/api/users/${owner!.handle}/boards`)).body.items.map((b: any) => b.name);
      assert.deepEqual(await listed(other!), ['open']);
      assert.deepEqual(await listed(owner!), ['open', 'secret']);
      // Others see collects outside private boards only.
      const collects = async (c: Client) => (await c.get(`/api/users/${owner!.handle}/collects`)).body.items.map((n: any) => n.id);
      assert.deepEqual(await collects(other!), [openNote.id]);
      assert.deepEqual(await collects(owner!), [openNote.id, note.id]);

      assert.equal((await other!.patch(`/api/boards/${secret.id}`, { name: 'mine' })).status, 404);
      assert.equal((await other!.patch(`/api/boards/${open.id}`, { name: 'mine' })).status, 403);
      assert.equal((await other!.delete(`/api/boards/${open.id}`)).status, 403);
      assert.equal((await other!.post(`/api/notes/${openNote.id}/collect`, { boardId: open.id })).status, 403);
      assert.equal((await other!.post(`/api/notes/${openNote.id}/collect`, { boardId: secret.id })).status, 404);
      assert.equal((await other!.get(`/api/users/${other!.handle}/collects`)).body.items.length, 0, 'nothing half-written');

      const renamed = await owner!.patch(`/api/boards/${secret.id}`, { name: 'public now', visibility: 'public' });
      assert.equal(renamed.status, 200, renamed.text);
      assert.equal((await other!.get(`/api/boards/${secret.id}/notes`)).status, 200);
    });

    it('refuses bad board input with a 4xx naming the problem', async () => {
      const me = await signUpUser(t);
      const cases: Array<[unknown, number, string, string]> = [
        [{ name: 'x'.repeat(13) }, 400, 'text_too_long', 'name'],
        [{ name: '   ' }, 400, 'text_empty', 'name'],
        [{ name: 'a\u202Eb' }, 400, 'text_bidi_chars', 'name'],
        [{ name: 'a\nb' }, 400, 'text_control_chars', 'name'],
        [{ name: '\uD800x' }, 400, 'text_invalid_unicode', 'name'],
        [{ name: 12 }, 400, 'validation_failed', 'name'],
        [{ name: 'ok', visibility: 'friends' }, 400, 'validation_failed', 'visibility'],
        [{ name: 'ok', owner_id: 'x' }, 400, 'validation_failed', 'owner_id'],
        [{}, 400, 'validation_failed', 'name'],
      ];
      for (const [body, status, code, field] of cases) {
        const res = await me.post('/api/boards', body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.text}`);
        assert.equal(res.body.code, code, JSON.stringify(body));
        assert.equal(res.body.field, field, JSON.stringify(body));
      }
      const hostile = await me.post('/api/boards', { name: "<script>'--" });
      assert.equal(hostile.status, 201);
      assert.equal(hostile.body.name, "<script>'--");
      const dup = await me.post('/api/boards', { name: "<script>'--" }, { headers: { 'x-kuaan-locale': 'zh-Hant' } });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'board_name_taken');
      assert.match(dup.body.detail, /專輯/);
      assert.equal((await me.get(`/api/users/${me.handle}/boards`)).body.items.length, 1);
      assert.equal((await me.post('/api/notes/x/collect', { boardId: 5 })).body.field, 'boardId');
    });

    it('lists the notes someone liked, only those the viewer can see', async () => {
      const [author, fan, viewer] = await signUpUsers(t, 3);
      const open = await createTextNote(author!);
      const hidden = await createTextNote(author!, { visibility: 'mutuals' });
      await author!.post(`/api/users/${fan!.handle}/follow`);
      await fan!.post(`/api/users/${author!.handle}/follow`);
      await fan!.post(`/api/notes/${open.id}/like`);
      await fan!.post(`/api/notes/${hidden.id}/like`);
      const forViewer = await viewer!.get(`/api/users/${fan!.handle}/likes`);
      assert.deepEqual(
        forViewer.body.items.map((n: any) => n.id),
        [open.id],
      );
      const forFan = await fan!.get(`/api/users/${fan!.handle}/likes?limit=1`);
      assert.deepEqual(
        forFan.body.items.map((n: any) => [n.id, n.likedByMe]),
        [[hidden.id, true]],
      );
      const next = await fan!.get(`/api/users/${fan!.handle}/likes?limit=1&cursor=${forFan.body.nextCursor}`);
      assert.deepEqual(
        next.body.items.map((n: any) => n.id),
        [open.id],
      );
    });
  });
}
