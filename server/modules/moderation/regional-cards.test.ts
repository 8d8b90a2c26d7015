import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DiscoverPage } from '../../../contract/discover.js';
import type { RuleSet } from '../../../contract/moderation.js';
import type { NoteCard } from '../../../contract/notes.js';
import type { NoteHitPage } from '../../../contract/search.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { follow } from '../feed/feed.fixtures.js';
import { searchSettled } from '../search/search.fixtures.js';
import { LOCAL_LAW } from './moderation.fixtures.js';
import { grantRole } from './roles.js';


for (const kind of testDatabases()) {
  describe(`notes restricted in a region, in every list [${kind}]`, () => {
    let t: TestApp;
    let author: Client;
    let reader: Client;
    let noteId: string;
    let boardId: string;

    before(async () => {
      t = await startTestApp(kind, { MODERATION_REGION_HEADER: 'x-region' });
      const [admin, mod, collector] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      author = await signUpUser(t);
      reader = await signUpUser(t, { uiLocale: 'zh-Hans' });
      await grantRole(t.ctx.database.db, admin.handle, 'admin');
      await grantRole(t.ctx.database.db, mod.handle, 'moderator');
      // The regional rule comes from the admin page, as an operator would add it.
      const set = (await admin.get<RuleSet>('/api/rules')).body;
      const note = { en: 'Local law', 'zh-Hans': '当地法律', 'zh-Hant': '當地法律' };
      assert.equal((await admin.post('/api/rules/versions', { basedOn: set.version, note, rules: [...set.rules, LOCAL_LAW] })).status, 201);

      await follow(t, reader, author);
      const restricted = await createTextNote(author, { title: 'Bratwurst stand', body: 'The best currywurst stand #streetfood' });
      noteId = restricted.id;
      await createTextNote(author, { title: 'Harbour walk', body: 'A walk by the harbour #streetfood' });
      boardId = (await collector.post('/api/boards', { name: 'Food', visibility: 'public' })).body.id;
      assert.equal((await collector.post(`/api/notes/${noteId}/collect`, { boardId })).status, 200);
      const removed = await mod.post('/api/moderation/actions', { subjectKind: 'note', subjectId: noteId, action: 'remove', ruleId: 'local-law', note: 'court order' });
      assert.equal(removed.status, 201, removed.text);
      await searchSettled(t);
    });
    after(() => t.close());

    /** Every list a reader meets the note in, as the cards carrying it (undefined: not there). */
    async function lists(who: Client, region?: string): Promise<Record<string, NoteCard | undefined>> {
      const headers = { ...(region ? { 'x-region': region } : {}), 'x-kuaan-locale': 'zh-Hans' };
      const cards = async (url: string) => {
        const res = await who.get<{ items: NoteCard[] }>(url, { headers });
        assert.equal(res.status, 200, `${url}: ${res.text}`);
        return res.body.items.find((c) => c.id === noteId);
      };
      const search = await who.get<NoteHitPage>('/api/search/notes?q=currywurst', { headers });
      const discover = async (mode: string) =>
        (await who.get<DiscoverPage>(`/api/feed/discover?mode=${mode}&limit=50`, { headers })).body.items.find((c) => c.id === noteId);
      return {
        following: await cards('/api/feed/following'),
        topic: await cards('/api/topics/streetfood/notes?sort=new'),
        profile: await cards(`/api/users/${author.handle}/notes`),
        board: await cards(`/api/boards/${boardId}/notes`),
        search: search.body.items.find((h) => h.note.id === noteId)?.note,
        latest: await discover('chronological'),
        forYou: await discover('for_you'),
      };
    }

    it('in the rule’s region: a placeholder naming the rule in the reader’s language where they look for something specific; left out of Discover', async () => {
      const seen = await lists(reader, 'DE');
      for (const where of ['following', 'topic', 'profile', 'board', 'search'] as const) {
        const card = seen[where];
        assert.ok(card, `${where}: a placeholder is shown`);
        assert.deepEqual(card.unavailable, { ruleId: 'local-law', ruleTitle: '当地法律（德国）' }, where);
        assert.deepEqual([card.title, card.excerpt, card.cover], ['', '', null], `${where}: none of its content`);
      }
      assert.equal(seen.latest, undefined, 'Discover (Latest) leaves it out');
      assert.equal(seen.forYou, undefined, 'Discover (For you) leaves it out');
      assert.equal((await reader.get(`/api/notes/${noteId}`, { headers: { 'x-region': 'DE' } })).status, 451);
    });

    it('elsewhere, without a region, and for the author it is a normal card', async () => {
      for (const region of ['US', undefined]) {
        const seen = await lists(reader, region);
        for (const [where, card] of Object.entries(seen)) {
          assert.ok(card, `${where} (${region ?? 'no region'})`);
          assert.equal(card.title, 'Bratwurst stand');
          assert.equal(card.unavailable, undefined);
        }
      }
      const own = await author.get<{ items: NoteCard[] }>(`/api/users/${author.handle}/notes`, { headers: { 'x-region': 'DE' } });
      const card = own.body.items.find((c) => c.id === noteId)!;
      assert.equal(card.title, 'Bratwurst stand');
      assert.equal(card.unavailable, undefined);
      assert.equal((await author.get(`/api/notes/${noteId}`, { headers: { 'x-region': 'DE' } })).status, 200);
    });
  });
}
