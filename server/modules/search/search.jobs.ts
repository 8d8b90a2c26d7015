import type { AppContext } from '../../context.js';
import { SearchIndexer, type SweepPosition } from './search.indexer.js';
import { SearchText } from './search.text.js';

export const SEARCH_JOBS = {
  note: 'search.index-note',
  user: 'search.index-user',
  syncUsers: 'search.sync-users',
} as const;

const SYNC_KEY = 'search:sync-users';
/** Note and profile jobs indexed together at most. */
export const INDEX_BATCH = 100;

/** The indexer of a context (the CLI's reindex builds one without an app). */
export function searchIndexer(ctx: Pick<AppContext, 'database' | 'search' | 'clock' | 'translator'>): SearchIndexer {
  return new SearchIndexer(ctx, new SearchText(ctx.translator.aids));
}

/**
 * Search indexing as durable jobs: note and profile changes enqueue a job after commit (coalesced
 * per note or person while waiting), and a recurring sweep indexes people changed since its
 * watermark, so sign-ups and profile edits are found even where no event announces them.
 */
export function subscribeSearch(ctx: AppContext): void {
  const indexer = searchIndexer(ctx);
  // database.write: on SQLite the job shares a COMMIT with the writes around it (ADR 0012).
  const note = (noteId: string) => ctx.database.write((db) => ctx.queue.enqueue(db, SEARCH_JOBS.note, { noteId }, { key: `search:note:${noteId}` }));
  ctx.events.on('note.created', (e) => note(e.noteId));
  ctx.events.on('note.updated', (e) => note(e.noteId));
  ctx.events.on('note.deleted', (e) => note(e.noteId));
  ctx.events.on('user.updated', (e) =>
    ctx.database.write((db) => ctx.queue.enqueue(db, SEARCH_JOBS.user, { userId: e.userId }, { key: `search:user:${e.userId}` })),
  );

  registerSearchJobs(ctx, indexer);
}

/**
 * The handlers of the search jobs, for whichever process runs the queue (the server, or `kuaan
 * worker`). Note and profile jobs are claimed in batches and indexed in one transaction; the same
 * note twice in a batch is indexed once.
 */
export function registerSearchJobs(ctx: Pick<AppContext, 'queue' | 'database' | 'clock' | 'config'>, indexer: SearchIndexer): void {
  const unique = (ids: string[]) => [...new Set(ids)];
  ctx.queue.registerBatch<{ noteId: string }>(SEARCH_JOBS.note, (ps) => indexer.indexNotes(unique(ps.map((p) => p.noteId))), {
    batchSize: INDEX_BATCH,
  });
  ctx.queue.registerBatch<{ userId: string }>(SEARCH_JOBS.user, (ps) => indexer.indexUsers(unique(ps.map((p) => p.userId))), {
    batchSize: INDEX_BATCH,
  });
  // One bounded batch per run: a backlog of 100,000 people is 200 short jobs with the event loop free
  // in between, and the watermark is durable after each, so a restart resumes instead of starting over.
  ctx.queue.register<SweepPosition>(SEARCH_JOBS.syncUsers, async (p) => {
    let next: SweepPosition = { since: Number(p.since) || 0, ...(p.after ? { after: p.after } : {}) };
    let runAt = ctx.clock.now() + ctx.config.search.userSyncMs;
    try {
      const batch = await indexer.syncUsersBatch(next);
      next = batch.next;
      if (batch.more) runAt = ctx.clock.now();
    } finally {
      // A failed batch is tried again at the next interval from the same place: the waiting sweep
      // supersedes this job's own retries, which would give up after a few and end the sweep for good.
      await enqueueSweep(ctx, next, runAt);
    }
  });
}

/** Makes sure the recurring user sweep exists (an earlier waiting one keeps its watermark). */
export function scheduleUserSweep(ctx: Pick<AppContext, 'queue' | 'database' | 'clock'>, since: number, runAt?: number): Promise<void> {
  return enqueueSweep(ctx, { since }, runAt ?? ctx.clock.now());
}

function enqueueSweep(ctx: Pick<AppContext, 'queue' | 'database'>, position: SweepPosition, runAt: number): Promise<void> {
  return ctx.queue.enqueue(ctx.database.db, SEARCH_JOBS.syncUsers, position, { key: SYNC_KEY, runAt });
}
