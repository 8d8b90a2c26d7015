import { sql } from 'kysely';
import type { DialectKind } from '../../db/dialect.js';
import type { Executor } from '../../db/database.js';
import { createNameIndexesPostgres, createRecentTierPostgres, PostgresFtsIndex } from './postgres-fts.js';
import type { SearchIndex, SearchIndexOptions } from './search-index.js';
import { createKindIndexesSqlite, createRecentTierSqlite, ftsTable, SqliteFts5Index } from './sqlite-fts5.js';

/** The search engine that goes with the database: FTS5 on SQLite, full-text search on PostgreSQL. */
export function createSearchIndex(kind: DialectKind, options: SearchIndexOptions = {}): SearchIndex {
  return kind === 'sqlite' ? new SqliteFts5Index(options) : new PostgresFtsIndex(options);
}

/** Creates the recent tier's table and fills it from the full index (migration 0021). */
export async function installRecentTier(db: Executor, kind: DialectKind): Promise<void> {
  await (kind === 'sqlite' ? createRecentTierSqlite(db) : createRecentTierPostgres(db));
  await createSearchIndex(kind).rebuildRecent(db);
}

/**
 * Migration 0022. SQLite: moves people's and topics' terms out of the notes' FTS5 index into one index
 * per kind. PostgreSQL, which already keeps a GIN index per kind: an index of each kind's names.
 */
export async function installKindIndexes(db: Executor, kind: DialectKind): Promise<void> {
  if (kind === 'postgres') return createNameIndexesPostgres(db);
  await createKindIndexesSqlite(db);
  // External-content 'delete' commands carry the stored text, which is exactly what was indexed.
  await sql`INSERT INTO search_fts(search_fts, rowid, title, names, body)
    SELECT 'delete', doc_id, title, names, body FROM search_documents WHERE kind <> 'note'`.execute(db);
  for (const k of ['user', 'topic'] as const) {
    await sql`INSERT INTO ${ftsTable(k)}(rowid, title, names, body)
      SELECT doc_id, title, names, body FROM search_documents WHERE kind = ${k}`.execute(db);
  }
}
