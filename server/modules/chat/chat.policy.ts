import type { Executor } from '../../db/database.js';
import type { MemberState } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { isBlockedEitherWay, relationshipBothWays } from '../social/relations.repo.js';
import * as repo from './chat.repo.js';

/**
 * The viewer's live membership of a conversation. Anyone else gets 404, never 403: whether a
 * conversation exists is itself private.
 */
export async function requireMember(db: Executor, conversationId: string, userId: string) {
  const member = await repo.findMember(db, conversationId, userId);
  if (!member || !repo.LIVE_STATES.includes(member.state)) throw notFound('conversation');
  const conversation = await repo.findConversation(db, conversationId);
  if (!conversation) throw notFound('conversation');
  return { member, conversation };
}

/**
 * Whether sender may start talking to recipient, and where it lands for the recipient: their inbox
 * when they are partners or follow each other, else the requests folder. Blocks either way and the
 * recipient's "who may message me" setting refuse it.
 */
export async function arrivalFor(db: Executor, senderId: string, recipientId: string): Promise<MemberState> {
  if (await isBlockedEitherWay(db, senderId, recipientId)) throw new AppError(403, 'blocked');
  const [rel, partners, setting] = await Promise.all([
    relationshipBothWays(db, recipientId, senderId),
    repo.arePartners(db, senderId, recipientId),
    repo.whoMayMessage(db, recipientId),
  ]);
  if (setting === 'nobody') throw new AppError(403, 'chat_not_accepting');
  if (setting === 'following' && !rel.following && !partners) throw new AppError(403, 'chat_not_accepting');
  return partners || (rel.following && rel.followedBy) ? 'active' : 'request';
}

/**
 * A message the viewer may see: they are a live member of its conversation and not across a block
 * from its sender, and, when moderation held or removed it, they sent it. 404 otherwise. Moderation's
 * "report a message" checks with this; translate, pinyin, corrections and phrases must not leak a
 * hidden body.
 */
export async function loadVisibleMessage(db: Executor, viewerId: string, messageId: string) {
  const message = await repo.findMessage(db, messageId);
  if (!message) throw notFound('message');
  const member = await repo.findMember(db, message.conversation_id, viewerId);
  if (!member || !repo.LIVE_STATES.includes(member.state)) throw notFound('message');
  if (message.sender_id !== viewerId && (await isBlockedEitherWay(db, viewerId, message.sender_id))) throw notFound('message');
  const hidden = message.moderation_state === 'held' || message.moderation_state === 'removed';
  if (hidden && message.sender_id !== viewerId) throw notFound('message');
  return message;
}
