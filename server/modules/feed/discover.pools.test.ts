import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import type { CandidateRow } from './discover.repo.js';
import { CandidatePools, newNoteCanJoin } from './discover.pools.js';

for (const kind of testDatabases()) {
  describe(`discover candidate pools (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const hashtagId = async (name: string) =>
      (await t.ctx.database.db.selectFrom('hashtags').select('id').where('name_lower', '=', name).executeTakeFirstOrThrow()).id;

    test('a posted note is in the pools it belongs in at once; the other topics are not read again', async () => {
      const author = await signUpUser(t);
      await createTextNote(author, { body: 'Morning run along the river #poolrun' });
      await createTextNote(author, { body: 'Sourdough, day three #poolbake' });
      await t.ctx.events.settle();
      const [run, bake] = [await hashtagId('poolrun'), await hashtagId('poolbake')];
      // An instance of its own with a long TTL: only `added` and `removed` make it read again.
      const pools = new CandidatePools(t.ctx.database.db, () => Date.now(), 3_600_000);
      const before = await pools.pools();
      const [runBefore, bakeBefore] = [await pools.topic(run), await pools.topic(bake)];

      const posted = await createTextNote(author, { body: 'Evening run, new shoes #poolrun' });
      await pools.added(posted.id);
      const now = await pools.pools();
      assert.ok(now.trending.some((r) => r.id === posted.id), 'hot now');
      assert.ok(!before.trending.some((r) => r.id === posted.id));
      // This small community's week has fewer than 200 engaged notes: a new note makes that list too.
      assert.ok(now.popular.some((r) => r.id === posted.id), 'most engaged this week, while it is short');
      const runNow = await pools.topic(run);
      assert.ok(runNow.some((r) => r.id === posted.id), 'its topic');
      assert.ok(!runBefore.some((r) => r.id === posted.id));
      assert.equal(await pools.topic(bake), bakeBefore, 'another topic is kept as it was');

      pools.removed();
      assert.notEqual(await pools.topic(bake), bakeBefore, 'a deletion reads every pool again');
    });
  });
}

describe('the week\'s most engaged and a new note', () => {
  const row = (likes: number): CandidateRow => ({
    id: `n${likes}`,
    author_id: 'a',
    created_at: 0,
    hot_score: 0,
    like_count: likes,
    collect_count: 0,
    comment_count: 0,
    lang: 'en',
    visibility: 'public',
    moderation_state: 'normal',
  });
  test('a note without engagement joins only a short pool or one that ends in notes without engagement', () => {
    assert.equal(newNoteCanJoin([row(5), row(3)], 3), true, 'short');
    assert.equal(newNoteCanJoin([], 3), true, 'empty');
    assert.equal(newNoteCanJoin([row(5), row(3), row(1)], 3), false, 'full of engaged notes: kept');
    assert.equal(newNoteCanJoin([row(5), row(3), row(0)], 3), true, 'ends in a note without engagement');
  });
});
