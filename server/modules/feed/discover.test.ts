import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DiscoverItem, DiscoverPage, FeedPreferences } from '../../../contract/discover.js';
import { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { grantRole } from '../moderation/roles.js';
import { READER_CHANNEL } from './discover.routes.js';
import { block, follow, like } from './feed.fixtures.js';

const MONTH = 30 * 86_400_000;

// Each story on the event loop, and again with pages ranked on two threads (readers spread over both).
for (const [kind, threads] of testDatabases().flatMap((k) => [[k, 0] as const, [k, 2] as const])) {
  describe(`discover pipeline (${kind}${threads ? `, ${threads} threads` : ''})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { DISCOVER_THREADS: String(threads) });
    });
    after(() => t.close());

    /** Every page of Discover for a reader, at most `pages` of them. */
    async function walk(client: Client, limit: number, query = '', pages = 50): Promise<DiscoverItem[][]> {
      const out: DiscoverItem[][] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: DiscoverPage } = await client.get(
          `/api/feed/discover?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(res.body.items.length <= limit);
        out.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor && out.length < pages);
      return out;
    }

    /** Makes a person look established (joined a month ago), so only real newcomers get a fair start. */
    async function establish(...clients: Client[]) {
      const at = Date.now() - 2 * MONTH;
      for (const c of clients) await t.ctx.database.db.updateTable('users').set({ created_at: at }).where('id', '=', c.userId).execute();
    }

    async function english(c: Client) {
      const res = await c.patch('/api/me', { languages: [{ lang: 'en', kind: 'native' }] });
      assert.equal(res.status, 200, res.text);
    }

    test('each source gives candidates, and every card says the real reasons', async () => {
      const [reader, friend, cook, fan, chinese] = await signUpUsers(t, 5);
      await establish(reader!, friend!, cook!, fan!, chinese!);
      await english(reader!);
      await follow(t, reader!, friend!);
      const fromFriend = await createTextNote(friend!, { body: 'A walk by the river this morning.' });
      // The reader liked a hot-pot note before; a new one should come for that topic.
      const older = await createTextNote(fan!, { body: 'My first #hotpot of the winter.' });
      await like(t, older.id, [reader!]);
      const hotpot = await createTextNote(cook!, { body: 'Spicy broth tonight #hotpot' });
      const zh = await createTextNote(chinese!, { title: '周末去爬山', body: '今天天气很好，我们去爬山了，山上的风景非常美丽。' });
      const newcomer = await signUpUser(t);
      const fresh = await createTextNote(newcomer, { body: 'Hello everyone, I just arrived here.' });
      await t.ctx.events.settle(); // language detection runs after commit

      const items = (await walk(reader!, 20)).flat();
      const byId = new Map(items.map((i) => [i.id, i]));
      const kinds = (id: string) => byId.get(id)?.reasons.map((r) => r.kind) ?? [];
      assert.deepEqual(byId.get(fromFriend.id)?.reasons[0], { kind: 'following', handle: friend!.handle });
      assert.ok(
        byId.get(hotpot.id)?.reasons.some((r) => r.kind === 'engaged_topic' && r.topic === 'hotpot'),
        JSON.stringify(kinds(hotpot.id)),
      );
      const zhReason = byId.get(zh.id)?.reasons.find((r) => r.kind === 'other_language');
      assert.equal(zhReason?.lang, 'zh-Hans');
      assert.equal(zhReason?.via, 'gloss', 'no provider is configured: the built-in gloss makes it readable');
      assert.ok(kinds(fresh.id).includes('newcomer'), JSON.stringify(kinds(fresh.id)));
      assert.ok(!kinds(fromFriend.id).includes('newcomer'), 'established people get no newcomer reason');
      assert.ok(!byId.has(older.id), 'a note the reader already liked is not offered again');
    });

    test('rules: own notes, blocked people, "not interested" notes and topics never appear', async () => {
      const [reader, other, blocked] = await signUpUsers(t, 3);
      const mine = await createTextNote(reader!);
      const skip = await createTextNote(other!, { body: 'Not for me.' });
      const topicNote = await createTextNote(other!, { body: 'All about #knitting today' });
      const keep = await createTextNote(other!, { body: 'This one stays.' });
      const fromBlocked = await createTextNote(blocked!);
      await block(t, reader!, blocked!);
      await t.ctx.events.settle(); // new notes refresh the shared pools after commit
      assert.equal((await reader!.post('/api/feed/not-interested', { noteId: skip.id })).status, 200);
      const topicMark = await reader!.post('/api/feed/not-interested', { topic: '#Knitting' });
      assert.equal(topicMark.status, 200);
      assert.equal(topicMark.body.target, 'knitting');

      const ids = new Set((await walk(reader!, 50)).flat().map((i) => i.id));
      for (const gone of [mine.id, skip.id, topicNote.id, fromBlocked.id]) assert.ok(!ids.has(gone), gone);
      assert.ok(ids.has(keep.id));

      const list = await reader!.get('/api/feed/not-interested');
      assert.deepEqual(list.body.items.map((i: { kind: string }) => i.kind).sort(), ['note', 'topic']);
      assert.equal((await reader!.delete('/api/feed/not-interested/topics/knitting')).status, 204);
      assert.equal((await reader!.delete('/api/feed/not-interested/topics/knitting')).status, 404);
      assert.ok((await walk(reader!, 50)).flat().some((i) => i.id === topicNote.id), 'undone: the topic is back');
      assert.equal((await reader!.post('/api/feed/not-interested', { topic: 'no-such-topic-here' })).status, 404);
      const hidden = await createTextNote(other!, { visibility: 'private' });
      assert.equal((await reader!.post('/api/feed/not-interested', { noteId: hidden.id })).status, 404);
    });

    test('a first page asked for again reuses the list, but blocks and follows apply at once', async () => {
      const [reader, loud, friend] = await signUpUsers(t, 3);
      const fromLoud = await createTextNote(loud!);
      const fromFriend = await createTextNote(friend!);
      await t.ctx.events.settle();
      const first = (await walk(reader!, 50, '', 1)).flat();
      assert.ok(first.some((i) => i.id === fromLoud.id));
      assert.equal((await reader!.post(`/api/users/${loud!.handle}/block`)).status, 200);
      const again = (await walk(reader!, 50, '', 1)).flat();
      assert.ok(!again.some((i) => i.id === fromLoud.id), 'the block applies to a reused list');
      assert.ok(!again.find((i) => i.id === fromFriend.id)?.reasons.some((r) => r.kind === 'following'));
      assert.equal((await reader!.post(`/api/users/${friend!.handle}/follow`)).status, 200);
      await t.ctx.events.settle();
      const followed = (await walk(reader!, 50, '', 1)).flat().find((i) => i.id === fromFriend.id);
      // Says what it saw: this failed once in CI (2 threads, SQLite) and not in 40 runs since, alone or three at a time.
      assert.ok(
        followed?.reasons.some((r) => r.kind === 'following'),
        `following someone re-ranks at once; the friend's note: ${JSON.stringify(followed?.reasons ?? 'not on the first page')}`,
      );
    });

    test('a note a moderator limited is never recommended; a labelled one still is', async () => {
      const [reader, author, other, mod] = await signUpUsers(t, 4);
      assert.equal(await grantRole(t.ctx.database.db, mod!.handle, 'moderator'), true);
      const limited = await createTextNote(author!, { body: 'Buy followers here, cheap!' });
      const labelled = await createTextNote(other!, { body: 'A graphic but useful first-aid photo guide.' });
      for (const [note, action] of [
        [limited, 'limit'],
        [labelled, 'label'],
      ] as const) {
        const res = await mod!.post('/api/moderation/actions', { subjectKind: 'note', subjectId: note.id, action, ruleId: 'spam', note: 'test' });
        assert.equal(res.status, 201, res.text);
      }
      await t.ctx.events.settle();
      const ids = new Set((await walk(reader!, 50)).flat().map((i) => i.id));
      assert.ok(!ids.has(limited.id), 'limited: out of recommendation');
      assert.ok(ids.has(labelled.id), 'labelled: still recommended (blurred by the web)');
    });

    test('"not interested" takes effect on the next page of a list ranked before it', async () => {
      const reader = await signUpUser(t);
      const authors = await signUpUsers(t, 6);
      const quilting: string[] = [];
      for (const a of authors.slice(0, 4)) quilting.push((await createTextNote(a, { body: 'New squares #quilting' })).id);
      for (const a of authors.slice(4)) await createTextNote(a, { body: 'Something else entirely.' });
      await t.ctx.events.settle();
      const first = await reader.get<DiscoverPage>('/api/feed/discover?limit=2');
      const cursor = first.body.nextCursor!;
      assert.ok(cursor);
      /** Every later page of that first list, through its own cursors. */
      const rest = async () => {
        const ids: string[] = [];
        for (let c: string | null = cursor, n = 0; c && n < 50; n++) {
          const res: { body: DiscoverPage } = await reader.get(`/api/feed/discover?limit=2&cursor=${c}`);
          ids.push(...res.body.items.map((i) => i.id));
          c = res.body.nextCursor;
        }
        return ids;
      };
      const before = await rest();
      const note = before[0]!;
      // At most two notes of a topic share a page, so some quilting notes are on later pages.
      assert.ok(quilting.some((id) => before.includes(id) && id !== note));
      assert.equal((await reader.post('/api/feed/not-interested', { noteId: note })).status, 200);
      assert.equal((await reader.post('/api/feed/not-interested', { topic: 'quilting' })).status, 200);
      const after = await rest(); // the same list: its cursors name it
      assert.ok(!after.includes(note), 'the note marked is gone from the rest of the list');
      for (const id of quilting) assert.ok(!after.includes(id), 'the topic marked is gone from the rest of the list');
    });

    test('a notice from another node makes the reader’s next first page ranked afresh', async () => {
      const [reader, friend] = await signUpUsers(t, 2);
      const note = await createTextNote(friend!, { body: 'From a friend to be.' });
      await t.ctx.events.settle();
      const reasonsOf = async () => {
        const item = (await walk(reader!, 50)).flat().find((i) => i.id === note.id);
        return (item?.reasons ?? []).map((r) => r.kind);
      };
      assert.ok(!(await reasonsOf()).includes('following'));
      // Followed through another node: this node heard no domain event, so it reuses the list…
      await follow(t, reader!, friend!);
      assert.ok(!(await reasonsOf()).includes('following'));
      // …until that node's notice arrives on the bus.
      await t.ctx.bus.publish(READER_CHANNEL, { userId: reader!.userId });
      let kinds: string[] = [];
      for (let i = 0; i < 100 && !kinds.includes('following'); i++) {
        await new Promise((r) => setTimeout(r, 10));
        kinds = await reasonsOf();
      }
      assert.ok(kinds.includes('following'), kinds.join(', '));
    });

    test('no author twice on a page, and paging neither repeats nor loses notes', async () => {
      const authors = await signUpUsers(t, 4);
      const reader = await signUpUser(t);
      const made: string[] = [];
      // Plainly English: the factory's random title ('note 8ba7da') reads as Italian about 1 time in 330,
      // and an English reader is not offered a note nobody can make readable.
      const plainEnglish = { body: 'Hello from a test note about the weather and the walk home today.' };
      for (let round = 0; round < 3; round++) for (const a of authors) made.push((await createTextNote(a, plainEnglish)).id);
      await t.ctx.events.settle();
      const pages = await walk(reader, 4);
      for (const page of pages) {
        const handles = page.map((i) => i.author.handle);
        assert.equal(new Set(handles).size, handles.length, `a page repeats an author: ${handles.join(', ')}`);
      }
      const all = pages.flat().map((i) => i.id);
      assert.equal(new Set(all).size, all.length, 'no note twice');
      for (const id of made) assert.ok(all.includes(id), 'every note is reached');
    });

    test('the language mix follows the reader’s share, and 0 leaves other languages out', async () => {
      const reader = await signUpUser(t);
      await english(reader);
      const zhAuthors = await signUpUsers(t, 6);
      const enAuthors = await signUpUsers(t, 6);
      for (const a of zhAuthors) await createTextNote(a, { title: '我的午饭', body: '今天中午我做了西红柿炒鸡蛋，味道很好，大家也试试吧。' });
      for (const a of enAuthors) await createTextNote(a, { body: 'Lunch today was a tomato and egg stir fry, try it.' });
      await t.ctx.events.settle();

      const share = async (value: number) => {
        const res = await reader.patch<FeedPreferences>('/api/me/feed-preferences', { otherLanguageShare: value });
        assert.equal(res.status, 200);
        assert.equal(res.body.otherLanguageShare, value);
      };
      await share(0);
      const none = (await walk(reader, 50)).flat();
      assert.ok(none.length > 0);
      assert.ok(none.every((i) => !i.reasons.some((r) => r.kind === 'other_language')), 'share 0: none');

      await share(50);
      const [first] = await walk(reader, 4, '', 1);
      const other = first!.filter((i) => i.reasons.some((r) => r.kind === 'other_language')).length;
      assert.equal(other, 2, 'half of a page of four');
    });

    test('chronological mode: newest first, saved or per request', async () => {
      const [reader, author] = await signUpUsers(t, 2);
      const a = await createTextNote(author!);
      const b = await createTextNote(author!);
      const res = await reader!.patch<FeedPreferences>('/api/me/feed-preferences', { mode: 'chronological' });
      assert.equal(res.body.mode, 'chronological');
      const pages = await walk(reader!, 1, '', 2);
      assert.deepEqual(
        pages.flat().map((i) => i.id),
        [b.id, a.id],
      );
      assert.deepEqual(pages.flat()[0]!.reasons, [{ kind: 'latest' }]);
      const ranked = await reader!.get<DiscoverPage>('/api/feed/discover?mode=for_you');
      assert.equal(ranked.body.mode, 'for_you');
    });

    test('signed out, Discover still works; preferences need a session and valid values', async () => {
      const author = await signUpUser(t);
      await createTextNote(author);
      await t.ctx.events.settle();
      const anon = new Client(t);
      const res = await anon.get<DiscoverPage>('/api/feed/discover');
      assert.equal(res.status, 200);
      assert.ok(res.body.items.length > 0);
      assert.equal((await anon.get('/api/me/feed-preferences')).status, 401);
      assert.equal((await author.patch('/api/me/feed-preferences', { otherLanguageShare: 101 })).status, 400);
      assert.equal((await author.patch('/api/me/feed-preferences', {})).status, 400);
      assert.equal((await author.patch('/api/me/feed-preferences', { mode: 'random' })).status, 400);
      const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      for (const cursor of ['garbage', forged(['x', 1, 'y']), forged(['r', -1, '1']), forged(['r', 0.5, '1']), forged(['r', 1, 2])]) {
        const res = await author.get(`/api/feed/discover?cursor=${cursor}`);
        assert.equal(res.status, 400, cursor);
        assert.equal(res.body.field, 'cursor');
      }
      assert.equal((await author.get('/api/feed/discover?mode=random')).status, 400);
      assert.deepEqual((await author.get<FeedPreferences>('/api/me/feed-preferences')).body, { otherLanguageShare: 30, mode: 'for_you' });
    });
  });
}
