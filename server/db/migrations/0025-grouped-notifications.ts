import { type SqlBool, sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * Likes, collects and comment likes become one notification per note (or comment) while it is
 * unread — "Mei and 11 others liked your note" — instead of one row per person (ADR 0014).
 *
 * - `actor_count`: the people the row speaks for; `actor_id` is the latest of them and `created_at`
 *   their time, so a group that grows comes back to the top of the list, which is ordered by it.
 *   Added with a constant default, so the table is not rewritten (on PostgreSQL a full-table UPDATE
 *   of 14.8M rows ran for more than ten minutes at size M; this migration took 55 s there).
 * - One open group per note (or comment) and kind, enforced by two small partial unique indexes that
 *   hold unread groups only; the subscriber's upsert names them as its conflict target.
 * - The per-actor de-duplication index now serves follows only, the one collapsed kind left.
 *
 * Unread duplicates from before are merged into their newest row first, so the unique index can be
 * built; read ones stay as they were (history). Only unread rows of the grouped kinds are touched.
 */
const GROUPED = sql.raw(`kind IN ('like', 'collect', 'comment_like')`);
const SAME_GROUP = sql.raw(`o.recipient_id = notifications.recipient_id AND o.kind = notifications.kind
  AND o.note_id = notifications.note_id AND coalesce(o.comment_id, '') = coalesce(notifications.comment_id, '') AND o.read_at IS NULL`);

export const groupedNotifications: KuaanMigration = {
  async up(db) {
    await db.schema
      .alterTable('notifications')
      .addColumn('actor_count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    // Merge unread duplicates, with a temporary index so each row finds its group without a scan.
    await sql`CREATE INDEX notifications_merge_tmp ON notifications (recipient_id, kind, note_id, comment_id) WHERE read_at IS NULL`.execute(db);
    await sql`UPDATE notifications SET actor_count = (SELECT count(DISTINCT o.actor_id) FROM notifications o WHERE ${SAME_GROUP})
      WHERE read_at IS NULL AND ${GROUPED} AND id = (SELECT max(o.id) FROM notifications o WHERE ${SAME_GROUP})`.execute(db);
    await sql`DELETE FROM notifications
      WHERE read_at IS NULL AND ${GROUPED} AND id <> (SELECT max(o.id) FROM notifications o WHERE ${SAME_GROUP})`.execute(db);
    await db.schema.dropIndex('notifications_merge_tmp').execute();

    await db.schema
      .createIndex('notifications_open_note_group')
      .on('notifications')
      .columns(['recipient_id', 'kind', 'note_id'])
      .unique()
      .where(sql<SqlBool>`read_at IS NULL AND kind IN ('like', 'collect')`)
      .execute();
    await db.schema
      .createIndex('notifications_open_comment_group')
      .on('notifications')
      .columns(['recipient_id', 'comment_id'])
      .unique()
      .where(sql<SqlBool>`read_at IS NULL AND kind = 'comment_like'`)
      .execute();

    await db.schema.dropIndex('notifications_recipient').execute();
    await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient_id', 'created_at', 'id']).execute();

    await db.schema.dropIndex('notifications_dedupe').execute();
    await db.schema
      .createIndex('notifications_follow_dedupe')
      .on('notifications')
      .columns(['actor_id', 'recipient_id', 'created_at'])
      .where(sql<SqlBool>`kind = 'follow'`)
      .execute();
  },
};
