import type { CreateCommentBody } from '../../../contract/comments.js';
import type { LikeState } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { isForeignKeyViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import type { CommentsTable } from '../../db/schema/index.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { loadNoteForAction } from '../notes/notes.policy.js';
import { bumpTopicComments } from '../notes/topics.repo.js';
import { isBlockedEitherWay } from '../social/relations.repo.js';
import type { StickerCatalog } from '../stickers/stickers.catalog.js';
import { commentText } from './comment-text.js';
// moderation (issue 7)
import { isHidden } from '../moderation/effects.js';
import { assertMayPost } from '../moderation/moderation.policy.js';
import { commentFingerprint } from '../moderation/checks/simhash.js';
import { assertMayComment } from '../moderation/safety.service.js';
import { loadVisibleComment } from './comments.policy.js';
import * as repo from './comments.repo.js';

export class CommentsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly stickers: StickerCatalog,
  ) {}

  /**
   * Comments on a note, or replies to a comment. A reply to a reply is attached to the top-level
   * comment with reply_to_user_id set: threads are two levels deep, as on RedNote.
   */
  async create(viewerId: string, noteId: string, input: CreateCommentBody): Promise<string> {
    return (await this.post(viewerId, noteId, input)).comment.id;
  }

  /** create(), answering with the stored row and the note's author, so the route need not read them back. */
  async post(viewerId: string, noteId: string, input: CreateCommentBody): Promise<{ comment: CommentsTable; noteAuthorId: string }> {
    const db = this.ctx.database.db;
    const note = await loadNoteForAction(db, noteId, viewerId);
    await assertMayPost(db, viewerId, this.ctx.clock.now());
    await assertMayComment(db, viewerId, note.author_id);
    let topId: string | null = null;
    let parentAuthorId: string | null = null;
    let replyToUserId: string | null = null;
    if (input.parentId) {
      const target = await repo.findComment(db, input.parentId);
      if (!target) throw notFound('comment');
      if (target.note_id !== noteId) throw badRequest('comment_wrong_note', {}, 'parentId');
      if (target.author_id !== viewerId && (await isBlockedEitherWay(db, viewerId, target.author_id))) throw forbidden('blocked');
      if (target.parent_id) {
        const top = await repo.findComment(db, target.parent_id);
        if (!top) throw notFound('comment');
        topId = top.id;
        parentAuthorId = top.author_id;
        replyToUserId = target.author_id;
      } else {
        topId = target.id;
        parentAuthorId = target.author_id;
      }
    }
    const text = await commentText(db, viewerId, input.body, this.stickers);
    const id = newId();
    const row: CommentsTable = {
      id,
      note_id: noteId,
      author_id: viewerId,
      parent_id: topId,
      reply_to_user_id: replyToUserId,
      body: text.body,
      facets: JSON.stringify(text.facets),
      like_count: 0,
      reply_count: 0,
      text_fingerprint: commentFingerprint(text.body),
      created_at: this.ctx.clock.now(),
    };
    await this.ctx.database
      .transaction(async (txn) => {
        if (!(await repo.bumpNoteComments(txn.db, noteId, 1))) throw notFound('note');
        if (topId && !(await repo.bumpReplyCount(txn.db, topId, 1))) throw notFound('comment');
        await repo.insertComment(txn.db, row);
        await bumpTopicComments(txn.db, noteId, 1);
        txn.afterCommit(() =>
          this.ctx.events.emit('comment.created', {
            commentId: id,
            noteId,
            noteAuthorId: note.author_id,
            authorId: viewerId,
            parentAuthorId,
            replyToUserId,
            mentionedUserIds: text.mentionedUserIds,
          }),
        );
      })
      .catch((err: unknown) => {
        if (isForeignKeyViolation(err)) throw notFound('note');
        throw err;
      });
    return { comment: row, noteAuthorId: note.author_id };
  }

  /** Deletes a comment (with its replies); its author or the note's author may. Counters follow exactly. */
  async remove(viewerId: string, commentId: string): Promise<void> {
    const db = this.ctx.database.db;
    const comment = await repo.findComment(db, commentId);
    if (!comment) throw notFound('comment');
    const note = await db.selectFrom('notes').select(['id', 'author_id']).where('id', '=', comment.note_id).executeTakeFirst();
    if (!note) throw notFound('comment');
    if (viewerId !== comment.author_id && viewerId !== note.author_id) {
      await loadVisibleComment(this.ctx.database.db, commentId, viewerId);
      throw forbidden();
    }
    await this.ctx.database.transaction(async (txn) => {
      // Lock the note first, as create() does, then delete; a second concurrent delete finds nothing.
      if (!(await repo.bumpNoteComments(txn.db, note.id, 0))) return;
      const removed = await repo.deleteCommentReturning(txn.db, commentId);
      if (!removed) return;
      // A comment moderation held or removed already left the counters (moderation/effects.ts); its
      // shown replies had not, and go with it.
      const shown = isHidden(removed.moderation_state) ? 0 : 1;
      const count = shown + (removed.parent_id ? 0 : Number(removed.reply_count));
      await repo.bumpNoteComments(txn.db, note.id, -count);
      if (removed.parent_id && shown) await repo.bumpReplyCount(txn.db, removed.parent_id, -1);
      await bumpTopicComments(txn.db, note.id, -count);
    });
  }

  /** Likes a comment the viewer can see; repeats change nothing. */
  async like(viewerId: string, commentId: string): Promise<LikeState> {
    const { comment } = await loadVisibleComment(this.ctx.database.db, commentId, viewerId);
    await this.ctx.database
      .transaction(async (txn) => {
        if (!(await repo.insertCommentLike(txn.db, commentId, viewerId, this.ctx.clock.now()))) return;
        await repo.bumpCommentLikes(txn.db, commentId, 1);
        txn.afterCommit(() =>
          this.ctx.events.emit('comment.liked', {
            commentId,
            noteId: comment.note_id,
            commentAuthorId: comment.author_id,
            userId: viewerId,
          }),
        );
      })
      .catch((err: unknown) => {
        if (isForeignKeyViolation(err)) throw notFound('comment');
        throw err;
      });
    return repo.commentLikeState(this.ctx.database.db, commentId, viewerId);
  }

  /** Takes back a like on a comment; a no-op when there was none. */
  async unlike(viewerId: string, commentId: string): Promise<LikeState> {
    await loadVisibleComment(this.ctx.database.db, commentId, viewerId);
    await this.ctx.database.transaction(async (txn) => {
      if (await repo.deleteCommentLike(txn.db, commentId, viewerId)) await repo.bumpCommentLikes(txn.db, commentId, -1);
    });
    return repo.commentLikeState(this.ctx.database.db, commentId, viewerId);
  }
}
