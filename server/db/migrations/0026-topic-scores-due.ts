import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * `topic_scores_due`: notes whose hot score moved since their topic rows (note_hashtags) last copied
 * it. A like, collect or comment marks its note here, in its own transaction, instead of rewriting
 * each of the note's topic rows and their entries in the topic "hot" index; a recurring job copies the
 * scores of the marked notes and removes the marks (ADR 0015). A note liked a hundred times between
 * two runs is one mark and one copy.
 *
 * One column, the primary key: on SQLite WITHOUT ROWID, so the table is that single B-tree.
 */
export const topicScoresDue: KuaanMigration = {
  async up(db, kind) {
    let table = db.schema.createTable('topic_scores_due').addColumn('note_id', 'text', (c) => c.primaryKey());
    if (kind === 'sqlite') table = table.modifyEnd(sql`WITHOUT ROWID`);
    await table.execute();
  },
};
