import type { Room } from '../../../contract/corner.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { ConversationsTable } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { AppError, badRequest, forbidden, notFound } from '../../errors.js';
import { sql } from 'kysely';
import { decodeCursor, paginate } from '../../db/pagination.js';
import { cleanText } from '../../text/clean.js';
import { deliver } from '../chat/chat.delivery.js';
import * as chatRepo from '../chat/chat.repo.js';
import { recipientsOf } from '../chat/chat.service.js';
import { messageDtos } from '../chat/chat.views.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Corner rooms: open topic rooms anyone can join, kept in order by hosts (pin, silence, remove). */
export class RoomsService {
  constructor(private readonly ctx: AppContext) {}

  private async room(id: string): Promise<ConversationsTable> {
    const room = await chatRepo.findConversation(this.ctx.database.db, id);
    if (room?.kind !== 'room') throw notFound('room');
    return room;
  }

  private async requireHost(viewerId: string, roomId: string) {
    const room = await this.room(roomId);
    const me = await chatRepo.findMember(this.ctx.database.db, roomId, viewerId);
    if (me?.state !== 'active' || (me.role !== 'host' && me.role !== 'owner')) throw new AppError(403, 'room_host_only');
    return room;
  }

  /** Opens a new room; its creator is its first host. */
  async create(viewerId: string, title: string, topic: string | undefined): Promise<Room> {
    const now = this.ctx.clock.now();
    const id = newId();
    const row: ConversationsTable = {
      id,
      kind: 'room',
      title: cleanText(title, { field: 'title', max: LIMITS.chat.titleChars }),
      topic: topic === undefined ? '' : cleanText(topic, { field: 'topic', max: LIMITS.chat.topicChars, multiline: true, allowEmpty: true }),
      direct_key: null,
      created_by: viewerId,
      last_seq: 0,
      last_message_at: null,
      member_count: 1,
      pinned_message_id: null,
      created_at: now,
    };
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await chatRepo.insertConversation(tx, row);
      await chatRepo.insertMembers(tx, [{ conversation_id: id, user_id: viewerId, role: 'owner', state: 'active', muted: 0, silenced_until: null, last_read_seq: 0, joined_at: now }]);
    });
    return { id, title: row.title, topic: row.topic, memberCount: 1, lastMessageAt: null, joined: true, role: 'owner' };
  }

  /** Open rooms, liveliest (most recent message) first. */
  async list(viewerId: string, cursor: string | undefined, limit: number) {
    const db = this.ctx.database.db;
    const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
    const sortAt = sql<number>`coalesce(c.last_message_at, c.created_at)`;
    let q = db
      .selectFrom('conversations as c')
      .leftJoin('conversation_members as m', (j) => j.onRef('m.conversation_id', '=', 'c.id').on('m.user_id', '=', viewerId))
      .select(['c.id', 'c.title', 'c.topic', 'c.member_count', 'c.last_message_at', 'm.state', 'm.role', sortAt.as('sort_at')])
      .where('c.kind', '=', 'room');
    if (after) q = q.where((eb) => eb(eb.refTuple(sortAt, 'c.id'), '<', eb.tuple(after[0], after[1])));
    const rows = await q.orderBy('sort_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
    const page = paginate(rows, limit, (r) => [Number(r.sort_at), r.id]);
    return {
      items: page.rows.map((r) => {
        const joined = r.state === 'active';
        return { id: r.id, title: r.title, topic: r.topic, memberCount: r.member_count, lastMessageAt: iso(r.last_message_at === null ? null : Number(r.last_message_at)), joined, role: joined ? r.role : null };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** Joins a room (again, after leaving); someone a host removed stays out. */
  async join(viewerId: string, roomId: string): Promise<void> {
    const room = await this.room(roomId);
    const db = this.ctx.database.db;
    const me = await chatRepo.findMember(db, roomId, viewerId);
    if (me?.state === 'active') return;
    if (me?.state === 'removed') throw forbidden();
    if (room.member_count >= LIMITS.chat.roomMembers) throw new AppError(409, 'room_full', { limit: LIMITS.chat.roomMembers });
    const now = this.ctx.clock.now();
    await this.ctx.database.transaction(async ({ db: tx }) => {
      // Newcomers start with the room's history unread-free: only what is said from now on counts.
      if (me) await tx.updateTable('conversation_members').set({ state: 'active', joined_at: now, last_read_seq: room.last_seq }).where('conversation_id', '=', roomId).where('user_id', '=', viewerId).execute();
      else await chatRepo.insertMembers(tx, [{ conversation_id: roomId, user_id: viewerId, role: 'member', state: 'active', muted: 0, silenced_until: null, last_read_seq: Number(room.last_seq), joined_at: now }]);
      await chatRepo.adjustMemberCount(tx, roomId, 1);
    });
    deliver(this.ctx, await recipientsOf(this.ctx, roomId, viewerId), { type: 'member', conversationId: roomId, userId: viewerId, change: 'joined' });
  }

  /** Pins a message of the room at the top (or unpins with null). Hosts only. */
  async pin(viewerId: string, roomId: string, messageId: string | null): Promise<void> {
    await this.requireHost(viewerId, roomId);
    const db = this.ctx.database.db;
    let message = null;
    if (messageId) {
      const row = await chatRepo.findMessage(db, messageId);
      if (!row || row.conversation_id !== roomId) throw badRequest('validation_failed', { field: 'messageId', problem: 'not a message of this room' }, 'messageId');
      message = (await messageDtos(this.ctx, db, [row]))[0]!;
    }
    await db.updateTable('conversations').set({ pinned_message_id: messageId }).where('id', '=', roomId).execute();
    deliver(this.ctx, await chatRepo.liveMemberIds(db, roomId), { type: 'pinned', conversationId: roomId, message });
  }

  /** Silences a member for some minutes (0 lifts it). Hosts only; the owner cannot be silenced. */
  async silence(viewerId: string, roomId: string, userId: string, minutes: number): Promise<void> {
    await this.requireHost(viewerId, roomId);
    const target = await this.target(roomId, userId);
    const until = minutes === 0 ? null : this.ctx.clock.now() + minutes * 60_000;
    await chatRepo.updateMember(this.ctx.database.db, roomId, target, { silenced_until: until });
    deliver(this.ctx, await chatRepo.liveMemberIds(this.ctx.database.db, roomId), { type: 'member', conversationId: roomId, userId: target, change: 'silenced' });
  }

  /** Removes a member; they cannot join again. Hosts only. */
  async remove(viewerId: string, roomId: string, userId: string): Promise<void> {
    await this.requireHost(viewerId, roomId);
    const target = await this.target(roomId, userId);
    const db = this.ctx.database.db;
    const to = await chatRepo.liveMemberIds(db, roomId);
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await chatRepo.updateMember(tx, roomId, target, { state: 'removed' });
      await chatRepo.adjustMemberCount(tx, roomId, -1);
    });
    deliver(this.ctx, to, { type: 'member', conversationId: roomId, userId: target, change: 'removed' });
  }

  private async target(roomId: string, userId: string): Promise<string> {
    const member = await chatRepo.findMember(this.ctx.database.db, roomId, userId);
    if (member?.state !== 'active') throw notFound('member');
    if (member.role === 'owner') throw forbidden();
    return member.user_id;
  }
}
