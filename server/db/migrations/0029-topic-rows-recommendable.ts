import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * Topic rows of notes that may not be recommended (held, removed, limited) leave the indexes topic
 * pages walk. Their notes kept their place in `note_hashtags_hot`, so a page walked past each of them
 * to the note's row and back: with the benchmark's held copies, 3,244 entries for a first page of 20 on
 * the largest topic (bench/write-path.md, tenth round), and a spam wave on a trending hashtag would do
 * the same. `recommendable` is kept by the moderation projection and by linkHashtags; the hot and new
 * orders get partial indexes over the rows that are. `note_hashtags_tag` stays whole: it is the index
 * of the foreign key to hashtags.
 */
export const topicRowsRecommendable: KuaanMigration = {
  async up(db) {
    await db.schema
      .alterTable('note_hashtags')
      .addColumn('recommendable', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db
      .updateTable('note_hashtags')
      .set({ recommendable: 0 })
      .where('note_id', 'in', db.selectFrom('notes').select('id').where('moderation_state', 'not in', ['normal', 'labelled']))
      .execute();
    await db.schema.dropIndex('note_hashtags_hot').execute();
    // The predicate is a literal, so PostgreSQL's generic plans (ADR 0017) can use the index too.
    const shown = sql.ref('recommendable');
    await db.schema
      .createIndex('note_hashtags_hot')
      .on('note_hashtags')
      .columns(['hashtag_id', 'hot_score', 'note_id'])
      .where(shown, '=', sql.lit(1))
      .execute();
    await db.schema
      .createIndex('note_hashtags_new')
      .on('note_hashtags')
      .columns(['hashtag_id', 'created_at', 'note_id'])
      .where(shown, '=', sql.lit(1))
      .execute();
  },
};
