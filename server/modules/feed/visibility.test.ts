import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Note } from '../../../contract/notes.js';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { befriend, block, follow } from './feed.fixtures.js';

for (const kind of testDatabases()) {
  describe(`who sees which note (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    /** An author with one note of each visibility, a mutual, a one-way follower and a stranger. */
    async function scene() {
      const [author, mutual, fan, stranger] = [await signUpUser(t), await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      await befriend(t, author, mutual);
      await follow(t, fan, author);
      const tag = `Scene${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      const pub = await createTextNote(author, { body: `public #${tag}`, visibility: 'public' });
      const mut = await createTextNote(author, { body: `mutuals #${tag}`, visibility: 'mutuals' });
      const priv = await createTextNote(author, { body: `only me #${tag}`, visibility: 'private' });
      await t.ctx.events.settle(); // Discover's shared pools take new notes in after commit
      return { author, mutual, fan, stranger, pub, mut, priv, tag, anon: new Client(t) };
    }

    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);

    test('note detail: only-me for the author, mutuals-only for mutuals', async () => {
      const s = await scene();
      const expect: Array<[Client, Note, number]> = [
        [s.author, s.priv, 200],
        [s.author, s.mut, 200],
        [s.mutual, s.mut, 200],
        [s.mutual, s.priv, 404],
        [s.fan, s.mut, 404],
        [s.fan, s.pub, 200],
        [s.stranger, s.priv, 404],
        [s.anon, s.mut, 404],
        [s.anon, s.pub, 200],
      ];
      for (const [who, note, status] of expect) {
        const res = await who.get(`/api/notes/${note.id}`);
        assert.equal(res.status, status, `${who.handle || 'anonymous'} → ${note.visibility}`);
      }
    });

    test('profile, following and topic lists apply the same rule', async () => {
      const s = await scene();
      const profile = (c: Client) => c.get(`/api/users/${s.author.handle}/notes`);
      assert.deepEqual(ids(await profile(s.author)), [s.priv.id, s.mut.id, s.pub.id]);
      assert.deepEqual(ids(await profile(s.mutual)), [s.mut.id, s.pub.id]);
      assert.deepEqual(ids(await profile(s.fan)), [s.pub.id]);
      assert.deepEqual(ids(await profile(s.anon)), [s.pub.id]);

      assert.deepEqual(ids(await s.mutual.get('/api/feed/following')), [s.mut.id, s.pub.id]);
      assert.deepEqual(ids(await s.fan.get('/api/feed/following')), [s.pub.id]);
      assert.deepEqual(ids(await s.stranger.get('/api/feed/following')), []);
      assert.equal((await s.anon.get('/api/feed/following')).status, 401);

      for (const sort of ['new', 'hot']) {
        const topic = (c: Client) => c.get(`/api/topics/${encodeURIComponent(s.tag)}/notes?sort=${sort}`);
        assert.deepEqual(new Set(ids(await topic(s.author))), new Set([s.priv.id, s.mut.id, s.pub.id]));
        assert.deepEqual(new Set(ids(await topic(s.mutual))), new Set([s.mut.id, s.pub.id]));
        assert.deepEqual(ids(await topic(s.stranger)), [s.pub.id]);
        assert.deepEqual(ids(await topic(s.anon)), [s.pub.id]);
      }
    });

    test('discover shows only public notes', async () => {
      const s = await scene();
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await s.mutual.get(`/api/feed/discover?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        for (const id of ids(res)) seen.add(id);
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.ok(seen.has(s.pub.id));
      assert.ok(!seen.has(s.mut.id));
      assert.ok(!seen.has(s.priv.id));
    });

    test('a block hides notes both ways: detail, profile, discover, following, topics', async () => {
      const s = await scene();
      await block(t, s.author, s.fan);
      assert.equal((await s.fan.get(`/api/notes/${s.pub.id}`)).status, 404);
      assert.equal((await s.fan.get(`/api/users/${s.author.handle}/notes`)).status, 404);
      assert.deepEqual(ids(await s.fan.get('/api/feed/following')), []);
      assert.deepEqual(ids(await s.fan.get(`/api/topics/${encodeURIComponent(s.tag)}/notes`)), []);
      const discover = await s.fan.get('/api/feed/discover?limit=50');
      assert.ok(!ids(discover).includes(s.pub.id));
      // The blocker does not see the blocked person's notes either.
      const fanNote = await createTextNote(s.fan, { body: `#${s.tag} from the fan` });
      await t.ctx.events.settle();
      assert.equal((await s.author.get(`/api/notes/${fanNote.id}`)).status, 404);
      assert.deepEqual(ids(await s.author.get(`/api/users/${s.fan.handle}/notes`)), []);
      assert.ok(!ids(await s.author.get(`/api/topics/${encodeURIComponent(s.tag)}/notes`)).includes(fanNote.id));
      assert.ok(!ids(await s.author.get('/api/feed/discover?limit=50')).includes(fanNote.id));
      // Everyone else still sees both.
      assert.ok(ids(await s.stranger.get(`/api/topics/${encodeURIComponent(s.tag)}/notes`)).includes(fanNote.id));
      const strangerDiscover = ids(await s.stranger.get('/api/feed/discover?limit=50'));
      assert.ok(strangerDiscover.includes(s.pub.id) && strangerDiscover.includes(fanNote.id));
    });

    test('only the author edits or deletes: 403 when visible, 404 when not', async () => {
      const s = await scene();
      for (const [who, note, status] of [
        [s.fan, s.pub, 403],
        [s.mutual, s.mut, 403],
        [s.fan, s.mut, 404],
        [s.stranger, s.priv, 404],
      ] as Array<[Client, Note, number]>) {
        const edit = await who.patch(`/api/notes/${note.id}`, { title: 'hijacked' });
        assert.equal(edit.status, status, `edit ${note.visibility}`);
        const del = await who.delete(`/api/notes/${note.id}`);
        assert.equal(del.status, status, `delete ${note.visibility}`);
      }
      assert.equal((await s.anon.patch(`/api/notes/${s.pub.id}`, { title: 'x' })).status, 401);
      assert.equal((await s.anon.delete(`/api/notes/${s.pub.id}`)).status, 401);
      for (const note of [s.pub, s.mut, s.priv]) {
        const res = await s.author.get<Note>(`/api/notes/${note.id}`);
        assert.equal(res.body.title, note.title);
      }
    });
  });
}
