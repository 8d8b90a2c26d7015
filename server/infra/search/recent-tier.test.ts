import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SearchIndexer } from '../../modules/search/search.indexer.js';
import { SearchText } from '../../modules/search/search.text.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { createSearchIndex } from './create-search-index.js';
import type { QueryAlternative, SearchDocument, SearchIndex, SearchQuery } from './search-index.js';

const alt = (terms: string[], opts: Partial<QueryAlternative> = {}): QueryAlternative => ({ terms, phrase: false, prefix: false, via: 'text', ...opts });
const query = (...groups: QueryAlternative[][]): SearchQuery => ({ groups: groups.map((alternatives) => ({ alternatives })) });
const note = (refId: string, title: string[], body: string[] = []): SearchDocument => ({ kind: 'note', refId, fields: { title, names: [], body } });

/** A small deterministic generator, so the corpus is the same on every run and database. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The recent tier with sizes small enough to see: the same suite against both engines. */
for (const kind of testDatabases()) {
  describe(`search recent tier (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { JOBS_WORKERS: '0' });
    });
    after(() => t.close());

    const rows = async (index: SearchIndex, q: SearchQuery) =>
      (await t.ctx.database.db.selectFrom(index.matches('note', q)).select(['m.ref_id', 'm.score']).orderBy('m.score', 'desc').orderBy('m.ref_id', 'desc').execute()).map(
        (r) => ({ ref: r.ref_id, score: Number(r.score) }),
      );
    const refs = async (index: SearchIndex, q: SearchQuery) => (await rows(index, q)).map((r) => r.ref).sort();

    it('keeps the newest notes, trimming the oldest as new ones arrive; people and topics stay out', async () => {
      const db = t.ctx.database.db;
      const index = createSearchIndex(kind, { recentTier: 5, window: 2 });
      for (let i = 0; i < 12; i++) await index.upsert(db, [note(`trim${String(i).padStart(2, '0')}`, ['trimword'])], i);
      assert.deepEqual(await index.recentRefs(db), ['trim07', 'trim08', 'trim09', 'trim10', 'trim11']);
      await index.upsert(db, [note('trim12', ['trimword']), note('trim13', ['trimword']), { kind: 'user', refId: 'u1', fields: { title: ['trimword'], names: [], body: [] } }], 20);
      await index.upsert(db, [{ kind: 'topic', refId: 't1', fields: { title: ['trimword'], names: [], body: [] } }], 21);
      assert.deepEqual(await index.recentRefs(db), ['trim09', 'trim10', 'trim11', 'trim12', 'trim13']);
      // Deleted from both indexes; the next new note brings the tier back to its size.
      await index.remove(db, 'note', ['trim11']);
      assert.deepEqual(await index.recentRefs(db), ['trim09', 'trim10', 'trim12', 'trim13']);
      await index.upsert(db, [note('trim14', ['trimword'])], 22);
      assert.deepEqual(await index.recentRefs(db), ['trim09', 'trim10', 'trim12', 'trim13', 'trim14']);
      // Without the tier the same notes are found; with it, the window (2) comes from the tier.
      assert.deepEqual(await refs(index, query([alt(['trimword'])])), ['trim13', 'trim14']);
      // Turned off (SEARCH_RECENT_TIER=0), the next note written empties it rather than leave it stale;
      // turned on again, it fills with new notes.
      await createSearchIndex(kind, { recentTier: 0 }).upsert(db, [note('trim15', ['trimword'])], 23);
      assert.deepEqual(await index.recentRefs(db), []);
      await index.upsert(db, [note('trim16', ['trimword'])], 24);
      assert.deepEqual(await index.recentRefs(db), ['trim16']);
      assert.deepEqual(await refs(index, query([alt(['trimword'])])), ['trim15', 'trim16'], 'a tier under the window sends the query to the full index');
      await index.clear(db, 'note');
      assert.deepEqual(await index.recentRefs(db), []);
      await index.clear(db);
    });

    it('replaces a note in the tier there, leaves an older replaced note out, and finds it through the full index', async () => {
      const db = t.ctx.database.db;
      const index = createSearchIndex(kind, { recentTier: 3, window: 1 });
      for (let i = 0; i < 6; i++) await index.upsert(db, [note(`upd${i}`, ['updword', `own${i}`])], i);
      assert.deepEqual(await index.recentRefs(db), ['upd3', 'upd4', 'upd5']);
      // A note in the tier changes its text: the tier answers with the new text, not the old.
      await index.upsert(db, [note('upd4', ['updword', 'renamed'])], 10);
      assert.deepEqual(await index.recentRefs(db), ['upd3', 'upd4', 'upd5']);
      assert.deepEqual(await refs(index, query([alt(['renamed'])])), ['upd4']);
      assert.deepEqual(await refs(index, query([alt(['own4'])])), []);
      // An older note changes: it stays out of the tier (which must stay the newest notes), and a
      // word only it has is found in the full index.
      await index.upsert(db, [note('upd1', ['updword', 'oldrenamed'])], 11);
      assert.deepEqual(await index.recentRefs(db), ['upd3', 'upd4', 'upd5']);
      assert.deepEqual(await refs(index, query([alt(['oldrenamed'])])), ['upd1']);
      assert.deepEqual(await refs(index, query([alt(['own1'])])), []);
      assert.deepEqual(await refs(index, query([alt(['own0'])])), ['upd0'], 'a rare word still finds the oldest note');
      // A deleted note in the tier is gone from every answer.
      await index.remove(db, 'note', ['upd5']);
      assert.deepEqual(await refs(index, query([alt(['own5'])])), []);
      assert.deepEqual(await refs(index, query([alt(['updword'])])), ['upd4']);
      await index.clear(db);
    });

    it('answers as the full index does whenever the newest window lies in the tier, and exactly so otherwise', async () => {
      const db = t.ctx.database.db;
      const window = 3;
      const tiered = createSearchIndex(kind, { recentTier: 8, window });
      const full = createSearchIndex(kind, { recentTier: 0, window });
      const next = random(7);
      const vocab = ['qa', 'qb', 'qc', 'qd', 'qe'];
      const pick = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(next() * vocab.length)]!);
      for (let b = 0; b < 6; b++) {
        const docs = Array.from({ length: 5 }, (_, i) => note(`eq${b}${i}`, pick(Math.floor(next() * 3)), pick(1 + Math.floor(next() * 6))));
        await tiered.upsert(db, docs, b);
      }
      // Documents change and go, in the tier and out of it.
      await tiered.upsert(db, [note('eq51', ['qa', 'qa'], ['qe']), note('eq02', ['qe'], ['qd', 'qd'])], 10);
      await tiered.remove(db, 'note', ['eq53', 'eq10']);
      const inTier = new Set(await tiered.recentRefs(db));
      assert.equal(inTier.size, 7, 'eq53 left the tier; the next new note would bring it back to 8');
      const queries = [
        ...vocab.map((v) => query([alt([v])])),
        query([alt(['qa'])], [alt(['qb'])]),
        query([alt(['qc'])], [alt(['qd']), alt(['qe'])]),
        query([alt(['qa', 'qb'], { phrase: true })]),
        query([alt(['q'], { prefix: true })]),
        query([alt(['qd'])], [alt(['qe'])], [alt(['qa'])]),
        query([alt(['nothing'])]),
      ];
      const seen = { tier: 0, full: 0 };
      for (const q of queries) {
        const expected = await rows(full, q);
        const got = await rows(tiered, q);
        if (expected.length === window && expected.every((r) => inTier.has(r.ref))) {
          seen.tier++;
          assert.deepEqual(
            got.map((r) => r.ref).sort(),
            expected.map((r) => r.ref).sort(),
            `the same window for ${JSON.stringify(q)}`,
          );
          // ts_rank scores each document by itself: PostgreSQL's order and scores are the full index's.
          // FTS5's bm25 takes term statistics from the index it runs on, so SQLite ranks the same window
          // with the tier's (ADR 0006).
          if (kind === 'postgres') assert.deepEqual(got, expected);
        } else {
          seen.full++;
          assert.deepEqual(got, expected, `the full index's answer for ${JSON.stringify(q)}`);
        }
      }
      assert.ok(seen.tier >= 3 && seen.full >= 3, `both paths were exercised: ${JSON.stringify(seen)}`);
      await tiered.clear(db);
    });

    it('answers from the tier when it holds enough matches, though fewer than a window: the newest of them', async () => {
      const db = t.ctx.database.db;
      const tiered = createSearchIndex(kind, { recentTier: 4, window: 5, recentEnough: 2 });
      const full = createSearchIndex(kind, { recentTier: 0, window: 5 });
      // Oldest first: six notes say "common", then four newer ones, two of which do.
      for (let i = 0; i < 6; i++) await tiered.upsert(db, [note(`en${i}`, ['common', i === 0 ? 'rare' : 'other'])], i);
      await tiered.upsert(db, [note('en6', ['common']), note('en7', ['filler']), note('en8', ['common', 'rare']), note('en9', ['filler'])], 10);
      assert.deepEqual(await tiered.recentRefs(db), ['en6', 'en7', 'en8', 'en9']);
      // Two tier matches are enough: the window is the newest two matches, not the newest five.
      assert.deepEqual(await refs(tiered, query([alt(['common'])])), ['en6', 'en8']);
      assert.deepEqual(await refs(full, query([alt(['common'])])), ['en3', 'en4', 'en5', 'en6', 'en8']);
      // One is not: the full index's window, older matches included.
      assert.deepEqual(await refs(tiered, query([alt(['rare'])])), ['en0', 'en8']);
      // Only the tier's matches count toward enough, not the older ones.
      assert.deepEqual(await refs(tiered, query([alt(['other'])])), ['en1', 'en2', 'en3', 'en4', 'en5']);
      await tiered.clear(db);
    });

    it('is rebuilt by the full reindex from the newest notes', async () => {
      const amy = await signUpUser(t);
      for (let i = 0; i < 4; i++) await createTextNote(amy, { title: `reindexed tier ${i}` });
      const search = createSearchIndex(kind, { recentTier: 3 });
      const indexer = new SearchIndexer({ database: t.ctx.database, search, clock: t.ctx.clock }, new SearchText(t.ctx.translator.aids));
      await indexer.reindexAll();
      const newest = (await t.ctx.database.db.selectFrom('notes').select('id').orderBy('id', 'desc').limit(3).execute()).map((r) => r.id).reverse();
      assert.deepEqual(await search.recentRefs(t.ctx.database.db), newest);
    });
  });
}
