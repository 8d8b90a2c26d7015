import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * An index under every foreign key's child columns that had none. Deleting or changing a parent row
 * makes the database find its children (CASCADE, SET NULL); without an index that is a scan of the
 * whole child table, and neither SQLite nor PostgreSQL creates one by itself. Deleting a note with 258
 * comments scanned `notifications` once for the note and once for each comment: 314 ms against 10 on
 * SQLite at size M, 219–240 against 7 on PostgreSQL, with only 10,000–23,000 notifications — it grows
 * with that table, holding SQLite's write lock (bench/route-sweep.md). Nullable columns get partial indexes (`col = ?`
 * implies `col IS NOT NULL`, so both engines use them): most notifications name no comment, most
 * comments reply to no one. `foreign-keys.test.ts` keeps every later foreign key indexed.
 */
const INDEXES: Array<[table: string, column: string, nullable: boolean]> = [
  ['notifications', 'note_id', true],
  ['notifications', 'comment_id', true],
  ['comments', 'reply_to_user_id', true],
  ['moderation_events', 'actor_id', true],
  ['moderation_subjects', 'subject_user_id', false],
  ['moderation_appeals', 'appellant_id', false],
  ['user_mutes', 'muted_id', false],
  ['conversations', 'created_by', false],
  ['messages', 'media_id', true],
  ['message_corrections', 'author_id', false],
  ['message_corrections', 'conversation_id', false],
  ['phrasebook_entries', 'source_message_id', true],
];

export const foreignKeyIndexes: KuaanMigration = {
  async up(db) {
    for (const [table, column, nullable] of INDEXES) {
      let index = db.schema.createIndex(`${table}_${column}`).on(table).column(column);
      if (nullable) index = index.where(sql.ref(column), 'is not', null);
      await index.execute();
    }
  },
};
