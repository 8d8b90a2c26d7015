import type { KuaanMigration } from './migration.js';

/**
 * The spam check reads the fingerprints of its author's posts of the last day (migration 0027). With
 * them in the author indexes the read stays inside the index instead of fetching each post's row
 * from a table far larger than the page cache (bench/write-path.md, "Fingerprints in the author
 * indexes"). Same names, more columns; other readers of these indexes are unaffected.
 */
export const fingerprintsInAuthorIndexes: KuaanMigration = {
  async up(db) {
    await db.schema.dropIndex('notes_author_covering').execute();
    await db.schema
      .createIndex('notes_author_covering')
      .on('notes')
      .columns(['author_id', 'created_at', 'id', 'visibility', 'hot_score', 'moderation_state', 'text_fingerprint'])
      .execute();
    await db.schema.dropIndex('comments_author_created').execute();
    await db.schema.createIndex('comments_author_created').on('comments').columns(['author_id', 'created_at', 'id', 'text_fingerprint']).execute();
  },
};
