import type { Executor } from '../database.js';
import { installKindIndexes } from '../../infra/search/create-search-index.js';
import type { KuaanMigration } from './migration.js';

/**
 * People's and topics' own indexes, so the typeahead's prefixes stop reading terms they cannot match
 * (bench/search.md): on SQLite an FTS5 index per kind apart from the notes', on PostgreSQL an index of
 * each kind's names. The engines' DDL lives with their search port implementations.
 */
export const searchKindIndexes: KuaanMigration = {
  async up(db, kind) {
    await installKindIndexes(db as unknown as Executor, kind);
  },
};
