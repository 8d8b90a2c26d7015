import type { Executor } from '../database.js';
import { installKindIndexes } from '../../infra/search/create-search-index.js';
import type { KuaanMigration } from './migration.js';

/**
 * SQLite: people and topics each get an FTS5 index of their own, so the typeahead's prefixes stop
 * reading the notes' terms (bench/search.md). The engines' DDL lives with their search port implementations.
 */
export const searchKindIndexes: KuaanMigration = {
  async up(db, kind) {
    await installKindIndexes(db as unknown as Executor, kind);
  },
};
