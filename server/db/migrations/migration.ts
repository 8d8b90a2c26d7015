import type { Kysely } from 'kysely';
import type { DialectKind } from '../dialect.js';

/** One schema step. Migrations see an untyped Kysely: they describe the past, not today's schema. */
export interface KuaanMigration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time.
  up(db: Kysely<any>, kind: DialectKind): Promise<void>;
}
