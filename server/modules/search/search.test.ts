import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { NoteHit, NoteHitPage, TopicHitPage, Typeahead, UserHitPage } from '../../../contract/search.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createPhotoNote, createTextNote } from '../../test/note-factory.js';
import { searchSettled } from './search.fixtures.js';
import { searchIndexer } from './search.jobs.js';
import { TRENDING_TTL_MS } from './search.views.js';

const q = (s: string) => encodeURIComponent(s);
const titles = (page: NoteHitPage) => page.items.map((i) => i.note.title);

/** Strings that break naive search code: FTS syntax, SQL, huge, malformed, empty. */
const HOSTILE = [
  '"',
  '""',
  "'",
  '"*():^-',
  '火锅"',
  '"hot pot',
  '*',
  'hot*',
  '(',
  ')',
  '^',
  '-',
  'NOT',
  'hot NOT pot',
  'NEAR(hot pot)',
  'NEAR',
  'AND',
  'OR',
  'a AND b OR c NOT d',
  'title:hot',
  '{title}: x',
  "' OR 1=1 --",
  '; DROP TABLE notes; --',
  '\\',
  '%',
  '_',
  '\u0000',
  '​',
  '!!!',
  '。，、',
  '#',
  '##',
  '@',
  '🍲'.repeat(50),
  'x'.repeat(10_000),
  '火'.repeat(3000),
  '   ',
  '',
  'ǅ̈̈̈̈̈',
  '\uE000\uE001abc',
  ':*',
  "'a':* & !b",
  '<->',
];
/** Raw, already-encoded query strings: lone surrogates and bytes that are not UTF-8. */
const RAW_HOSTILE = ['%ED%A0%80', '%ED%A0%80abc%ED%B0%80', '%FF%FE', '%C0%AF', '%', '%%%', 'a&q=b', '%E7%81'];

for (const kind of testDatabases()) {
  describe(`search (${kind})`, () => {
    let t: TestApp;
    let amy: Client;
    let bo: Client;
    const ids: Record<string, string> = {};

    before(async () => {
      t = await startTestApp(kind);
      [amy, bo] = await Promise.all([
        signUpUser(t, { displayName: '小红书达人' }),
        signUpUser(t, { displayName: 'Bo Wang' }),
      ]);
      ids.hotpotZh = (await createTextNote(amy, { title: '重庆火锅真好吃', body: '周末和朋友去吃了 #火锅 🍲 还有 brunch 打卡' })).id;
      ids.hotpotEn = (await createTextNote(bo, { title: 'Best hot pot in town', body: 'Cooking dumplings at home after visiting the restaurants' })).id;
      ids.trad = (await createTextNote(bo, { title: '香港美食推薦', body: '臺灣旅行的時候也去了夜市' })).id;
      ids.simp = (await createTextNote(amy, { title: '台湾旅行攻略', body: '夜市小吃推荐 #小红书' })).id;
      await searchSettled(t);
    });
    after(() => t.close());

    const notes = async (query: string, client: Client = amy, extra = '') => {
      const res = await client.get<NoteHitPage>(`/api/search/notes?q=${q(query)}${extra}`);
      assert.equal(res.status, 200, res.text);
      return res.body;
    };
    const hit = (page: NoteHitPage, id: string): NoteHit | undefined => page.items.find((i) => i.note.id === id);

    it('finds Chinese notes by their words', async () => {
      assert.ok(hit(await notes('火锅'), ids.hotpotZh!));
      assert.ok(hit(await notes('攻略'), ids.simp!));
      assert.ok(hit(await notes('台湾旅行'), ids.simp!));
      assert.equal(hit(await notes('攻略'), ids.hotpotZh!), undefined);
    });

    it('finds English notes by stems, in any case', async () => {
      assert.ok(hit(await notes('cook'), ids.hotpotEn!));
      assert.ok(hit(await notes('DUMPLING'), ids.hotpotEn!));
      assert.ok(hit(await notes('restaurant'), ids.hotpotEn!));
      const page = await notes('cooking');
      assert.deepEqual(hit(page, ids.hotpotEn!)?.matchedVia, 'text');
    });

    it('finds mixed-language notes, emoji and hashtags', async () => {
      assert.ok(hit(await notes('brunch 打卡'), ids.hotpotZh!));
      assert.ok(hit(await notes('🍲'), ids.hotpotZh!));
      const tagged = await notes('#火锅');
      assert.deepEqual(titles(tagged), ['重庆火锅真好吃']);
    });

    it('folds Traditional and Simplified both ways', async () => {
      assert.ok(hit(await notes('美食推荐'), ids.trad!), 'a Simplified query finds Traditional text');
      assert.ok(hit(await notes('臺灣旅行攻略'), ids.simp!), 'a Traditional query finds Simplified text');
      assert.ok(hit(await notes('火鍋'), ids.hotpotZh!));
    });

    it('expands across languages through the dictionary and says so', async () => {
      const en = await notes('hot pot');
      assert.equal(hit(en, ids.hotpotEn!)?.matchedVia, 'text');
      assert.equal(hit(en, ids.hotpotZh!)?.matchedVia, 'translation');
      const zh = await notes('火锅');
      assert.equal(hit(zh, ids.hotpotZh!)?.matchedVia, 'text');
      assert.equal(hit(zh, ids.hotpotEn!)?.matchedVia, 'translation');
      assert.ok(hit(await notes('hotpot'), ids.hotpotZh!));
    });

    it('returns highlight ranges into the title and excerpt', async () => {
      const item = hit(await notes('火锅'), ids.hotpotZh!)!;
      assert.deepEqual(item.highlights.title, [{ start: 2, end: 4 }]);
      const en = hit(await notes('hot pot'), ids.hotpotEn!)!;
      assert.deepEqual(
        en.highlights.title.map((r) => en.note.title.slice(r.start, r.end)),
        ['hot', 'pot'],
      );
      const trad = hit(await notes('美食推荐'), ids.trad!)!;
      assert.equal(trad.note.title.slice(trad.highlights.title[0]!.start, trad.highlights.title[0]!.end), '美食推薦');
    });

    it('finds people by handle, name, pinyin and initials', async () => {
      const users = async (query: string) => (await bo.get<UserHitPage>(`/api/search/users?q=${q(query)}`)).body.items.map((i) => i.user.id);
      assert.ok((await users('xiaohongshu')).includes(amy.userId));
      assert.ok((await users('xhs')).includes(amy.userId));
      assert.ok((await users('小紅書')).includes(amy.userId));
      assert.ok((await users('bo wang')).includes(bo.userId));
      assert.ok((await users(bo.handle)).includes(bo.userId));
      const page = (await bo.get<UserHitPage>(`/api/search/users?q=xhs`)).body;
      assert.equal(page.items.find((i) => i.user.id === amy.userId)?.matchedVia, 'pinyin');
    });

    it('completes names in the typeahead, not bios; people search finds both', async () => {
      const maple = await signUpUser(t, { displayName: 'Maple' });
      assert.equal((await maple.patch('/api/me', { bio: 'quokkawatcher on weekends' })).status < 300, true);
      await searchSettled(t);
      const typeahead = async (query: string) => (await bo.get<Typeahead>(`/api/search/typeahead?q=${q(query)}`)).body.users.map((x) => x.user.id);
      assert.ok((await typeahead('mapl')).includes(maple.userId));
      assert.ok(!(await typeahead('quokka')).includes(maple.userId));
      assert.ok(!(await typeahead('quokkawatcher')).includes(maple.userId));
      const found = (await bo.get<UserHitPage>(`/api/search/users?q=quokkawatcher`)).body.items.map((i) => i.user.id);
      assert.ok(found.includes(maple.userId));
    });

    it('completes a handle typed into its digits, and a note named with a model number', async () => {
      const wen = await signUpUser(t, { handle: 'wen30dwg2', displayName: 'Wen' });
      await createTextNote(wen, { title: 'iphone15pro camera tips' });
      await searchSettled(t);
      const typeahead = async (query: string) =>
        (await bo.get<Typeahead>(`/api/search/typeahead?q=${q(query)}`)).body.users.map((x) => x.user.handle);
      // Letters and digits are indexed apart (wen, 30, dwg, 2): the digits glued to "wen" are still being typed.
      for (const typed of ['wen3', 'wen30', 'wen30d', 'wen30dw', 'wen30dwg2']) assert.ok((await typeahead(typed)).includes('wen30dwg2'), typed);
      assert.ok(!(await typeahead('wen4')).includes('wen30dwg2'));
      // Only the piece still being typed is a prefix: "3" followed by "dwg" was typed whole.
      assert.ok(!(await typeahead('wen3dwg')).includes('wen30dwg2'));
      assert.ok(hit(await notes('iphone1'), (await notes('iphone15pro')).items[0]!.note.id));
      // A lone digit is not a prefix: "3" alone would match every number that starts with it.
      assert.equal((await notes('3')).items.length, 0);
    });

    it('finds topics by name, pinyin and translation; typeahead completes prefixes', async () => {
      const topics = async (query: string) => (await bo.get<TopicHitPage>(`/api/search/topics?q=${q(query)}`)).body.items.map((i) => i.topic.name);
      assert.ok((await topics('xiaohongshu')).includes('小红书'));
      assert.ok((await topics('xhs')).includes('小红书'));
      assert.ok((await topics('huoguo')).includes('火锅'));
      assert.ok((await topics('hot pot')).includes('火锅'));
      const ta = (await bo.get<Typeahead>(`/api/search/typeahead?q=${q('xiaoh')}`)).body;
      assert.ok(ta.topics.some((x) => x.topic.name === '小红书'));
      assert.ok(ta.users.some((x) => x.user.id === amy.userId));
      const ta2 = (await bo.get<Typeahead>(`/api/search/typeahead?q=${q('火')}`)).body;
      assert.ok(ta2.topics.some((x) => x.topic.name === '火锅'));
    });

    it('sorts by likes, newest, comments and collects, and filters by type and time', async () => {
      const word = `sortword${kind}`;
      const a = await createTextNote(amy, { title: `${word} one` });
      const b = await createTextNote(amy, { title: `${word} two` });
      const c = await createPhotoNote(amy, 1, { title: `${word} three` });
      await searchSettled(t);
      await bo.post(`/api/notes/${b.id}/like`);
      const carol = await signUpUser(t);
      await carol.post(`/api/notes/${b.id}/like`);
      await carol.post(`/api/notes/${c.id}/like`);
      await bo.post(`/api/notes/${c.id}/comments`, { body: 'nice' });
      const byLikes = titles(await notes(word, amy, '&sort=likes'));
      assert.deepEqual(byLikes, [`${word} two`, `${word} three`, `${word} one`]);
      assert.deepEqual(titles(await notes(word, amy, '&sort=newest')), [`${word} three`, `${word} two`, `${word} one`]);
      assert.equal(titles(await notes(word, amy, '&sort=comments'))[0], `${word} three`);
      assert.equal((await notes(word, amy, '&sort=collects')).items.length, 3);
      assert.deepEqual(titles(await notes(word, amy, '&type=photo')), [`${word} three`]);
      assert.deepEqual(titles(await notes(word, amy, '&type=text&sort=newest')), [`${word} two`, `${word} one`]);
      await t.ctx.database.db.updateTable('notes').set({ created_at: Date.now() - 30 * 24 * 3600 * 1000 }).where('id', '=', a.id).execute();
      assert.deepEqual(titles(await notes(word, amy, '&time=week&sort=newest')), [`${word} three`, `${word} two`]);
      assert.equal((await notes(word, amy, '&time=half_year')).items.length, 3);
      // Keyset pages: every note once, in order.
      for (const sort of ['relevance', 'likes', 'newest']) {
        const first = await notes(word, amy, `&sort=${sort}&limit=2`);
        assert.equal(first.items.length, 2);
        assert.ok(first.nextCursor);
        const second = await notes(word, amy, `&sort=${sort}&limit=2&cursor=${first.nextCursor}`);
        assert.equal(second.items.length, 1);
        assert.equal(second.nextCursor, null);
        assert.equal(new Set([...titles(first), ...titles(second)]).size, 3);
      }
    });

    it('never shows private notes to others, mutuals-only notes to non-mutuals, or blocked people', async () => {
      const word = `secretword${kind}`;
      const priv = await createTextNote(amy, { title: `${word} private`, visibility: 'private' });
      const mutual = await createTextNote(amy, { title: `${word} mutuals`, visibility: 'mutuals' });
      const pub = await createTextNote(amy, { title: `${word} public` });
      await searchSettled(t);
      assert.deepEqual(new Set(titles(await notes(word, amy))), new Set([`${word} private`, `${word} mutuals`, `${word} public`]));
      const stranger = await signUpUser(t);
      assert.deepEqual(titles(await notes(word, stranger)), [`${word} public`]);
      const anonymous = (await new (amy.constructor as typeof Client)(t).get<NoteHitPage>(`/api/search/notes?q=${word}`)).body;
      assert.deepEqual(titles(anonymous), [`${word} public`]);
      // Mutual followers see the mutuals-only note.
      const friend = await signUpUser(t);
      await friend.post(`/api/users/${amy.handle}/follow`);
      await amy.post(`/api/users/${friend.handle}/follow`);
      assert.ok(hit(await notes(word, friend), mutual.id));
      assert.equal(hit(await notes(word, friend), priv.id), undefined);
      // A block hides everything, both ways: notes, the person, in the typeahead too.
      const blocker = await signUpUser(t);
      assert.ok(hit(await notes(word, blocker), pub.id));
      assert.equal((await blocker.post(`/api/users/${amy.handle}/block`)).status < 300, true);
      await searchSettled(t);
      assert.equal((await notes(word, blocker)).items.length, 0);
      assert.equal((await notes(word, amy)).items.some((i) => i.note.author.id === blocker.userId), false);
      const people = (await blocker.get<UserHitPage>(`/api/search/users?q=xiaohongshu`)).body;
      assert.equal(people.items.some((i) => i.user.id === amy.userId), false);
      const ta = (await blocker.get<Typeahead>(`/api/search/typeahead?q=xhs`)).body;
      assert.equal(ta.users.some((i) => i.user.id === amy.userId), false);
    });

    it('indexes incrementally after create, update and delete', async () => {
      const note = await createTextNote(bo, { title: 'Kayaking on the lake', body: 'Early morning paddle' });
      await searchSettled(t);
      assert.ok(hit(await notes('kayak'), note.id));
      assert.equal((await bo.patch(`/api/notes/${note.id}`, { title: 'Snorkeling at the reef' })).status, 200);
      await searchSettled(t);
      assert.equal(hit(await notes('kayak'), note.id), undefined);
      assert.ok(hit(await notes('snorkel'), note.id));
      assert.equal((await bo.delete(`/api/notes/${note.id}`)).status < 300, true);
      await searchSettled(t);
      assert.equal(hit(await notes('snorkel'), note.id), undefined);
      const docs = await t.ctx.database.db.selectFrom('search_documents').select('ref_id').where('ref_id', '=', note.id).execute();
      assert.equal(docs.length, 0);
    });

    it('reindexes people when their profile changes (user sweep, and user.updated once emitted)', async () => {
      const cat = await signUpUser(t, { displayName: 'Cat Li' });
      await searchSettled(t);
      assert.equal((await cat.patch('/api/me', { displayName: '李小猫', bio: 'I love sourdough' })).status < 300, true);
      await searchSettled(t);
      const found = (await bo.get<UserHitPage>(`/api/search/users?q=lixiaomao`)).body.items.map((i) => i.user.id);
      assert.ok(found.includes(cat.userId));
      assert.ok((await bo.get<UserHitPage>(`/api/search/users?q=sourdough`)).body.items.some((i) => i.user.id === cat.userId));
      t.ctx.events.emit('user.updated', { userId: cat.userId });
      await searchSettled(t);
    });

    it('rebuilds the whole index from scratch with reindex', async () => {
      await t.ctx.search.clear(t.ctx.database.db);
      assert.equal((await notes('火锅')).items.length, 0);
      const lines: string[] = [];
      const counts = await searchIndexer(t.ctx).reindexAll((l) => lines.push(l), 2);
      assert.ok(counts.notes >= 4 && counts.users >= 2 && counts.topics >= 2);
      assert.ok(lines.some((l) => /^notes: \d+\/\d+$/.test(l)));
      assert.ok(hit(await notes('火锅'), ids.hotpotZh!));
      assert.ok((await bo.get<UserHitPage>(`/api/search/users?q=xhs`)).body.items.some((i) => i.user.id === amy.userId));
      if (kind === 'postgres') {
        // The planner's statistics describe the rebuilt table (ANALYZE sets reltuples to what it counted).
        const { rows } = await sql<{ reltuples: number; n: number }>`SELECT reltuples::float8 AS reltuples,
          (SELECT count(*) FROM search_documents)::float8 AS n FROM pg_class WHERE relname = 'search_documents'`.execute(t.ctx.database.db);
        assert.equal(rows[0]!.reltuples, rows[0]!.n);
      }
    });

    it('lists trending topics with view counts', async () => {
      const res = await bo.get('/api/topics/trending');
      assert.equal(res.status, 200);
      const names = res.body.items.map((i: { name: string }) => i.name);
      assert.ok(names.includes('火锅'));
      for (const item of res.body.items) assert.equal(typeof item.viewCount, 'number');
      // The static route wins over /api/topics/:name; other topics still resolve.
      assert.equal((await bo.get(`/api/topics/${q('火锅')}`)).status, 200);
    });

    it('serves trending topics from a per-node cache, read again after its TTL', async () => {
      // An app of its own, so the cache starts empty and its clock can move without touching the others.
      const own = await startTestApp(kind);
      try {
        const cat = await signUpUser(own);
        const names = async () => (await cat.get<{ items: Array<{ name: string }> }>('/api/topics/trending')).body.items.map((i) => i.name);
        assert.deepEqual(await names(), []);
        await createTextNote(cat, { title: 'cache check', body: '#trendcachecheck' });
        assert.deepEqual(await names(), [], 'within the TTL the same answer');
        own.ctx.clock = { now: () => Date.now() + TRENDING_TTL_MS + 1 };
        let seen: string[] = [];
        for (let i = 0; i < 100 && !seen.includes('trendcachecheck'); i++) {
          seen = await names(); // the first call after the TTL answers stale and refreshes behind it
          if (!seen.includes('trendcachecheck')) await new Promise((r) => setTimeout(r, 20));
        }
        assert.ok(seen.includes('trendcachecheck'), 'after the TTL the new topic is there');
      } finally {
        await own.close();
      }
    });

    it('treats hostile queries as text: never a 5xx, results or an empty list', async () => {
      for (const endpoint of ['notes', 'users', 'topics', 'typeahead']) {
        for (const text of HOSTILE) {
          const res = await bo.get(`/api/search/${endpoint}?q=${q(text)}`);
          assert.equal(res.status, 200, `${endpoint} ${JSON.stringify(text.slice(0, 20))}: ${res.text.slice(0, 200)}`);
        }
        for (const raw of RAW_HOSTILE) {
          const res = await bo.get(`/api/search/${endpoint}?q=${raw}`);
          assert.ok(res.status < 500, `${endpoint} ${raw}: ${res.status} ${res.text.slice(0, 200)}`);
        }
        const tooLong = await bo.get(`/api/search/${endpoint}?q=${'y'.repeat(10_001)}`, { locale: 'en' });
        assert.equal(tooLong.status, 400);
        assert.equal(tooLong.body.code, 'validation_failed');
        assert.match(tooLong.body.detail, /q/);
      }
      assert.equal((await notes('')).items.length, 0);
      assert.equal((await notes('!!!')).items.length, 0);
      assert.ok(hit(await notes('"火锅"'), ids.hotpotZh!), 'quotes are just text');
      assert.ok(hit(await notes('hot AND pot'), ids.hotpotEn!), 'operators are just words');
      const bad = await bo.get('/api/search/notes?q=x&cursor=notacursor');
      assert.equal(bad.status, 400);
    });
  });
}
