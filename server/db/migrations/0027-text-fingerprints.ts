import type { KuaanMigration } from './migration.js';

/**
 * `text_fingerprint` on notes and comments: the SimHash of the text the spam check compares, written
 * with the text. The check compares a new post with its author's posts of the last day, up to 200, and
 * fingerprinted every one of them again for every new post: a fifth of the server's CPU under the
 * text-note load (bench/write-path.md, "Stored fingerprints"). Rows written before this step have none
 * and are fingerprinted when read, as before.
 */
export const textFingerprints: KuaanMigration = {
  async up(db) {
    await db.schema.alterTable('notes').addColumn('text_fingerprint', 'text').execute();
    await db.schema.alterTable('comments').addColumn('text_fingerprint', 'text').execute();
  },
};
