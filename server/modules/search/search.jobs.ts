import type { AppContext } from '../../context.js';
import { SearchIndexer } from './search.indexer.js';
import { SearchText } from './search.text.js';

export const SEARCH_JOBS = {
  note: 'search.index-note',
  user: 'search.index-user',
  syncUsers: 'search.sync-users',
} as const;

const SYNC_KEY = 'search:sync-users';

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
  const db = ctx.database.db;
  const note = (noteId: string) => ctx.queue.enqueue(db, SEARCH_JOBS.note, { noteId }, { key: `search:note:${noteId}` });
  ctx.events.on('note.created', (e) => note(e.noteId));
  ctx.events.on('note.updated', (e) => note(e.noteId));
  ctx.events.on('note.deleted', (e) => note(e.noteId));
  ctx.events.on('user.updated', (e) => ctx.queue.enqueue(db, SEARCH_JOBS.user, { userId: e.userId }, { key: `search:user:${e.userId}` }));

  ctx.queue.register<{ noteId: string }>(SEARCH_JOBS.note, (p) => indexer.indexNotes([p.noteId]));
  ctx.queue.register<{ userId: string }>(SEARCH_JOBS.user, (p) => indexer.indexUsers([p.userId]));
  ctx.queue.register<{ since: number }>(SEARCH_JOBS.syncUsers, async (p) => {
    const next = await indexer.syncUsers(Number(p.since) || 0);
    await scheduleUserSweep(ctx, next, ctx.clock.now() + ctx.config.search.userSyncMs);
  });
}

/** Makes sure the recurring user sweep exists (an earlier waiting one keeps its watermark). */
export function scheduleUserSweep(ctx: Pick<AppContext, 'queue' | 'database' | 'clock'>, since: number, runAt?: number): Promise<void> {
  return ctx.queue.enqueue(ctx.database.db, SEARCH_JOBS.syncUsers, { since }, { key: SYNC_KEY, runAt: runAt ?? ctx.clock.now() });
}
