import type { KuaanMigration } from './migration.js';

export const userInterests: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('user_interests')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_interests_pk', ['user_id', 'tag'])
      .execute();
    // Who shares an interest: partner matching and discovery read it this way round.
    await db.schema.createIndex('user_interests_tag').on('user_interests').columns(['tag', 'user_id']).execute();
  },
};
