import type { KuaanMigration } from './migration.js';

export const comments: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('reply_to_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('facets', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_note').on('comments').columns(['note_id', 'parent_id', 'id']).execute();
    await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id', 'id']).execute();
    await db.schema.createIndex('comments_author').on('comments').column('author_id').execute();

    await db.schema
      .createTable('comment_likes')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'user_id'])
      .execute();
    await db.schema.createIndex('comment_likes_user').on('comment_likes').column('user_id').execute();
  },
};
