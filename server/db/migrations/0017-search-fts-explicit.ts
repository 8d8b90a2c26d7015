import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * SQLite: the FTS5 index is written by SqliteFts5Index in grouped phases instead of by a trigger per
 * search_documents row, which made every insert flush and merge FTS segments (50 ms per document at
 * 700,000 documents). PostgreSQL has nothing to change.
 */
export const searchFtsExplicit: KuaanMigration = {
  async up(db, kind) {
    if (kind !== 'sqlite') return;
    for (const trigger of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(trigger)}`.execute(db);
    }
  },
};
