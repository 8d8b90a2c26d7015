import { floatType } from '../dialect.js';
import type { KuaanMigration } from './migration.js';

/**
 * Transparent moderation (ADR 0008): the append-only event log, the derived subject status that is
 * also the review queue, reports, appeals, rule versions and the safety tools.
 * notes/comments/users get a state column that reads filter on (the log's projection).
 */
export const moderation: KuaanMigration = {
  async up(db, kind) {
    await db.schema.alterTable('notes').addColumn('moderation_state', 'text', (c) => c.notNull().defaultTo('normal')).execute();
    await db.schema.alterTable('notes').addColumn('region_rule_id', 'text').execute();
    // JSON array of region codes where region_rule_id applies (copied from the rule when actioned).
    await db.schema.alterTable('notes').addColumn('restricted_regions', 'text').execute();
    await db.schema.alterTable('comments').addColumn('moderation_state', 'text', (c) => c.notNull().defaultTo('normal')).execute();
    await db.schema.alterTable('users').addColumn('moderation_state', 'text', (c) => c.notNull().defaultTo('ok')).execute();
    await db.schema.alterTable('users').addColumn('suspended_until', 'bigint').execute();

    await db.schema
      .createTable('rule_versions')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('moderation_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('rule_version', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('confidence', floatType(kind))
      .addColumn('automated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('until_at', 'bigint')
      .addColumn('reverses_id', 'text')
      .addColumn('decision_ms', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('moderation_events_subject').on('moderation_events').columns(['subject_kind', 'subject_id', 'id']).execute();
    // A person's notices, newest first.
    await db.schema.createIndex('moderation_events_user').on('moderation_events').columns(['subject_user_id', 'id']).execute();
    // Monthly transparency figures scan by time.
    await db.schema.createIndex('moderation_events_time').on('moderation_events').column('created_at').execute();

    await db.schema
      .createTable('moderation_subjects')
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('state_event_id', 'text')
      .addColumn('review', 'text', (c) => c.notNull().defaultTo('closed'))
      .addColumn('severity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lang', 'text')
      .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('opened_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('moderation_subjects_pk', ['subject_kind', 'subject_id'])
      .execute();
    // The queue: open items by severity, then oldest first.
    await db.schema
      .createIndex('moderation_subjects_queue')
      .on('moderation_subjects')
      .columns(['review', 'severity', 'opened_at'])
      .execute();

    await db.schema
      .createTable('moderation_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_event_id', 'text')
      .execute();
    await db.schema.createIndex('moderation_reports_reporter').on('moderation_reports').columns(['reporter_id', 'id']).execute();
    await db.schema.createIndex('moderation_reports_subject').on('moderation_reports').columns(['subject_kind', 'subject_id']).execute();

    await db.schema
      .createTable('moderation_appeals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().unique().references('moderation_events.id').onDelete('cascade'))
      .addColumn('appellant_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('statement', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('original_actor_id', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decision_note', 'text')
      .addColumn('decided_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('moderation_appeals_open').on('moderation_appeals').columns(['state', 'created_at']).execute();

    await db.schema
      .createTable('user_mutes')
      .addColumn('muter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('muted_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_mutes_pk', ['muter_id', 'muted_id'])
      .execute();
    await db.schema
      .createTable('user_keyword_filters')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('word', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_keyword_filters_pk', ['user_id', 'word'])
      .execute();
    await db.schema
      .createTable('user_safety_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('comment_policy', 'text', (c) => c.notNull().defaultTo('everyone'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
