import { floatType } from '../dialect.js';
import type { KuaanMigration } from './migration.js';

export const notes: KuaanMigration = {
  async up(db, kind) {
    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('facets', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('location_label', 'text')
      .addColumn('cover_media_id', 'text')
      .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('collect_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('view_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hot_score', floatType(kind), (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notes_author').on('notes').columns(['author_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('notes_hot').on('notes').columns(['visibility', 'hot_score', 'id']).execute();
    await db.schema.createIndex('notes_recent').on('notes').columns(['visibility', 'created_at', 'id']).execute();

    await db.schema
      .createTable('note_media')
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('alt_text', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('note_media_pk', ['note_id', 'position'])
      .execute();
    // An image belongs to one note: the unique index also settles two notes racing for the same upload.
    await db.schema.createIndex('note_media_media').on('note_media').column('media_id').unique().execute();

    await db.schema
      .createTable('hashtags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_lower', 'text', (c) => c.notNull().unique())
      .addColumn('note_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('view_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('comment_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('note_hashtags')
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('hashtag_id', 'text', (c) => c.notNull().references('hashtags.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // A copy of notes.hot_score, kept equal in the same UPDATE/transaction that moves the note's
      // score, so a topic's hot page is an index range scan (note_hashtags_hot) instead of a sort.
      .addColumn('hot_score', floatType(kind), (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('note_hashtags_pk', ['note_id', 'hashtag_id'])
      .execute();
    await db.schema
      .createIndex('note_hashtags_tag')
      .on('note_hashtags')
      .columns(['hashtag_id', 'created_at', 'note_id'])
      .execute();
    await db.schema
      .createIndex('note_hashtags_hot')
      .on('note_hashtags')
      .columns(['hashtag_id', 'hot_score', 'note_id'])
      .execute();

    await db.schema
      .createTable('note_mentions')
      .addColumn('note_id', 'text', (c) => c.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('note_mentions_pk', ['note_id', 'user_id'])
      .execute();
    await db.schema.createIndex('note_mentions_user').on('note_mentions').column('user_id').execute();
  },
};
