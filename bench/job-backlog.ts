/**
 * The durable job queue's backlog, read straight from the benchmark's database: after a write
 * scenario, how many jobs (moderation checks, search indexing …) the load left waiting, and how long
 * the server then took to work them off. Mastodon servers in their 2022 surge fell 45 minutes behind
 * on background jobs; this is the number that shows whether Kysely's queue keeps up.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { Database } from '../server/db/database.js';
import { postgresDialect, sqliteDialect } from '../server/db/dialect.js';
import type { Manifest } from './data/generate.js';

export interface Backlog {
  /** Jobs due now, queued or running (not dead ones, nor recurring sweeps scheduled for later). */
  waiting(): Promise<number>;
  /** Polls until nothing waits or maxSeconds pass; the seconds it took (maxSeconds if it never drained). */
  drain(maxSeconds: number): Promise<number>;
  close(): Promise<void>;
}

export async function openBacklog(manifest: Manifest): Promise<Backlog> {
  const database = new Database(
    manifest.databaseUrl ? await postgresDialect(manifest.databaseUrl, () => {}, 1) : sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')),
  );
  const waiting = async () => {
    const row = await sql<{ n: number }>`select count(*) as n from jobs where state in ('queued', 'running') and run_at <= ${Date.now()}`.execute(
      database.db,
    );
    return Number(row.rows[0]?.n ?? 0);
  };
  return {
    waiting,
    async drain(maxSeconds) {
      const started = Date.now();
      while ((await waiting()) > 0 && Date.now() - started < maxSeconds * 1000) await new Promise((r) => setTimeout(r, 250));
      return Math.round((Date.now() - started) / 100) / 10;
    },
    close: () => database.destroy(),
  };
}
