import type { AppContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import type { NotificationKind } from '../../db/schema/index.js';
import { canViewNote } from '../notes/notes.policy.js';
import { isBlockedEitherWay } from '../social/relations.repo.js';
import { addToGroup, insertNotification, isGroupedKind, recentlyNotifiedOfFollow } from './notifications.repo.js';

interface Candidate {
  recipientId: string;
  actorId: string;
  kind: NotificationKind;
  noteId: string | null;
  commentId: string | null;
}

/** Follow/unfollow/follow within this long rings once. */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns domain events into notifications. Never to yourself, never across a block, never about a
 * note the recipient may not see. Likes, collects and comment likes gather into one unread
 * notification per note or comment (ADR 0014), so like/unlike spam rings once and a note that takes
 * off does not bury everything else; follow/unfollow spam collapses to one per person a day.
 */
export function subscribeNotifications(ctx: AppContext): void {
  // Handlers run concurrently; one chain per (actor, recipient, kind, object) makes "check, then
  // insert" atomic for the rapid like/unlike/like a single person can fire.
  const chains = new Map<string, Promise<void>>();

  // Stamped when the event fires (commit order), not when the insert finally runs: handlers are
  // asynchronous, and a list ordered by insertion time would show quick actions out of order.
  async function deliver(n: Candidate, id: string, at: number): Promise<void> {
    if (n.recipientId === n.actorId) return;
    // Checks and insert in one write: on SQLite it shares a COMMIT with the writes around it.
    await ctx.database.write(async (db) => {
      if (await isBlockedEitherWay(db, n.recipientId, n.actorId)) return;
      if (n.noteId) {
        const note = await db.selectFrom('notes').select(['author_id', 'visibility']).where('id', '=', n.noteId).executeTakeFirst();
        if (!note || !(await canViewNote(db, note, n.recipientId))) return;
      }
      if (isGroupedKind(n.kind) && n.noteId) {
        await addToGroup(db, { ...n, kind: n.kind, noteId: n.noteId, id, at });
        return;
      }
      if (n.kind === 'follow' && (await recentlyNotifiedOfFollow(db, n.recipientId, n.actorId, at - DAY_MS))) return;
      await insertNotification(db, {
        id,
        recipient_id: n.recipientId,
        actor_id: n.actorId,
        kind: n.kind,
        note_id: n.noteId,
        comment_id: n.commentId,
        created_at: at,
        read_at: null,
      });
    });
  }

  function notify(n: Candidate): Promise<void> {
    const key = `${n.actorId}|${n.recipientId}|${n.kind}|${n.noteId ?? ''}|${n.commentId ?? ''}`;
    const id = newId();
    const at = ctx.clock.now();
    const next = (chains.get(key) ?? Promise.resolve()).then(() => deliver(n, id, at));
    const settled = next.catch(() => {});
    chains.set(key, settled);
    void settled.then(() => {
      if (chains.get(key) === settled) chains.delete(key);
    });
    // Returned to DomainEvents, which tracks it until it lands (ctx.events.settle()).
    return next;
  }

  ctx.events.on('user.followed', (e) =>
    notify({ recipientId: e.followeeId, actorId: e.followerId, kind: 'follow', noteId: null, commentId: null }),
  );
  ctx.events.on('note.liked', (e) => notify({ recipientId: e.authorId, actorId: e.userId, kind: 'like', noteId: e.noteId, commentId: null }));
  ctx.events.on('note.collected', (e) =>
    notify({ recipientId: e.authorId, actorId: e.userId, kind: 'collect', noteId: e.noteId, commentId: null }),
  );
  ctx.events.on('comment.liked', (e) =>
    notify({ recipientId: e.commentAuthorId, actorId: e.userId, kind: 'comment_like', noteId: e.noteId, commentId: e.commentId }),
  );
  const mentions = async (noteId: string, authorId: string, userIds: string[]) => {
    await Promise.all(userIds.map((recipientId) => notify({ recipientId, actorId: authorId, kind: 'mention', noteId, commentId: null })));
  };
  ctx.events.on('note.created', (e) => mentions(e.noteId, e.authorId, e.mentionedUserIds));
  ctx.events.on('note.updated', (e) => mentions(e.noteId, e.authorId, e.newlyMentionedUserIds));

  ctx.events.on('comment.created', async (e) => {
    // One notification per person per comment, the most specific kind winning: a reply to you beats
    // a comment on your note, which beats a mention.
    const kinds = new Map<string, NotificationKind>();
    const replyTarget = e.replyToUserId ?? e.parentAuthorId;
    if (replyTarget) kinds.set(replyTarget, 'reply');
    else kinds.set(e.noteAuthorId, 'comment');
    for (const id of e.mentionedUserIds) if (!kinds.has(id)) kinds.set(id, 'mention');
    await Promise.all(
      [...kinds].map(([recipientId, kind]) => notify({ recipientId, actorId: e.authorId, kind, noteId: e.noteId, commentId: e.commentId })),
    );
  });
}
