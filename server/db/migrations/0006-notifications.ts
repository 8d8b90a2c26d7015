import type { KuaanMigration } from './migration.js';

export const notifications: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note_id', 'text', (c) => c.references('notes.id').onDelete('cascade'))
      .addColumn('comment_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('read_at', 'bigint')
      .execute();
    await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient_id', 'id']).execute();
    await db.schema
      .createIndex('notifications_unread')
      .on('notifications')
      .columns(['recipient_id', 'read_at'])
      .execute();
    // "Did this person already tell me this today?" — the check that collapses like/unlike spam.
    await db.schema
      .createIndex('notifications_dedupe')
      .on('notifications')
      .columns(['actor_id', 'recipient_id', 'kind', 'created_at'])
      .execute();
  },
};
