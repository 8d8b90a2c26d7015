import type { KuaanMigration } from './migration.js';

/** Chat (conversations, messages, corrections, phrasebook) and English Corner (partner profiles, requests). */
export const chat: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
      // "<smaller id>:<larger id>" for 1:1 conversations, so a pair has exactly one.
      .addColumn('direct_key', 'text', (c) => c.unique())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('last_message_at', 'bigint')
      .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pinned_message_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    // Open rooms are listed busiest-first.
    await db.schema.createIndex('conversations_kind').on('conversations').columns(['kind', 'last_message_at']).execute();

    await db.schema
      .createTable('conversation_members')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('silenced_until', 'bigint')
      .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_members_pk', ['conversation_id', 'user_id'])
      .execute();
    await db.schema.createIndex('conversation_members_user').on('conversation_members').columns(['user_id', 'state']).execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('sticker_code', 'text')
      .addColumn('client_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
      .execute();
    // A retried send (same clientId) finds the first one instead of writing a duplicate.
    await db.schema.createIndex('messages_sender_client').on('messages').columns(['sender_id', 'client_id']).execute();

    await db.schema
      .createTable('message_corrections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('corrected', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('message_corrections_message').on('message_corrections').columns(['message_id', 'created_at']).execute();

    await db.schema
      .createTable('phrasebook_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('translation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source_message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('phrasebook_user').on('phrasebook_entries').columns(['user_id', 'id']).execute();

    await db.schema
      .createTable('chat_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('who_may_message', 'text', (c) => c.notNull().defaultTo('everyone'))
      .execute();

    await db.schema
      .createTable('partner_profiles')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
      // 168 characters, '1' for an hour of the week (Monday 00:00 first) in the person's own time zone.
      .addColumn('availability', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('partner_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('responded_at', 'bigint')
      .execute();
    await db.schema.createIndex('partner_requests_recipient').on('partner_requests').columns(['recipient_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('partner_requests_sender').on('partner_requests').columns(['sender_id', 'created_at']).execute();
  },
};
