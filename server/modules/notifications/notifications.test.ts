import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`notifications [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    /** Notifications are written by event subscribers after commit: wait for them, then read. */
    const inbox = async (c: Client, query = '') => {
      await t.ctx.events.settle();
      const res = await c.get(`/api/notifications${query}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    };
    const unread = async (c: Client) => {
      await t.ctx.events.settle();
      return (await c.get('/api/notifications/unread-count')).body.unread;
    };

    it('B likes, collects and comments on A’s note: A sees three, then marks them read', async () => {
      const [a, b] = await signUpUsers(t, 2);
      const note = await createTextNote(a!, { title: 'Hot pot night' });
      await b!.post(`/api/notes/${note.id}/like`);
      await b!.post(`/api/notes/${note.id}/collect`);
      const c = (await b!.post(`/api/notes/${note.id}/comments`, { body: 'Looks delicious [hotpot]' })).body;
      // A's own activity never notifies A.
      await a!.post(`/api/notes/${note.id}/like`);
      await a!.post(`/api/notes/${note.id}/comments`, { body: 'Thanks all' });

      const page = await inbox(a!);
      assert.deepEqual(
        page.items.map((n: any) => n.kind),
        ['comment', 'collect', 'like'],
      );
      for (const n of page.items) {
        assert.equal(n.actor.handle, b!.handle);
        assert.equal(n.note.id, note.id);
        assert.equal(n.note.title, 'Hot pot night');
        assert.equal(n.read, false);
      }
      assert.deepEqual(page.items[0].comment, { id: c.id, excerpt: 'Looks delicious [hotpot]' });
      assert.equal(page.items[1].comment, null);
      assert.equal(await unread(a!), 3);

      const one = await a!.post('/api/notifications/read', { ids: [page.items[2].id] });
      assert.deepEqual(one.body, { unread: 2 });
      const all = await a!.post('/api/notifications/read');
      assert.deepEqual(all.body, { unread: 0 });
      assert.ok((await inbox(a!)).items.every((n: any) => n.read));
      assert.equal(await unread(b!), 0);
    });

    it('notifies a mention in a comment, a reply to a comment, and a new follower', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      const note = await createTextNote(b!);
      const bComment = (await b!.post(`/api/notes/${note.id}/comments`, { body: 'Who has been here?' })).body;
      await c!.post(`/api/notes/${note.id}/comments`, { body: `@${a!.handle} you should go!` });
      const reply = (await a!.post(`/api/notes/${note.id}/comments`, { body: 'I have!', parentId: bComment.id })).body;
      await c!.post(`/api/users/${a!.handle}/follow`);

      const forA = (await inbox(a!)).items;
      assert.deepEqual(
        forA.map((n: any) => [n.kind, n.actor.handle]),
        [
          ['follow', c!.handle],
          ['mention', c!.handle],
        ],
      );
      assert.equal(forA[0].note, null);
      assert.match(forA[1].comment.excerpt, /you should go/);

      const forB = (await inbox(b!)).items;
      const kinds = forB.map((n: any) => [n.kind, n.actor.handle]);
      assert.deepEqual(kinds, [
        ['reply', a!.handle],
        ['comment', c!.handle],
      ]);
      assert.equal(forB[0].comment.id, reply.id);

      // A reply to a reply goes to the person answered, not the thread starter.
      await c!.post(`/api/notes/${note.id}/comments`, { body: 'Same', parentId: reply.id });
      const latestForA = (await inbox(a!)).items[0];
      assert.deepEqual([latestForA.kind, latestForA.actor.handle], ['reply', c!.handle]);
    });

    it('notifies people mentioned in a note when it is posted or when an edit adds them', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      const note = await createTextNote(b!, { body: `Dumplings with @${a!.handle}` });
      const edited = await b!.patch(`/api/notes/${note.id}`, { body: `Dumplings with @${a!.handle} and @${c!.handle}` });
      assert.equal(edited.status, 200, edited.text);
      const forA = (await inbox(a!)).items;
      assert.deepEqual(
        forA.map((n: any) => [n.kind, n.actor.handle, n.note.id, n.comment]),
        [['mention', b!.handle, note.id, null]],
      );
      assert.deepEqual(
        (await inbox(c!)).items.map((n: any) => n.kind),
        ['mention'],
      );
      // Mentioned in a note only its author can see: nothing.
      await createTextNote(b!, { visibility: 'private', body: `secret plans for @${c!.handle}` });
      assert.equal((await inbox(c!)).items.length, 1);
    });

    it('collapses like/unlike spam and comment-like repeats into one a day', async () => {
      const [a, b] = await signUpUsers(t, 2);
      const note = await createTextNote(a!);
      for (let i = 0; i < 3; i++) {
        await b!.post(`/api/notes/${note.id}/like`);
        await b!.delete(`/api/notes/${note.id}/like`);
      }
      await Promise.all([b!.post(`/api/notes/${note.id}/like`), b!.delete(`/api/notes/${note.id}/like`), b!.post(`/api/notes/${note.id}/like`)]);
      const c = (await a!.post(`/api/notes/${note.id}/comments`, { body: 'mine' })).body;
      for (let i = 0; i < 3; i++) {
        await b!.post(`/api/comments/${c.id}/like`);
        await b!.delete(`/api/comments/${c.id}/like`);
      }
      await b!.post(`/api/users/${a!.handle}/follow`);
      await b!.delete(`/api/users/${a!.handle}/follow`);
      await b!.post(`/api/users/${a!.handle}/follow`);
      assert.deepEqual(
        (await inbox(a!)).items.map((n: any) => [n.kind, n.actorCount]),
        [
          ['follow', 1],
          ['comment_like', 1],
          ['like', 1],
        ],
      );
      assert.equal(await unread(a!), 3);
    });

    it('gathers likes, collects and comment likes into one notification per note or comment until it is read', async () => {
      const [a, b, c, d, e] = await signUpUsers(t, 5);
      const note = await createTextNote(a!, { title: 'Night market' });
      const other = await createTextNote(a!, { title: 'Tea' });
      for (const fan of [b, c, d]) await fan!.post(`/api/notes/${note.id}/like`);
      await b!.post(`/api/notes/${note.id}/collect`);
      await c!.post(`/api/notes/${other.id}/like`);
      const mine = (await a!.post(`/api/notes/${note.id}/comments`, { body: 'Stall 12 is the best' })).body;
      for (const fan of [b, c]) await fan!.post(`/api/comments/${mine.id}/like`);

      let items = (await inbox(a!)).items;
      assert.deepEqual(
        items.map((n: any) => [n.kind, n.actor.handle, n.actorCount, n.note?.title]),
        [
          ['comment_like', c!.handle, 2, 'Night market'],
          ['like', c!.handle, 1, 'Tea'],
          ['collect', b!.handle, 1, 'Night market'],
          ['like', d!.handle, 3, 'Night market'],
        ],
      );
      assert.deepEqual(items[0].comment, { id: mine.id, excerpt: 'Stall 12 is the best' });
      assert.equal(await unread(a!), 4, 'one unread notification per group, not per person');

      // A new like on the older group moves it back to the top with its new face.
      await e!.post(`/api/notes/${note.id}/like`);
      items = (await inbox(a!)).items;
      assert.deepEqual([items[0].kind, items[0].actor.handle, items[0].actorCount, items.length], ['like', e!.handle, 4, 4]);
      assert.ok(Date.parse(items[0].createdAt) >= Date.parse(items[1].createdAt));

      // Once read, a group is closed: the next like opens a new one, and the old one keeps its count.
      await a!.post('/api/notifications/read');
      await e!.delete(`/api/notes/${note.id}/like`);
      await e!.post(`/api/notes/${note.id}/like`);
      items = (await inbox(a!)).items;
      assert.deepEqual(
        items.slice(0, 2).map((n: any) => [n.kind, n.actor.handle, n.actorCount, n.read]),
        [
          ['like', e!.handle, 1, false],
          ['like', e!.handle, 4, true],
        ],
      );
      assert.equal(await unread(a!), 1);
    });

    it('keeps one group when many like the same note at once', async () => {
      const [a, ...fans] = await signUpUsers(t, 13);
      const note = await createTextNote(a!);
      const likes = await Promise.all(fans.map((f) => f.post(`/api/notes/${note.id}/like`)));
      assert.ok(likes.every((r) => r.status === 200));
      const items = (await inbox(a!)).items;
      assert.deepEqual(
        items.map((n: any) => [n.kind, n.actorCount]),
        [['like', 12]],
      );
      assert.ok(fans.some((f) => f.handle === items[0].actor.handle));
      assert.equal(await unread(a!), 1);
    });

    it('never notifies across a block, nor about notes the recipient cannot see', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      const note = await createTextNote(a!);
      await b!.post(`/api/notes/${note.id}/like`);
      await a!.post(`/api/users/${b!.handle}/block`);
      // Earlier notifications from a now-blocked person disappear too.
      assert.equal((await inbox(a!)).items.length, 0);
      assert.equal(await unread(a!), 0);
      const cNote = await createTextNote(c!);
      await b!.post(`/api/notes/${cNote.id}/comments`, { body: `@${a!.handle} look` });
      const secret = await createTextNote(c!, { visibility: 'private', body: `note to self about @${a!.handle}` });
      assert.ok(secret.id);
      assert.equal((await inbox(a!)).items.length, 0);
    });

    it('pages with a cursor and refuses bad input', async () => {
      const [a, ...fans] = await signUpUsers(t, 4);
      for (const f of fans) await f.post(`/api/users/${a!.handle}/follow`);
      const first = await inbox(a!, '?limit=2');
      assert.equal(first.items.length, 2);
      const rest = await inbox(a!, `?limit=2&cursor=${first.nextCursor}`);
      assert.equal(rest.items.length, 1);
      assert.equal(rest.nextCursor, null);
      assert.equal(new Set([...first.items, ...rest.items].map((n: any) => n.actor.id)).size, 3);

      assert.equal((await a!.get('/api/notifications?cursor=not-a-cursor')).status, 400);
      assert.equal((await new Client(t).get('/api/notifications')).status, 401);
      assert.equal((await new Client(t).get('/api/notifications/unread-count')).status, 401);
      const bad: Array<[unknown, string]> = [
        [{ ids: [] }, 'ids'],
        [{ ids: 'all' }, 'ids'],
        [{ ids: ["' OR 1=1 --"] }, 'ids.0'],
        [{ ids: Array.from({ length: 101 }, (_, i) => `n${i}`) }, 'ids'],
        [{ everything: true }, 'everything'],
      ];
      for (const [body, field] of bad) {
        const res = await a!.post('/api/notifications/read', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.field, field, JSON.stringify(body));
      }
      assert.equal(await unread(a!), 3, 'nothing was marked read by bad requests');
      // Someone else's ids mark nothing of A's.
      const other = fans[0]!;
      await other.post('/api/notifications/read', { ids: first.items.map((n: any) => n.id) });
      assert.equal(await unread(a!), 3);
    });
  });
}
