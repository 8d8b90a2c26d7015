import type { KuaanMigration } from './migration.js';

export const social: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('follows')
      .addColumn('follower_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('followee_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('follows_pk', ['follower_id', 'followee_id'])
      .execute();
    // Followers and following pages are keyset-ordered by (created_at, other id): one index each way.
    await db.schema
      .createIndex('follows_followee')
      .on('follows')
      .columns(['followee_id', 'created_at', 'follower_id'])
      .execute();
    await db.schema
      .createIndex('follows_follower')
      .on('follows')
      .columns(['follower_id', 'created_at', 'followee_id'])
      .execute();

    await db.schema
      .createTable('blocks')
      .addColumn('blocker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
      .execute();
    await db.schema.createIndex('blocks_blocked').on('blocks').column('blocked_id').execute();

    await db.schema
      .createTable('note_likes')
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('note_likes_pk', ['note_id', 'user_id'])
      .execute();
    await db.schema.createIndex('note_likes_user').on('note_likes').columns(['user_id', 'created_at', 'note_id']).execute();

    await db.schema
      .createTable('boards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('collect_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('boards_owner_name', ['owner_id', 'name'])
      .execute();
    await db.schema.createIndex('boards_owner').on('boards').columns(['owner_id', 'id']).execute();

    await db.schema
      .createTable('collects')
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('board_id', 'text', (c) => c.references('boards.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('collects_pk', ['note_id', 'user_id'])
      .execute();
    await db.schema.createIndex('collects_user').on('collects').columns(['user_id', 'created_at', 'note_id']).execute();
    await db.schema.createIndex('collects_board').on('collects').columns(['board_id', 'created_at', 'note_id']).execute();
  },
};
