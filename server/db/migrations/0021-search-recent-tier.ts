import type { Executor } from '../database.js';
import { installRecentTier } from '../../infra/search/create-search-index.js';
import type { KuaanMigration } from './migration.js';

/**
 * The search index's recent tier (ADR 0006): the newest note documents in a second, small index,
 * filled here from the full one so that an upgraded database answers from it at once. The engines'
 * DDL lives with their search port implementations.
 */
export const searchRecentTier: KuaanMigration = {
  async up(db, kind) {
    await installRecentTier(db as unknown as Executor, kind);
  },
};
