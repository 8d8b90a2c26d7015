import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NoteCard, Topic } from '../../../contract/notes.js';
import { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createPhotoNote, createTextNote } from '../../test/note-factory.js';
import { project } from '../moderation/effects.js';
import { bumpNoteCounters } from '../notes/hot-score.js';
import { scheduleTopicScores } from '../notes/topic-scores.jobs.js';
import { bumpTopicComments } from '../notes/topics.repo.js';
import { follow, like } from './feed.fixtures.js';

type CardPage = { items: NoteCard[]; nextCursor: string | null };

for (const kind of testDatabases()) {
  describe(`feeds and topics (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      // A flush interval longer than the suite: only explicit flushes write views here.
      t = await startTestApp(kind, { VIEW_FLUSH_MS: '3600000' });
    });
    after(() => t.close());

    async function walk(client: Client, url: string, limit: number): Promise<NoteCard[][]> {
      const pages: NoteCard[][] = [];
      let cursor: string | null = null;
      do {
        const sep = url.includes('?') ? '&' : '?';
        const res: { status: number; body: CardPage } = await client.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200);
        assert.ok(res.body.items.length <= limit);
        pages.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor && pages.length < 200);
      return pages;
    }

    test('discover puts a note people engage with above fresh ones nobody has touched', async () => {
      const [reader, a, b, c] = await signUpUsers(t, 4);
      const fans = await signUpUsers(t, 5);
      // Established authors: no newcomer's fair start in this comparison.
      await t.ctx.database.db.updateTable('users').set({ created_at: 0 }).where('id', 'in', [a!.userId, b!.userId, c!.userId]).execute();
      const liked = await createTextNote(a!, { title: 'liked by five' });
      const quiet1 = await createTextNote(b!, { title: 'quiet one' });
      const quiet2 = await createTextNote(c!, { title: 'quiet two' });
      await like(t, liked.id, fans);
      await t.ctx.events.settle(); // new notes refresh Discover's shared pools after commit
      const order = (await walk(reader!, '/api/feed/discover', 50)).flat().map((card) => card.id);
      const at = (id: string) => order.indexOf(id);
      assert.ok(at(liked.id) >= 0 && at(liked.id) < at(quiet1.id) && at(liked.id) < at(quiet2.id), order.join());
      const fanView = (await walk(fans[1]!, '/api/feed/discover', 50)).flat();
      assert.ok(!fanView.some((card) => card.id === liked.id), 'a note someone liked is not offered to them again');
      const card = (await walk(reader!, '/api/feed/discover', 50)).flat().find((x) => x.id === liked.id)!;
      assert.equal(card.likeCount, 5);
      assert.equal(card.likedByMe, false);
    });

    test('cards carry a cover for photo notes and an excerpt for text notes', async () => {
      const author = await signUpUser(t);
      const photo = await createPhotoNote(author, 2, { alts: ['cover alt', 'second'] });
      const text = await createTextNote(author, { body: '长'.repeat(200) });
      const res = await author.get<CardPage>(`/api/users/${author.handle}/notes`);
      const [textCard, photoCard] = res.body.items;
      assert.equal(photoCard!.id, photo.id);
      assert.equal(photoCard!.cover?.id, photo.images[0]!.id);
      assert.equal(photoCard!.cover?.alt, 'cover alt');
      assert.equal(textCard!.id, text.id);
      assert.equal(textCard!.cover, null);
      assert.ok(textCard!.excerpt.length < 100 && textCard!.excerpt.startsWith('长长'));
      assert.equal(textCard!.author.handle, author.handle);
    });

    test('following: newest first across the people I follow, paged', async () => {
      const [me, a, b, notFollowed] = await signUpUsers(t, 4);
      await follow(t, me!, a!);
      await follow(t, me!, b!);
      const expected: string[] = [];
      for (let i = 0; i < 5; i++) {
        expected.unshift((await createTextNote(i % 2 ? a! : b!, { title: `f${i}` })).id);
        await createTextNote(notFollowed!);
      }
      const pages = await walk(me!, '/api/feed/following', 2);
      assert.deepEqual(pages.map((p) => p.length), [2, 2, 1]);
      assert.deepEqual(pages.flat().map((c) => c.id), expected);
    });

    test('profile notes: newest first, paged, 404 for an unknown handle', async () => {
      const author = await signUpUser(t);
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.unshift((await createTextNote(author)).id);
      const pages = await walk(new Client(t), `/api/users/${author.handle.toUpperCase()}/notes`, 2);
      assert.deepEqual(pages.flat().map((c) => c.id), made);
      assert.equal((await author.get('/api/users/nobody_by_this_name/notes')).status, 404);
    });

    test('a cursor that was not given out is a 400', async () => {
      const me = await signUpUser(t);
      for (const cursor of ['garbage', Buffer.from('["x",1]').toString('base64url'), Buffer.from('[1e999,"x"]').toString('base64url')]) {
        const res = await me.get(`/api/feed/discover?cursor=${cursor}`);
        assert.equal(res.status, 400);
        assert.equal(res.body.field, 'cursor');
      }
      assert.equal((await me.get('/api/feed/discover?limit=0')).status, 400);
      assert.equal((await me.get('/api/feed/discover?limit=51')).status, 400);
      assert.equal((await me.get('/api/feed/discover?offset=5')).status, 400);
    });

    test('topics: note, view and comment counts; sorting by hot and new', async () => {
      const [author, reader] = await signUpUsers(t, 2);
      const tag = `话题${Date.now()}`;
      const older = await createTextNote(author!, { body: `#${tag} older` });
      const newer = await createTextNote(author!, { body: `#${tag.toUpperCase()} newer, same topic` });
      await like(t, older.id, [reader!]);
      // Two comments land the way the comments module records them: note counter and topic counters.
      await bumpNoteCounters(t.ctx.database.db, older.id, { comments: 2 });
      await bumpTopicComments(t.ctx.database.db, older.id, 2);

      const url = `/api/topics/${encodeURIComponent(`#${tag}`)}`;
      const first = await reader!.get<Topic>(url);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.body, { name: tag, noteCount: 2, viewCount: 0, commentCount: 2 });
      await reader!.get(url);
      await new Client(t).get(url);
      assert.equal((await reader!.get<Topic>(url)).body.viewCount, 0, 'views are buffered, not written per view');
      await t.app.viewCounter.flush();
      assert.equal((await reader!.get<Topic>(url)).body.viewCount, 4);

      // The topic rows' copy of the scores trails until the recurring job runs (ADR 0015): run it now.
      await scheduleTopicScores(t.ctx, Date.now());
      await t.ctx.queue.drain();
      const hot = await reader!.get<CardPage>(`${url}/notes?sort=hot`);
      assert.deepEqual(hot.body.items.map((c) => c.id), [older.id, newer.id]);
      const fresh = await reader!.get<CardPage>(`${url}/notes?sort=new&limit=1`);
      assert.deepEqual(fresh.body.items.map((c) => c.id), [newer.id]);
      const rest = await reader!.get<CardPage>(`${url}/notes?sort=new&limit=1&cursor=${fresh.body.nextCursor}`);
      assert.deepEqual(rest.body.items.map((c) => c.id), [older.id]);
      assert.equal(rest.body.nextCursor, null);

      await author!.delete(`/api/notes/${older.id}`);
      const afterDelete = (await reader!.get<Topic>(url)).body;
      assert.equal(afterDelete.noteCount, 1);
      assert.equal(afterDelete.commentCount, 0);
      assert.equal((await reader!.get(`/api/topics/${encodeURIComponent('no such topic here')}`)).status, 404);
      assert.equal((await reader!.get(`${url}/notes?sort=best`)).status, 400);
    });

    test('topic pages leave held notes out of the index they walk, and take them back when released', async () => {
      const [author, reader] = await signUpUsers(t, 2);
      const tag = `守门${Date.now()}`;
      const kept = await createTextNote(author!, { body: `#${tag} kept` });
      const held = await createTextNote(author!, { body: `#${tag} held` });
      const db = t.ctx.database.db;
      const status = (state: string) => ({ state, eventId: null, until: null, region: null });
      const flags = async (noteId: string) =>
        (await db.selectFrom('note_hashtags').select('recommendable').where('note_id', '=', noteId).execute()).map((r) => Number(r.recommendable));
      const topicIds = async (sort: 'hot' | 'new') =>
        (await reader!.get<CardPage>(`/api/topics/${encodeURIComponent(`#${tag}`)}/notes?sort=${sort}`)).body.items.map((c) => c.id);

      await project(db, 'note', held.id, status('held'));
      assert.deepEqual(await flags(held.id), [0]);
      // A topic added to the note while it is held starts out of the index too.
      const edited = await author!.patch(`/api/notes/${held.id}`, { body: `#${tag} held #${tag}b` });
      assert.equal(edited.status, 200, edited.text);
      assert.deepEqual(await flags(held.id), [0, 0]);
      assert.deepEqual(await topicIds('hot'), [kept.id]);
      assert.deepEqual(await topicIds('new'), [kept.id]);

      await project(db, 'note', held.id, status('normal'));
      assert.deepEqual(await flags(held.id), [1, 1]);
      assert.deepEqual(await topicIds('new'), [held.id, kept.id]);
      await project(db, 'note', held.id, status('limited'));
      assert.deepEqual(await flags(held.id), [0, 0], 'limited notes stay out of recommendation, topics included');
    });
  });
}
