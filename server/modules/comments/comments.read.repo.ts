import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';

/** People on the other side of a block from the viewer: their comments are hidden from the viewer. */
function blockedSubquery(db: Executor, viewerId: string) {
  return db
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', viewerId)
    .union(db.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', viewerId));
}

// moderation (issue 7): held and removed comments are their author's only; muted authors are hidden
// from the muter. The state column is the projection of the moderation log.
function shownTo(db: Executor, viewerId: string | null) {
  return (eb: ExpressionBuilder<DB, 'comments'>) => {
    if (!viewerId) return eb('comments.moderation_state', 'in', ['normal', 'labelled']);
    return eb.and([
      eb.or([eb('comments.author_id', '=', viewerId), eb('comments.moderation_state', 'in', ['normal', 'labelled'])]),
      eb('comments.author_id', 'not in', db.selectFrom('user_mutes').select('muted_id').where('muter_id', '=', viewerId)),
    ]);
  };
}

/** Top-level comments of a note, newest first, after the cursor id. Index: comments_note. */
export async function topLevelRows(db: Executor, noteId: string, viewerId: string | null, after: string | null, limit: number) {
  let q = db.selectFrom('comments').selectAll().where('note_id', '=', noteId).where('parent_id', 'is', null).where(shownTo(db, viewerId));
  if (viewerId) q = q.where('author_id', 'not in', blockedSubquery(db, viewerId));
  if (after) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Replies under one top-level comment, oldest first (a conversation reads down). Index: comments_parent. */
export async function replyRows(db: Executor, parentId: string, viewerId: string | null, after: string | null, limit: number) {
  let q = db.selectFrom('comments').selectAll().where('parent_id', '=', parentId).where(shownTo(db, viewerId));
  if (viewerId) q = q.where('author_id', 'not in', blockedSubquery(db, viewerId));
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id', 'asc').limit(limit + 1).execute();
}

/**
 * The first `perParent` replies of each of many top-level comments in ONE query (a window function,
 * which SQLite and PostgreSQL both have), so a page of threads is never N+1.
 */
export async function replyPreviews(db: Executor, parentIds: string[], viewerId: string | null, perParent: number) {
  if (parentIds.length === 0) return [];
  let inner = db
    .selectFrom('comments')
    .selectAll()
    .select((eb) => eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('parent_id').orderBy('id')).as('rn'))
    .where('parent_id', 'in', parentIds)
    .where(shownTo(db, viewerId));
  if (viewerId) inner = inner.where('author_id', 'not in', blockedSubquery(db, viewerId));
  return db
    .selectFrom(inner.as('r'))
    .selectAll()
    .where('r.rn', '<=', perParent)
    .orderBy('r.parent_id')
    .orderBy('r.id')
    .execute();
}

export async function likedAmong(db: Executor, commentIds: string[], viewerId: string | null): Promise<Set<string>> {
  if (!viewerId || commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_likes')
    .select('comment_id')
    .where('user_id', '=', viewerId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}
