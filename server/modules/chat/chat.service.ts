import type { ChatMessage, Conversation, SendMessageBody } from '../../../contract/chat.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { ConversationMembersTable, MessageKind } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { AppError, badRequest, notFound } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { userIdsByHandles } from '../accounts/accounts.repo.js';
import { assertMayPost } from '../moderation/moderation.policy.js';
import { blockedEitherWay, isBlockedEitherWay } from '../social/relations.repo.js';
import { deliver } from './chat.delivery.js';
import { arrivalFor, requireMember } from './chat.policy.js';
import * as repo from './chat.repo.js';
import { SendThrottle } from './chat.throttle.js';
import { conversationView, messageDtos } from './chat.views.js';

export const directKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Who receives a conversation's live frames: its live members, less anyone across a block from the actor. */
export async function recipientsOf(ctx: AppContext, conversationId: string, actorId: string): Promise<string[]> {
  const db = ctx.database.db;
  const [members, hidden] = await Promise.all([repo.liveMemberIds(db, conversationId), blockedEitherWay(db, actorId)]);
  const hide = new Set(hidden);
  return members.filter((id) => !hide.has(id));
}

/** Conversations and messages: starting them, sending, receipts, typing, requests and mutes. */
export class ChatService {
  readonly throttle: SendThrottle;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new SendThrottle(ctx.redis, ctx.config.chat.sendsPerWindow, LIMITS.chat.sendWindowSeconds * 1000, () => ctx.clock.now());
  }

  /** Opens the 1:1 with one person (the existing one if any) or starts a group with several. */
  async start(viewerId: string, handles: string[], title: string | undefined): Promise<Conversation> {
    const db = this.ctx.database.db;
    const lowered = [...new Set(handles.map((h) => h.trim().replace(/^@/, '').toLowerCase()))];
    const found = await userIdsByHandles(db, lowered);
    if (found.length !== lowered.length) throw notFound('user');
    const others = found.map((u) => u.id).filter((id) => id !== viewerId);
    if (!others.length) throw badRequest('chat_self');
    const cleanTitle = title === undefined ? '' : cleanText(title, { field: 'title', max: LIMITS.chat.titleChars, allowEmpty: true });
    const now = this.ctx.clock.now();

    if (others.length === 1) {
      const other = others[0]!;
      const existing = await repo.findDirect(db, directKey(viewerId, other));
      if (existing) {
        const mine = await repo.findMember(db, existing.id, viewerId);
        if (mine && mine.state !== 'active' && mine.state !== 'request') await repo.updateMember(db, existing.id, viewerId, { state: 'active' });
        return (await conversationView(this.ctx, db, viewerId, existing.id))!;
      }
    }
    const arrivals = await Promise.all(others.map((id) => arrivalFor(db, viewerId, id)));
    const id = newId();
    const member = (userId: string, state: ConversationMembersTable['state'], role: ConversationMembersTable['role']) => ({
      conversation_id: id,
      user_id: userId,
      role,
      state,
      muted: 0,
      silenced_until: null,
      last_read_seq: 0,
      joined_at: now,
    });
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await repo.insertConversation(tx, {
        id,
        kind: others.length === 1 ? 'direct' : 'group',
        title: others.length === 1 ? '' : cleanTitle,
        topic: '',
        direct_key: others.length === 1 ? directKey(viewerId, others[0]!) : null,
        created_by: viewerId,
        last_seq: 0,
        last_message_at: null,
        member_count: others.length + 1,
        pinned_message_id: null,
        created_at: now,
      });
      await repo.insertMembers(tx, [
        member(viewerId, 'active', others.length === 1 ? 'member' : 'owner'),
        ...others.map((o, i) => member(o, arrivals[i]!, 'member')),
      ]);
    });
    return (await conversationView(this.ctx, db, viewerId, id))!;
  }

  /** Validates, numbers and stores a message, then fans it out over the bus. Idempotent per clientId. */
  async send(viewerId: string, conversationId: string, input: SendMessageBody): Promise<ChatMessage> {
    const db = this.ctx.database.db;
    const { member, conversation } = await requireMember(db, conversationId, viewerId);
    const content = await this.content(viewerId, input);
    if (input.clientId) {
      const earlier = await repo.findByClientId(db, conversationId, viewerId, input.clientId);
      if (earlier) return (await messageDtos(this.ctx, db, [earlier], { viewerId }))[0]!;
    }
    const now = this.ctx.clock.now();
    if (member.silenced_until && member.silenced_until > now) throw new AppError(403, 'chat_silenced');
    // Suspended and banned accounts cannot post anywhere, chat included (moderation decides).
    await assertMayPost(db, viewerId, now);
    if (conversation.kind === 'direct') {
      const otherId = conversation.direct_key!.split(':').find((id) => id !== viewerId)!;
      const [blocked, other] = await Promise.all([isBlockedEitherWay(db, viewerId, otherId), repo.findMember(db, conversationId, otherId)]);
      if (blocked) throw new AppError(403, 'blocked');
      // Until they accept, the other person's "who may message me" still decides.
      if (other?.state === 'request') await arrivalFor(db, viewerId, otherId);
    }
    await this.throttle.take(viewerId);
    const id = newId();
    const row = await this.ctx.database.transaction(async ({ db: tx }) => {
      const seq = await repo.nextSeq(tx, conversationId, now);
      const message = { id, conversation_id: conversationId, seq, sender_id: viewerId, ...content, client_id: input.clientId ?? null, created_at: now };
      await repo.insertMessage(tx, message);
      await repo.advanceRead(tx, conversationId, viewerId, seq);
      // Replying to a request accepts it.
      if (member.state === 'request') await repo.updateMember(tx, conversationId, viewerId, { state: 'active' });
      return message;
    });
    const [[dto], to] = await Promise.all([messageDtos(this.ctx, db, [row], { fresh: true }), recipientsOf(this.ctx, conversationId, viewerId)]);
    deliver(this.ctx, to, { type: 'message', message: dto! });
    return dto!;
  }

  private async content(viewerId: string, input: SendMessageBody): Promise<{ kind: MessageKind; body: string; media_id: string | null; sticker_code: string | null }> {
    const hasText = input.text !== undefined && input.text.trim() !== '';
    if (input.mediaId && input.stickerCode) throw badRequest('chat_one_attachment', {}, 'stickerCode');
    const body = input.text === undefined ? '' : cleanText(input.text, { field: 'text', max: LIMITS.chat.messageChars, multiline: true, allowEmpty: true });
    if (input.stickerCode) {
      const sticker = this.ctx.stickers.byCode.get(input.stickerCode.toLowerCase());
      if (!sticker) throw badRequest('sticker_unknown', { code: input.stickerCode.slice(0, 32) }, 'stickerCode');
      if (hasText) throw badRequest('chat_one_attachment', {}, 'text');
      return { kind: 'sticker', body: '', media_id: null, sticker_code: sticker.code };
    }
    if (input.mediaId) {
      const [media] = await repo.mediaRows(this.ctx.database.db, [input.mediaId]);
      if (!media || media.owner_id !== viewerId) throw badRequest('media_not_yours', {}, 'mediaId');
      return { kind: 'image', body, media_id: media.id, sticker_code: null };
    }
    if (!body) throw badRequest('text_empty', { field: 'text' }, 'text');
    return { kind: 'text', body, media_id: null, sticker_code: null };
  }

  /** Moves the viewer's read marker and tells the other members (read receipts). */
  async read(viewerId: string, conversationId: string, seq: number): Promise<{ lastReadSeq: number }> {
    const db = this.ctx.database.db;
    const { conversation } = await requireMember(db, conversationId, viewerId);
    const upTo = Math.min(seq, Number(conversation.last_seq));
    const moved = await repo.advanceRead(db, conversationId, viewerId, upTo);
    if (moved && conversation.kind !== 'room') {
      const to = (await recipientsOf(this.ctx, conversationId, viewerId)).filter((id) => id !== viewerId);
      deliver(this.ctx, to, { type: 'read', conversationId, userId: viewerId, seq: upTo });
    }
    const member = await repo.findMember(db, conversationId, viewerId);
    return { lastReadSeq: Number(member?.last_read_seq ?? upTo) };
  }

  /** "Typing…": ephemeral, never stored; goes over the bus only. */
  async typing(viewerId: string, conversationId: string): Promise<void> {
    await requireMember(this.ctx.database.db, conversationId, viewerId);
    const to = (await recipientsOf(this.ctx, conversationId, viewerId)).filter((id) => id !== viewerId);
    deliver(this.ctx, to, { type: 'typing', conversationId, userId: viewerId });
  }

  /** Moves a conversation from the requests folder to the inbox. */
  async accept(viewerId: string, conversationId: string): Promise<Conversation> {
    const db = this.ctx.database.db;
    const { member } = await requireMember(db, conversationId, viewerId);
    if (member.state === 'request') await repo.updateMember(db, conversationId, viewerId, { state: 'active' });
    return (await conversationView(this.ctx, db, viewerId, conversationId))!;
  }

  /** Leaves a conversation (declining a request is leaving it); nothing more is delivered. */
  async leave(viewerId: string, conversationId: string): Promise<void> {
    const db = this.ctx.database.db;
    const { conversation } = await requireMember(db, conversationId, viewerId);
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await repo.updateMember(tx, conversationId, viewerId, { state: 'left' });
      await repo.adjustMemberCount(tx, conversationId, -1);
    });
    if (conversation.kind !== 'direct') {
      deliver(this.ctx, await recipientsOf(this.ctx, conversationId, viewerId), { type: 'member', conversationId, userId: viewerId, change: 'left' });
    }
  }

  /** The viewer's own mute of a conversation: still delivered, never announced. */
  async mute(viewerId: string, conversationId: string, muted: boolean): Promise<Conversation> {
    const db = this.ctx.database.db;
    await requireMember(db, conversationId, viewerId);
    await repo.updateMember(db, conversationId, viewerId, { muted: muted ? 1 : 0 });
    return (await conversationView(this.ctx, db, viewerId, conversationId))!;
  }
}
