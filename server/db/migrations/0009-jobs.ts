import { sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * The durable job queue (server/infra/queue). A job is claimed by flipping it to `running` with a
 * lease (`locked_until`); a worker that dies leaves a lease that expires and the job is claimed again.
 * Finished jobs are deleted; jobs out of attempts stay as `dead` for an operator to read.
 */
export const jobs: KuaanMigration = {
  async up(db) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at', 'id']).execute();
    // At most one waiting job per key: a burst of edits to one note coalesces into one reindex.
    await sql`CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE state = 'queued'`.execute(db);
  },
};
