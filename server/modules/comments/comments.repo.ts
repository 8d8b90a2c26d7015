import type { Executor } from '../../db/database.js';
import type { CommentsTable } from '../../db/schema/index.js';
import { bumpNoteCounters } from '../notes/hot-score.js';

export async function findComment(db: Executor, id: string) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves a note's comment counter (and its discover score) by delta. Called first in every comment
 * write, so the note row's lock orders concurrent writes on one note (no deadlocks with a reply
 * racing the deletion of its thread); false when the note is gone.
 */
export async function bumpNoteComments(db: Executor, noteId: string, delta: number): Promise<boolean> {
  return (await bumpNoteCounters(db, noteId, { comments: delta })) !== undefined;
}

/** Moves a top-level comment's reply counter; false when that comment is gone. */
export async function bumpReplyCount(db: Executor, commentId: string, delta: number): Promise<boolean> {
  const row = await db
    .updateTable('comments')
    .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
    .where('id', '=', commentId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertComment(db: Executor, row: CommentsTable): Promise<void> {
  await db.insertInto('comments').values(row).execute();
}

/**
 * Deletes a comment (its replies go with it, by cascade) and returns what the counters need: the
 * DELETE holds the row, so reply_count is exactly the number of replies removed with it.
 */
export async function deleteCommentReturning(db: Executor, id: string) {
  return db.deleteFrom('comments').where('id', '=', id).returning(['parent_id', 'reply_count', 'note_id', 'moderation_state']).executeTakeFirst();
}

export async function insertCommentLike(db: Executor, commentId: string, userId: string, now: number): Promise<boolean> {
  const row = await db
    .insertInto('comment_likes')
    .values({ comment_id: commentId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .returning('comment_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCommentLike(db: Executor, commentId: string, userId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('comment_likes')
    .where('comment_id', '=', commentId)
    .where('user_id', '=', userId)
    .returning('comment_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function bumpCommentLikes(db: Executor, commentId: string, delta: number): Promise<void> {
  await db
    .updateTable('comments')
    .set((eb) => ({ like_count: eb('like_count', '+', delta) }))
    .where('id', '=', commentId)
    .execute();
}

export async function commentLikeState(db: Executor, commentId: string, userId: string) {
  const [row, liked] = await Promise.all([
    db.selectFrom('comments').select('like_count').where('id', '=', commentId).executeTakeFirst(),
    db.selectFrom('comment_likes').select('user_id').where('comment_id', '=', commentId).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return { liked: liked !== undefined, likeCount: Number(row?.like_count ?? 0) };
}
