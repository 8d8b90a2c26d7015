import type { KuaanMigration } from './migration.js';

/**
 * The reader's controls over Discover: how much of it may be in languages they do not speak, which
 * mode they browse in, and what they said they are not interested in.
 */
export const discovery: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('feed_preferences')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      // Percent of a Discover page that may be in languages the reader does not speak (0–100).
      .addColumn('other_language_share', 'integer', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('not_interested')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // 'note' (a note id) or 'topic' (a hashtag id).
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('not_interested_pk', ['user_id', 'kind', 'target_id'])
      .execute();
  },
};
