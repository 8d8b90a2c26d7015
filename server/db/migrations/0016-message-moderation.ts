import type { KuaanMigration } from './migration.js';

/**
 * Chat messages become moderation subjects (issues 7 and 8): like notes and comments they carry the
 * projection of the moderation log, so history and resume filter on one column, not a join per read.
 */
export const messageModeration: KuaanMigration = {
  async up(db) {
    await db.schema.alterTable('messages').addColumn('moderation_state', 'text', (c) => c.notNull().defaultTo('normal')).execute();
  },
};
