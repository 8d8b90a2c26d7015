import type { DialectKind } from '../../db/dialect.js';
import { PostgresFtsIndex } from './postgres-fts.js';
import type { SearchIndex } from './search-index.js';
import { SqliteFts5Index } from './sqlite-fts5.js';

/** The search engine that goes with the database: FTS5 on SQLite, full-text search on PostgreSQL. */
export function createSearchIndex(kind: DialectKind): SearchIndex {
  return kind === 'sqlite' ? new SqliteFts5Index() : new PostgresFtsIndex();
}
