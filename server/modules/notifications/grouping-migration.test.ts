import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Database } from '../../db/database.js';
import { postgresDialect, sqliteDialect } from '../../db/dialect.js';
import { migrateTo } from '../../db/migrations/index.js';
import { freshPostgresDatabase, testDatabases } from '../../test/harness.js';

/**
 * Migration 0025 on notifications written one per person: unread likes, collects and comment likes
 * of the same note or comment merge into their newest row, counting the people; read ones and other
 * kinds stay as they were; afterwards a second open group cannot be written.
 */
for (const kind of testDatabases()) {
  describe(`grouped notifications migration (${kind})`, () => {
    let database: Database;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      if (kind === 'sqlite') database = new Database(sqliteDialect(':memory:'));
      else {
        const fresh = await freshPostgresDatabase();
        drop = fresh.drop;
        database = new Database(await postgresDialect(fresh.url, () => {}));
      }
      const db = database.db;
      await migrateTo(database, '0024-unread-notifications-index');
      for (const u of ['a', 'b', 'c', 'd']) {
        await sql`INSERT INTO users (id, handle, handle_lower, display_name, password_hash, created_at, updated_at)
          VALUES (${u}, ${u}, ${u}, ${u}, 'x', 0, 0)`.execute(db);
      }
      for (const n of ['n1', 'n2']) {
        await sql`INSERT INTO notes (id, author_id, type, title, body, visibility, created_at, updated_at)
          VALUES (${n}, 'a', 'text', ${n}, '', 'public', 0, 0)`.execute(db);
      }
      await sql`INSERT INTO comments (id, note_id, author_id, body, created_at) VALUES ('c1', 'n1', 'a', 'hi', 0)`.execute(db);
      // [id, actor, kind, note, comment, created_at, read_at]
      const rows: Array<[string, string, string, string | null, string | null, number, number | null]> = [
        ['01', 'b', 'like', 'n1', null, 10, 11],
        ['02', 'b', 'like', 'n1', null, 20, null],
        ['03', 'c', 'like', 'n1', null, 30, null],
        ['04', 'd', 'like', 'n1', null, 40, null],
        ['05', 'b', 'like', 'n2', null, 50, null],
        ['06', 'c', 'collect', 'n1', null, 60, null],
        ['07', 'b', 'comment_like', 'n1', 'c1', 70, null],
        ['08', 'd', 'comment_like', 'n1', 'c1', 80, null],
        ['09', 'b', 'follow', null, null, 90, null],
        ['10', 'c', 'follow', null, null, 100, null],
      ];
      for (const [id, actor, k, note, comment, at, read] of rows) {
        await sql`INSERT INTO notifications (id, recipient_id, actor_id, kind, note_id, comment_id, created_at, read_at)
          VALUES (${id}, 'a', ${actor}, ${k}, ${note}, ${comment}, ${at}, ${read})`.execute(db);
      }
      assert.deepEqual(await migrateTo(database, '0025-grouped-notifications'), ['0025-grouped-notifications']);
    });
    after(async () => {
      await database?.destroy();
      await drop?.();
    });

    it('merges unread groups into their newest row and leaves the rest as they were', async () => {
      const rows = await database.db
        .selectFrom('notifications')
        .select(['id', 'actor_id', 'kind', 'actor_count', 'created_at', 'read_at'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.actor_id, r.kind, Number(r.actor_count), Number(r.created_at), r.read_at === null ? null : Number(r.read_at)]),
        [
          ['01', 'b', 'like', 1, 10, 11],
          ['04', 'd', 'like', 3, 40, null],
          ['05', 'b', 'like', 1, 50, null],
          ['06', 'c', 'collect', 1, 60, null],
          ['08', 'd', 'comment_like', 2, 80, null],
          ['09', 'b', 'follow', 1, 90, null],
          ['10', 'c', 'follow', 1, 100, null],
        ],
      );
    });

    it('refuses a second open group for the same note or comment, but not after it is read', async () => {
      const insert = (id: string, k: string, comment: string | null) =>
        sql`INSERT INTO notifications (id, recipient_id, actor_id, kind, note_id, comment_id, created_at, actor_count)
          VALUES (${id}, 'a', 'c', ${k}, 'n1', ${comment}, 200, 1)`.execute(database.db);
      await assert.rejects(insert('11', 'like', null), /unique/i);
      await assert.rejects(insert('12', 'comment_like', 'c1'), /unique/i);
      await sql`UPDATE notifications SET read_at = 300 WHERE id IN ('04', '08')`.execute(database.db);
      await insert('13', 'like', null);
      await insert('14', 'comment_like', 'c1');
      // Other kinds are never grouped: two follows from the same person can both be unread.
      await sql`INSERT INTO notifications (id, recipient_id, actor_id, kind, created_at, actor_count)
        VALUES ('15', 'a', 'b', 'follow', 400, 1)`.execute(database.db);
    });
  });
}
