import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';

for (const kind of testDatabases()) {
  describe(`follows and blocks [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const counts = async (c: Client, handle: string) => (await c.get(`/api/users/${handle}`)).body.counts;

    it('follows idempotently, keeps counters exact, lists followers and following with viewer state', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      const first = await a!.post(`/api/users/${b!.handle}/follow`);
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.body, { following: true, blocking: false, followerCount: 1 });
      // A repeat (and a racing twin) adds nothing.
      await Promise.all([a!.post(`/api/users/${b!.handle}/follow`), a!.post(`/api/users/${b!.handle}/follow`)]);
      assert.equal((await counts(a!, b!.handle)).followers, 1);
      assert.equal((await counts(a!, a!.handle)).following, 1);

      await c!.post(`/api/users/${b!.handle}/follow`);
      await b!.post(`/api/users/${a!.handle}/follow`);
      const followers = await c!.get(`/api/users/${b!.handle}/followers?limit=1`);
      assert.equal(followers.status, 200);
      assert.equal(followers.body.items.length, 1);
      assert.equal(followers.body.items[0].user.handle, c!.handle, 'newest follower first');
      assert.deepEqual(followers.body.items[0].viewer, { isMe: true, following: false, followedBy: false });
      const rest = await c!.get(`/api/users/${b!.handle}/followers?limit=1&cursor=${followers.body.nextCursor}`);
      assert.equal(rest.body.items[0].user.handle, a!.handle);
      assert.equal(rest.body.nextCursor, null);

      const following = await b!.get(`/api/users/${a!.handle}/following`);
      assert.deepEqual(
        following.body.items.map((i: any) => [i.user.handle, i.viewer]),
        [[b!.handle, { isMe: true, following: false, followedBy: false }]],
      );
      const fromA = await a!.get(`/api/users/${a!.handle}/following`);
      assert.deepEqual(fromA.body.items[0].viewer, { isMe: false, following: true, followedBy: true });

      const un = await a!.delete(`/api/users/${b!.handle}/follow`);
      assert.deepEqual(un.body, { following: false, blocking: false, followerCount: 1 });
      await a!.delete(`/api/users/${b!.handle}/follow`);
      assert.equal((await counts(a!, b!.handle)).followers, 1);
      assert.equal((await counts(a!, a!.handle)).following, 0);
    });

    it('refuses following or blocking yourself, unknown people, and anonymous callers', async () => {
      const a = await signUpUser(t);
      const self = await a.post(`/api/users/${a.handle}/follow`, undefined, { headers: { 'x-kuaan-locale': 'zh-Hans' } });
      assert.equal(self.status, 400);
      assert.equal(self.body.code, 'self_follow');
      assert.equal(self.body.detail, '不能关注自己。');
      assert.equal((await a.post(`/api/users/${a.handle}/block`)).body.code, 'self_block');
      assert.equal((await a.post('/api/users/nobody_here_zz/follow')).status, 404);
      assert.equal((await a.post(`/api/users/${encodeURIComponent("x' OR 1=1 --")}/follow`)).status, 404);
      assert.equal((await a.get(`/api/users/${'x'.repeat(100)}/followers`)).status, 400);
      assert.equal((await new Client(t).post(`/api/users/${a.handle}/follow`)).status, 401);
      assert.equal((await a.get(`/api/users/${a.handle}/followers?limit=0`)).status, 400);
      assert.equal((await a.get(`/api/users/${a.handle}/followers?cursor=garbage`)).body.code, 'validation_failed');
    });

    it('a block ends follows both ways, fixes counters and hides each from the other', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      await a!.post(`/api/users/${b!.handle}/follow`);
      await b!.post(`/api/users/${a!.handle}/follow`);
      await c!.post(`/api/users/${a!.handle}/follow`);
      await b!.post(`/api/users/${c!.handle}/follow`);

      const blocked = await a!.post(`/api/users/${b!.handle}/block`);
      assert.equal(blocked.status, 200, blocked.text);
      assert.deepEqual(blocked.body, { following: false, blocking: true, followerCount: 0 });
      assert.deepEqual(await counts(a!, a!.handle), { followers: 1, following: 0, notes: 0, likesReceived: 0 });
      const bCounts = (await b!.get('/api/me')).body.counts;
      assert.equal(bCounts.followers, 0);
      assert.equal(bCounts.following, 1);

      // The blocked person cannot follow back; the blocker must unblock first.
      const back = await b!.post(`/api/users/${a!.handle}/follow`);
      assert.equal(back.status, 404);
      const mine = await a!.post(`/api/users/${b!.handle}/follow`);
      assert.equal(mine.status, 403);
      assert.equal(mine.body.code, 'blocked');
      assert.equal((await b!.get(`/api/users/${a!.handle}/followers`)).status, 404);
      assert.equal((await a!.get(`/api/users/${b!.handle}/following`)).body.code, 'blocked');
      // Nor do they appear in third parties' lists as the other sees them.
      const cFollowers = await b!.get(`/api/users/${c!.handle}/following`);
      assert.equal(cFollowers.status, 200);
      assert.ok(!cFollowers.body.items.some((i: any) => i.user.id === a!.userId));
      const cFollowersForA = await a!.get(`/api/users/${c!.handle}/followers`);
      assert.ok(!cFollowersForA.body.items.some((i: any) => i.user.id === b!.userId));

      assert.equal((await b!.delete(`/api/users/${a!.handle}/block`)).status, 404, 'the blocked person learns nothing');
      const unblocked = await a!.delete(`/api/users/${b!.handle}/block`);
      assert.deepEqual(unblocked.body, { following: false, blocking: false, followerCount: 0 });
      assert.equal((await b!.post(`/api/users/${a!.handle}/follow`)).status, 200);
      assert.equal((await counts(a!, a!.handle)).followers, 2);
    });

    it('keeps counters exact when a pair follow each other and block at the same time', async () => {
      const [a, b] = await signUpUsers(t, 2);
      await Promise.all([
        a!.post(`/api/users/${b!.handle}/follow`),
        b!.post(`/api/users/${a!.handle}/follow`),
        a!.post(`/api/users/${b!.handle}/block`),
        b!.post(`/api/users/${a!.handle}/follow`),
      ]);
      const rows = await t.ctx.database.db.selectFrom('follows').selectAll().where('follower_id', 'in', [a!.userId, b!.userId]).execute();
      const users = await t.ctx.database.db
        .selectFrom('users')
        .select(['id', 'follower_count', 'following_count'])
        .where('id', 'in', [a!.userId, b!.userId])
        .execute();
      for (const u of users) {
        assert.equal(u.follower_count, rows.filter((r) => r.followee_id === u.id).length);
        assert.equal(u.following_count, rows.filter((r) => r.follower_id === u.id).length);
      }
      assert.equal(rows.length, 0, 'the block ends up between them with no follows across it');
    });
  });
}
