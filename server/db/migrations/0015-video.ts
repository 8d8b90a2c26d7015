import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/** Video notes (issue 9): the uploaded video, its renditions and poster, and caption tracks. */
export const video: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('videos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('note_id', 'text', (c) => c.references('notes.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error_code', 'text')
      .addColumn('error_params', 'text')
      .addColumn('source_key', 'text')
      .addColumn('source_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('duration_ms', 'integer')
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('bytes', 'bigint')
      .addColumn('renditions', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('poster', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('videos_owner').on('videos').columns(['owner_id', 'created_at']).execute();
    // A video belongs to at most one note; the unique index also settles two notes racing for it.
    await sql`CREATE UNIQUE INDEX videos_note ON videos (note_id) WHERE note_id IS NOT NULL`.execute(db);

    await db.schema
      .createTable('video_captions')
      .addColumn('video_id', 'text', (c) => c.notNull().references('videos.id').onDelete('cascade'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('video_captions_pk', ['video_id', 'lang'])
      .execute();
  },
};
