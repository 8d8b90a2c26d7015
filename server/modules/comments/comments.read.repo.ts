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

/** Comments the viewer may see: shown (or their own), not by someone they muted or by either side of a block. */
function visibleComments(db: Executor, viewerId: string | null) {
  let q = db.selectFrom('comments').selectAll().where(shownTo(db, viewerId));
  if (viewerId) q = q.where('author_id', 'not in', blockedSubquery(db, viewerId));
  return q;
}

/** Top-level comments of a note, newest first, after the cursor id. Index: comments_note. */
export async function topLevelRows(db: Executor, noteId: string, viewerId: string | null, after: string | null, limit: number) {
  let q = visibleComments(db, viewerId).where('note_id', '=', noteId).where('parent_id', 'is', null);
  if (after) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Replies under one top-level comment, oldest first (a conversation reads down). Index: comments_parent. */
export async function replyRows(db: Executor, parentId: string, viewerId: string | null, after: string | null, limit: number) {
  let q = visibleComments(db, viewerId).where('parent_id', '=', parentId);
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id', 'asc').limit(limit + 1).execute();
}

/** A thread with more replies than this has its preview read by a seek of its own. */
const LONG_THREAD = 20;

/**
 * The first `perParent` replies of each top-level comment on a page, in at most two queries whatever
 * the page's size (never N+1). Threads of up to LONG_THREAD replies (nearly all) share one query with
 * a window function, which reads every reply of its threads; a longer thread (a comment under a note
 * that took off can gather thousands) gets a seek of its own on comments_parent that stops after
 * `perParent` shown replies, all such seeks joined by UNION ALL. With the window function alone, a
 * page of 20 threads of 5,000 replies each took 177 ms on SQLite and 44 ms on PostgreSQL; a seek for
 * every thread instead cost a page of short threads 4 and 15 ms against 0.5 and 1.7
 * (bench/reply-previews.ts). `replyCount` is the stored counter, a size hint only.
 */
export async function replyPreviews(db: Executor, parents: Array<{ id: string; replyCount: number }>, viewerId: string | null, perParent: number) {
  const short = parents.filter((p) => p.replyCount <= LONG_THREAD).map((p) => p.id);
  const long = parents.filter((p) => p.replyCount > LONG_THREAD).map((p) => p.id);
  const [windowed, sought] = await Promise.all([firstRepliesOfShort(db, short, viewerId, perParent), firstRepliesOfLong(db, long, viewerId, perParent)]);
  return [...windowed, ...sought].sort((a, b) => (a.parent_id! < b.parent_id! ? -1 : a.parent_id! > b.parent_id! ? 1 : a.id < b.id ? -1 : 1));
}

async function firstRepliesOfShort(db: Executor, parentIds: string[], viewerId: string | null, perParent: number) {
  if (parentIds.length === 0) return [];
  const ranked = visibleComments(db, viewerId)
    .select((eb) => eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('parent_id').orderBy('id')).as('rn'))
    .where('parent_id', 'in', parentIds);
  return db.selectFrom(ranked.as('r')).selectAll().where('r.rn', '<=', perParent).execute();
}

async function firstRepliesOfLong(db: Executor, parentIds: string[], viewerId: string | null, perParent: number) {
  if (parentIds.length === 0) return [];
  // Each seek wrapped: SQLite takes ORDER BY and LIMIT only on a whole compound select, not a member.
  const [first, ...rest] = parentIds.map((id, i) =>
    db.selectFrom(visibleComments(db, viewerId).where('parent_id', '=', id).orderBy('id').limit(perParent).as(`t${i}`)).selectAll(),
  );
  return rest.reduce((all, next) => all.unionAll(next), first!).execute();
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
