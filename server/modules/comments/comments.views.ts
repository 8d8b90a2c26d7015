import type { Comment, CommentThread } from '../../../contract/comments.js';
import type { Facet } from '../../../contract/facets.js';
import type { Executor } from '../../db/database.js';
import { decodeCursor, paginate } from '../../db/pagination.js';
import type { CommentsTable } from '../../db/schema/index.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { likedAmong, replyPreviews, replyRows, topLevelRows } from './comments.read.repo.js';
// moderation (issue 7)
import { containsAny, viewerFilters } from '../moderation/safety.service.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
/** Replies shown under each top-level comment before "show more" (RedNote shows a few). */
export const REPLY_PREVIEW = 3;

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** Comment rows → DTOs with authors, reply targets and likedByMe, in a fixed number of queries. */
async function commentDtos(db: Executor, rows: CommentsTable[], noteAuthorId: string, viewerId: string | null): Promise<Map<string, Comment>> {
  const userIds = rows.flatMap((r) => (r.reply_to_user_id ? [r.author_id, r.reply_to_user_id] : [r.author_id]));
  const [users, liked, filters] = await Promise.all([
    userSummaries(db, userIds),
    likedAmong(
      db,
      rows.map((r) => r.id),
      viewerId,
    ),
    viewerFilters(db, viewerId),
  ]);
  const out = new Map<string, Comment>();
  for (const r of rows) {
    const author = users.get(r.author_id);
    if (!author) continue;
    // moderation (issue 7): the viewer's keyword filters hide other people's comments from them.
    if (r.author_id !== viewerId && containsAny(r.body, filters.words)) continue;
    out.set(r.id, {
      id: r.id,
      noteId: r.note_id,
      parentId: r.parent_id,
      author,
      replyTo: r.reply_to_user_id ? (users.get(r.reply_to_user_id) ?? null) : null,
      body: r.body,
      facets: JSON.parse(r.facets) as Facet[],
      lang: r.lang ?? null,
      langMixed: Number(r.lang_mixed ?? 0) === 1,
      likeCount: Number(r.like_count),
      replyCount: Number(r.reply_count),
      likedByMe: liked.has(r.id),
      byNoteAuthor: r.author_id === noteAuthorId,
      canDelete: viewerId !== null && (viewerId === r.author_id || viewerId === noteAuthorId),
      sensitive: r.moderation_state === 'labelled',
      createdAt: iso(r.created_at),
    });
  }
  return out;
}

/** A page of a note's top-level comments, newest first, each with its first replies. */
export async function threadsView(
  db: Executor,
  note: { id: string; author_id: string },
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
): Promise<PageOf<CommentThread>> {
  const after = decodeCursor<[string]>(cursor, ['string']);
  const page = paginate(await topLevelRows(db, note.id, viewerId, after?.[0] ?? null, limit), limit, (r) => [r.id]);
  const previews = await replyPreviews(
    db,
    page.rows.map((r) => ({ id: r.id, replyCount: Number(r.reply_count) })),
    viewerId,
    REPLY_PREVIEW,
  );
  const dtos = await commentDtos(db, [...page.rows, ...previews], note.author_id, viewerId);
  const items: CommentThread[] = [];
  for (const r of page.rows) {
    const comment = dtos.get(r.id);
    if (!comment) continue;
    const replies = previews.filter((p) => p.parent_id === r.id).flatMap((p) => dtos.get(p.id) ?? []);
    items.push({ comment, replies });
  }
  return { items, nextCursor: page.nextCursor };
}

/** A page of the replies under one top-level comment, oldest first. */
export async function repliesView(
  db: Executor,
  top: { id: string },
  noteAuthorId: string,
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
): Promise<PageOf<Comment>> {
  const after = decodeCursor<[string]>(cursor, ['string']);
  const page = paginate(await replyRows(db, top.id, viewerId, after?.[0] ?? null, limit), limit, (r) => [r.id]);
  const dtos = await commentDtos(db, page.rows, noteAuthorId, viewerId);
  return { items: page.rows.flatMap((r) => dtos.get(r.id) ?? []), nextCursor: page.nextCursor };
}

/** One comment as the viewer sees it (after creating it, for instance). */
export async function commentView(db: Executor, row: CommentsTable, noteAuthorId: string, viewerId: string | null): Promise<Comment> {
  return (await commentDtos(db, [row], noteAuthorId, viewerId)).get(row.id)!;
}
