import type { DialectKind } from '../../db/dialect.js';
import type { Executor } from '../../db/database.js';
import { createRecentTierPostgres, PostgresFtsIndex } from './postgres-fts.js';
import type { SearchIndex, SearchIndexOptions } from './search-index.js';
import { createRecentTierSqlite, SqliteFts5Index } from './sqlite-fts5.js';

/** The search engine that goes with the database: FTS5 on SQLite, full-text search on PostgreSQL. */
export function createSearchIndex(kind: DialectKind, options: SearchIndexOptions = {}): SearchIndex {
  return kind === 'sqlite' ? new SqliteFts5Index(options) : new PostgresFtsIndex(options);
}

/** Creates the recent tier's table and fills it from the full index (migration 0021). */
export async function installRecentTier(db: Executor, kind: DialectKind): Promise<void> {
  await (kind === 'sqlite' ? createRecentTierSqlite(db) : createRecentTierPostgres(db));
  await createSearchIndex(kind).rebuildRecent(db);
}
