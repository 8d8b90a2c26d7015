import type { KuaanMigration } from './migration.js';

/**
 * The spam check reads a person's comments of the last day and the new-account limit counts the last
 * hour's: with `comments_author` on author_id alone, both read and sorted every comment the person
 * ever wrote (2 ms a check at size M). `(author_id, created_at)` answers both with a range, and still
 * serves every lookup by author.
 */
export const commentsAuthorCreated: KuaanMigration = {
  async up(db) {
    await db.schema.createIndex('comments_author_created').on('comments').columns(['author_id', 'created_at']).execute();
    await db.schema.dropIndex('comments_author').execute();
  },
};
