import type { KuaanMigration } from './migration.js';

/**
 * Languages of notes and comments (detected after posting, correctable by the author), the
 * translation cache, and each person's translation settings. Booleans are 0/1 integers so the
 * columns read the same on SQLite and PostgreSQL.
 */
export const translation: KuaanMigration = {
  async up(db) {
    for (const table of ['notes', 'comments']) {
      // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
      await db.schema.alterTable(table).addColumn('lang', 'text').execute();
      await db.schema.alterTable(table).addColumn('lang_mixed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable(table).addColumn('lang_source', 'text').execute();
    }

    await db.schema
      .createTable('translation_cache')
      .addColumn('text_hash', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('translated', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('translation_cache_pk', ['text_hash', 'source', 'target', 'provider'])
      .execute();
    await db.schema.createIndex('translation_cache_created').on('translation_cache').column('created_at').execute();

    await db.schema
      .createTable('user_translation_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('auto_translate', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('read_languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
