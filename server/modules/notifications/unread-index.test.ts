import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';

/** Migration 0024: the unread count's index holds unread notifications only, and the count uses it. */
for (const kind of testDatabases()) {
  describe(`unread notifications index (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('is partial: read notifications are not in it', async () => {
      const db = t.ctx.database.db;
      const definition =
        kind === 'sqlite'
          ? (await sql<{ d: string }>`SELECT sql AS d FROM sqlite_master WHERE name = 'notifications_unread'`.execute(db)).rows[0]?.d
          : (await sql<{ d: string }>`SELECT indexdef AS d FROM pg_indexes WHERE indexname = 'notifications_unread'`.execute(db)).rows[0]?.d;
      assert.match(definition ?? '', /where\s*\(?\s*"?read_at"? is null/i);
    });

    it("is what a person's unread count reads", async () => {
      const count = sql`SELECT count(*) FROM notifications WHERE recipient_id = ${'someone'} AND read_at IS NULL`;
      const plan =
        kind === 'sqlite'
          ? (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${count}`.execute(t.ctx.database.db)).rows.map((r) => r.detail)
          : // An empty table is cheaper to scan; ask whether the index can serve the query at all.
            await t.ctx.database.db.transaction().execute(async (trx) => {
              await sql`SET LOCAL enable_seqscan = off`.execute(trx);
              return (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${count}`.execute(trx)).rows.map((r) => r['QUERY PLAN']);
            });
      assert.ok(
        plan.some((line) => line.includes('notifications_unread')),
        plan.join('\n'),
      );
    });
  });
}
