import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import type { QueryAlternative, SearchIndex, SearchQuery } from './search-index.js';

const alt = (terms: string[], opts: Partial<QueryAlternative> = {}): QueryAlternative => ({ terms, phrase: false, prefix: false, via: 'text', ...opts });
const query = (...groups: QueryAlternative[][]): SearchQuery => ({ groups: groups.map((alternatives) => ({ alternatives })) });

/** The same suite against both engines: whatever the database, the port behaves the same. */
for (const kind of testDatabases()) {
  describe(`search index port (${kind})`, () => {
    let t: TestApp;
    let index: SearchIndex;
    const ids = async (q: SearchQuery, k: 'note' | 'user' | 'topic' = 'note') =>
      (await t.ctx.database.db.selectFrom(index.matches(k, q)).select(['m.ref_id', 'm.score']).orderBy('m.score', 'desc').orderBy('m.ref_id').execute()).map(
        (r) => r.ref_id,
      );

    before(async () => {
      t = await startTestApp(kind);
      index = t.ctx.search;
      assert.equal(index.dialect, kind);
      await index.upsert(
        t.ctx.database.db,
        [
          { kind: 'note', refId: 'n1', fields: { title: ['火锅', '攻略'], names: [], body: ['hot', 'pot', 'night'] } },
          { kind: 'note', refId: 'n2', fields: { title: ['pot', 'luck'], names: [], body: ['hot', 'summer', "it's", 'a"b', '*', 'x:y'] } },
          { kind: 'user', refId: 'u1', fields: { title: ['amy'], names: ['xiaohongshu', 'xhs'], body: ['火锅'] } },
          { kind: 'topic', refId: 't1', fields: { title: ['火锅', '\uE001火锅'], names: ['huoguo'], body: [] } },
        ],
        1,
      );
    });
    after(() => t.close());

    it('intersects groups and unions alternatives', async () => {
      assert.deepEqual(await ids(query([alt(['火锅'])])), ['n1']);
      assert.deepEqual((await ids(query([alt(['hot'])]))).sort(), ['n1', 'n2']);
      assert.deepEqual(await ids(query([alt(['hot'])], [alt(['night'])])), ['n1']);
      assert.deepEqual((await ids(query([alt(['nothing']), alt(['luck'])]))).sort(), ['n2']);
      assert.deepEqual(await ids(query([alt(['missing'])])), []);
    });

    it('matches phrases only when adjacent, and prefixes', async () => {
      assert.deepEqual(await ids(query([alt(['hot', 'pot'], { phrase: true })])), ['n1']);
      assert.deepEqual((await ids(query([alt(['hot', 'pot'])]))).sort(), ['n1', 'n2']);
      assert.deepEqual(await ids(query([alt(['xiaoh'], { prefix: true })]), 'user'), ['u1']);
      assert.deepEqual(await ids(query([alt(['\uE001火'], { prefix: true })]), 'topic'), ['t1']);
      assert.deepEqual(await ids(query([alt(['火锅'])]), 'user'), ['u1'], 'kinds are separate');
    });

    it('matches only names (title and names) when asked', async () => {
      const names = (q: SearchQuery): SearchQuery => ({ ...q, namesOnly: true });
      assert.deepEqual(await ids(names(query([alt(['火锅'])])), 'user'), [], 'u1 has 火锅 only in its body');
      assert.deepEqual(await ids(names(query([alt(['amy'])])), 'user'), ['u1']);
      assert.deepEqual(await ids(names(query([alt(['xiaoh'], { prefix: true })])), 'user'), ['u1']);
      assert.deepEqual(await ids(names(query([alt(['amy'])], [alt(['xhs'])])), 'user'), ['u1']);
      assert.deepEqual(await ids(names(query([alt(['pot'], { prefix: true })]))), ['n2'], 'n1 has pot only in its body');
    });

    it('considers only the newest matches of a smaller window when asked', async () => {
      assert.deepEqual(await ids({ ...query([alt(['hot'])]), window: 1 }), ['n2']);
      assert.deepEqual((await ids({ ...query([alt(['hot'])]), window: 5000 })).sort(), ['n1', 'n2'], 'never more than the index window');
    });

    it('ranks title matches above body matches', async () => {
      assert.deepEqual(await ids(query([alt(['pot'])])), ['n2', 'n1']);
    });

    it('takes terms with quotes and syntax characters literally', async () => {
      assert.deepEqual(await ids(query([alt(["it's"])])), ['n2']);
      assert.deepEqual(await ids(query([alt(['a"b'])])), ['n2']);
      for (const weird of ['"', "'", '*', ')', 'AND', 'NEAR', ':*', '\\', '&|!']) {
        await ids(query([alt([weird])]));
        await ids(query([alt([weird], { prefix: true })]));
      }
    });

    it('replaces documents and removes them', async () => {
      const db = t.ctx.database.db;
      await index.upsert(db, [{ kind: 'note', refId: 'n1', fields: { title: ['changed'], names: [], body: [] } }], 2);
      assert.deepEqual(await ids(query([alt(['火锅'])])), []);
      assert.deepEqual(await ids(query([alt(['changed'])])), ['n1']);
      await index.remove(db, 'note', ['n1']);
      assert.deepEqual(await ids(query([alt(['changed'])])), []);
      // A batch mixing new and replaced documents of several kinds, then clearing one kind.
      await index.upsert(
        db,
        [
          { kind: 'note', refId: 'n2', fields: { title: ['renamed'], names: [], body: [] } },
          { kind: 'note', refId: 'n3', fields: { title: ['fresh'], names: [], body: ['renamed'] } },
          { kind: 'topic', refId: 't2', fields: { title: ['renamed'], names: [], body: [] } },
        ],
        3,
      );
      assert.deepEqual(await ids(query([alt(['renamed'])])), ['n2', 'n3']);
      assert.deepEqual(await ids(query([alt(['luck'])])), [], 'the replaced text is gone from the index');
      await index.clear(db, 'topic');
      assert.deepEqual(await ids(query([alt(['renamed'])]), 'topic'), []);
      assert.deepEqual(await ids(query([alt(['renamed'])])), ['n2', 'n3'], 'other kinds stay');
      await index.clear(db);
      assert.deepEqual(await ids(query([alt(['hot'])])), []);
      assert.deepEqual(await ids(query([alt(['amy'])]), 'user'), []);
    });
  });
}
