import type { CollectState, LikeState } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { isForeignKeyViolation } from '../../db/dialect.js';
import { notFound } from '../../errors.js';
import { loadNoteForAction } from '../notes/notes.policy.js';
import * as repo from './engagement.repo.js';
import { loadOwnBoard } from './social.policy.js';

/** A collect move that lost a race re-reads and tries again at most this many times. */
const MOVE_ATTEMPTS = 5;

/** A note that vanished between the visibility check and the write is, to the caller, not found. */
function noteGone(err: unknown): never {
  if (isForeignKeyViolation(err)) throw notFound('note');
  throw err;
}

export class EngagementService {
  constructor(private readonly ctx: AppContext) {}

  /** Likes a note the viewer can see; counters move only when a like row was really added. */
  async likeNote(viewerId: string, noteId: string): Promise<LikeState> {
    const note = await loadNoteForAction(this.ctx.database.db, noteId, viewerId);
    const now = this.ctx.clock.now();
    return this.ctx.database
      .transaction(async (txn): Promise<LikeState> => {
        if (!(await repo.insertNoteLike(txn.db, noteId, viewerId, now))) {
          // Already liked (a repeat or a racing twin): nothing moves; answer with the count as it is.
          return { liked: true, likeCount: Number((await repo.noteCounters(txn.db, noteId))?.like_count ?? 0) };
        }
        const counters = await repo.bumpNoteCounter(txn.db, noteId, 'likes', 1);
        await repo.bumpLikesReceived(txn.db, note.author_id, 1);
        txn.afterCommit(() => this.ctx.events.emit('note.liked', { noteId, authorId: note.author_id, userId: viewerId }));
        return { liked: true, likeCount: Number(counters?.like_count ?? 0) };
      })
      .catch(noteGone);
  }

  /** Takes back a like; a no-op when there was none. */
  async unlikeNote(viewerId: string, noteId: string): Promise<LikeState> {
    const note = await loadNoteForAction(this.ctx.database.db, noteId, viewerId);
    return this.ctx.database.transaction(async (txn): Promise<LikeState> => {
      if (!(await repo.deleteNoteLike(txn.db, noteId, viewerId))) {
        return { liked: false, likeCount: Number((await repo.noteCounters(txn.db, noteId))?.like_count ?? 0) };
      }
      const counters = await repo.bumpNoteCounter(txn.db, noteId, 'likes', -1);
      await repo.bumpLikesReceived(txn.db, note.author_id, -1);
      return { liked: false, likeCount: Number(counters?.like_count ?? 0) };
    });
  }

  private async collectState(noteId: string, viewerId: string): Promise<CollectState> {
    const db = this.ctx.database.db;
    const [counters, row] = await Promise.all([repo.noteCounters(db, noteId), repo.findCollect(db, noteId, viewerId)]);
    return { collected: row !== undefined, boardId: row?.board_id ?? null, collectCount: counters?.collect_count ?? 0 };
  }

  /**
   * Collects a note, into a board of the viewer's when boardId is given. On a note already collected,
   * a boardId (or null for "no board") moves it; leaving boardId out changes nothing.
   */
  async collect(viewerId: string, noteId: string, boardId: string | null | undefined): Promise<CollectState> {
    const db = this.ctx.database.db;
    const note = await loadNoteForAction(db, noteId, viewerId);
    if (boardId) await loadOwnBoard(db, boardId, viewerId);
    const target = boardId ?? null;
    const now = this.ctx.clock.now();
    const added = await this.ctx.database
      .transaction(async (txn): Promise<CollectState | undefined> => {
        for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
          if (await repo.insertCollect(txn.db, noteId, viewerId, target, now)) {
            const counters = await repo.bumpNoteCounter(txn.db, noteId, 'collects', 1);
            await repo.bumpBoardCounts(txn.db, [[target, 1]]);
            txn.afterCommit(() => this.ctx.events.emit('note.collected', { noteId, authorId: note.author_id, userId: viewerId }));
            // The new collect's state is known from this transaction: no re-read.
            return { collected: true, boardId: target, collectCount: Number(counters?.collect_count ?? 0) };
          }
          const current = await repo.findCollect(txn.db, noteId, viewerId);
          if (!current) continue; // uncollected in the meantime: insert again
          if (boardId === undefined || current.board_id === target) return;
          if (await repo.moveCollect(txn.db, noteId, viewerId, current.board_id, target)) {
            await repo.bumpBoardCounts(txn.db, [
              [current.board_id, -1],
              [target, 1],
            ]);
            return;
          }
        }
      })
      .catch((err: unknown) => {
        // The note or the board was deleted while we wrote.
        if (isForeignKeyViolation(err)) throw notFound(boardId ? 'board' : 'note');
        throw err;
      });
    return added ?? this.collectState(noteId, viewerId);
  }

  /** Removes the viewer's collect of a note (from its board too); a no-op when there was none. */
  async uncollect(viewerId: string, noteId: string): Promise<CollectState> {
    await loadNoteForAction(this.ctx.database.db, noteId, viewerId);
    await this.ctx.database.transaction(async (txn) => {
      const removed = await repo.deleteCollect(txn.db, noteId, viewerId);
      if (!removed) return;
      await repo.bumpNoteCounter(txn.db, noteId, 'collects', -1);
      await repo.bumpBoardCounts(txn.db, [[removed.board_id, -1]]);
    });
    return this.collectState(noteId, viewerId);
  }
}
