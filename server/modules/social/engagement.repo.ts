import type { Executor } from '../../db/database.js';
import { bumpNoteCounters } from '../notes/hot-score.js';

/** Adds a like; true only when a row was actually inserted (a repeat or a racing twin is a no-op). */
export async function insertNoteLike(db: Executor, noteId: string, userId: string, now: number): Promise<boolean> {
  const row = await db
    .insertInto('note_likes')
    .values({ note_id: noteId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(['note_id', 'user_id']).doNothing())
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteNoteLike(db: Executor, noteId: string, userId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('note_likes')
    .where('note_id', '=', noteId)
    .where('user_id', '=', userId)
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves a note's like/collect counters by delta in one atomic UPDATE (col = col + delta, never a
 * read-modify-write), recomputing its discover score in the same transaction and marking its topic
 * rows' copy as behind (ADR 0015). Returns the counters as this UPDATE left them, for the response.
 */
export async function bumpNoteCounter(db: Executor, noteId: string, counter: 'likes' | 'collects', delta: number) {
  return bumpNoteCounters(db, noteId, { [counter]: delta });
}

export async function bumpLikesReceived(db: Executor, userId: string, delta: number): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ likes_received_count: eb('likes_received_count', '+', delta) }))
    .where('id', '=', userId)
    .execute();
}

export async function noteCounters(db: Executor, noteId: string) {
  return db.selectFrom('notes').select(['like_count', 'collect_count']).where('id', '=', noteId).executeTakeFirst();
}

export async function hasLiked(db: Executor, noteId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('note_likes').select('note_id').where('note_id', '=', noteId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function insertCollect(db: Executor, noteId: string, userId: string, boardId: string | null, now: number): Promise<boolean> {
  const row = await db
    .insertInto('collects')
    .values({ note_id: noteId, user_id: userId, board_id: boardId, created_at: now })
    .onConflict((oc) => oc.columns(['note_id', 'user_id']).doNothing())
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findCollect(db: Executor, noteId: string, userId: string) {
  return db.selectFrom('collects').select('board_id').where('note_id', '=', noteId).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * Moves a collect from one board to another, only if it is still where we last saw it: a concurrent
 * move makes this a no-op (false) instead of double-counting boards.
 */
export async function moveCollect(db: Executor, noteId: string, userId: string, from: string | null, to: string | null): Promise<boolean> {
  const row = await db
    .updateTable('collects')
    .set({ board_id: to })
    .where('note_id', '=', noteId)
    .where('user_id', '=', userId)
    .where((eb) => (from === null ? eb('board_id', 'is', null) : eb('board_id', '=', from)))
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a collect; returns the board it was in (undefined when there was no collect). */
export async function deleteCollect(db: Executor, noteId: string, userId: string): Promise<{ board_id: string | null } | undefined> {
  return db
    .deleteFrom('collects')
    .where('note_id', '=', noteId)
    .where('user_id', '=', userId)
    .returning('board_id')
    .executeTakeFirst();
}

/** Board counter deltas, applied in id order so concurrent moves never deadlock. */
export async function bumpBoardCounts(db: Executor, deltas: Array<[string | null, number]>): Promise<void> {
  const byBoard = new Map<string, number>();
  for (const [id, d] of deltas) if (id) byBoard.set(id, (byBoard.get(id) ?? 0) + d);
  for (const [id, d] of [...byBoard].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (d === 0) continue;
    await db
      .updateTable('boards')
      .set((eb) => ({ collect_count: eb('collect_count', '+', d) }))
      .where('id', '=', id)
      .execute();
  }
}
