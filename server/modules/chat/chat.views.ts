import type { ChatMessage, Conversation } from '../../../contract/chat.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { ConversationsTable, MemberRole, MemberState, MessagesTable } from '../../db/schema/index.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { imageDto } from '../media/media.views.js';
import { stickerFacets } from '../stickers/stickers.facets.js';
import { decodeCursor, paginate } from '../../db/pagination.js';
import * as repo from './chat.repo.js';

const iso = (ms: number) => new Date(ms).toISOString();
const DELETED_USER = { handle: 'deleted', displayName: '', avatar: null };

/**
 * Stored messages → DTOs: senders, images, stickers and correction counts in one batch. A message
 * moderation held or removed is a placeholder for everyone but its sender (opts.viewerId); without a
 * viewer (fan-out to many) it is a placeholder for all — content is never leaked by default.
 */
export async function messageDtos(
  ctx: AppContext,
  db: Executor,
  rows: MessagesTable[],
  opts: { fresh?: boolean; viewerId?: string } = {},
): Promise<ChatMessage[]> {
  if (!rows.length) return [];
  const [users, media, corrections] = await Promise.all([
    userSummaries(db, rows.map((r) => r.sender_id)),
    repo.mediaRows(db, rows.flatMap((r) => (r.media_id ? [r.media_id] : []))),
    // A message just written has no corrections yet: one query less on the hot path.
    opts.fresh ? new Map<string, number>() : repo.correctionCounts(db, rows.map((r) => r.id)),
  ]);
  const images = new Map(media.map((m) => [m.id, imageDto(m)]));
  return rows.map((r) => {
    const state = r.moderation_state ?? 'normal';
    const hidden = (state === 'held' || state === 'removed') && r.sender_id !== opts.viewerId;
    return {
      id: r.id,
      conversationId: r.conversation_id,
      seq: Number(r.seq),
      sender: users.get(r.sender_id) ?? { id: r.sender_id, ...DELETED_USER },
      kind: r.kind,
      body: hidden ? '' : r.body,
      facets: hidden ? [] : stickerFacets(r.body, ctx.stickers),
      image: !hidden && r.media_id ? (images.get(r.media_id) ?? null) : null,
      sticker: !hidden && r.sticker_code ? (ctx.stickers.byCode.get(r.sticker_code.toLowerCase()) ?? null) : null,
      clientId: r.client_id,
      corrections: corrections.get(r.id) ?? 0,
      ...(state === 'labelled' ? { sensitive: true } : {}),
      ...(state === 'held' || state === 'removed' ? { moderation: state } : {}),
      createdAt: iso(r.created_at),
    };
  });
}

export interface ConversationRow extends ConversationsTable {
  role: MemberRole | null;
  state: MemberState | null;
  muted: number;
  last_read_seq: number;
}

/** Conversations as the viewer sees them: other members, last message, unread count, read receipts. */
export async function conversationDtos(ctx: AppContext, db: Executor, viewerId: string, rows: ConversationRow[]): Promise<Conversation[]> {
  if (!rows.length) return [];
  const memberLists = await Promise.all(
    rows.map((r) => (r.kind === 'room' ? Promise.resolve([]) : repo.membersOf(db, r.id, 11))),
  );
  const lastAndPinned = await repo.messagesAt(
    db,
    rows.filter((r) => Number(r.last_seq) > 0).map((r) => ({ conversationId: r.id, seq: Number(r.last_seq) })),
  );
  const pinnedRows = await repo.messagesByIds(db, rows.flatMap((r) => (r.pinned_message_id ? [r.pinned_message_id] : [])));
  const dtos = await messageDtos(ctx, db, [...lastAndPinned, ...pinnedRows], { viewerId });
  const byId = new Map(dtos.map((m) => [m.id, m]));
  const lastBy = new Map(lastAndPinned.map((m) => [m.conversation_id, byId.get(m.id)!]));
  const others = memberLists.flat().filter((m) => m.user_id !== viewerId);
  const users = await userSummaries(db, others.map((m) => m.user_id));
  return rows.map((r, i) => {
    const members = memberLists[i]!.filter((m) => m.user_id !== viewerId);
    const lastSeq = Number(r.last_seq);
    const lastRead = Math.min(Number(r.last_read_seq), lastSeq);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      topic: r.topic,
      members: members.slice(0, 10).flatMap((m) => {
        const u = users.get(m.user_id);
        return u ? [u] : [];
      }),
      memberCount: r.member_count,
      lastSeq,
      lastMessage: lastBy.get(r.id) ?? null,
      pinned: r.pinned_message_id ? (byId.get(r.pinned_message_id) ?? null) : null,
      viewer: {
        role: r.role,
        state: r.state === 'active' || r.state === 'request' ? r.state : null,
        muted: Boolean(r.muted),
        lastReadSeq: lastRead,
        unread: r.state === 'active' || r.state === 'request' ? lastSeq - lastRead : 0,
      },
      reads: members.map((m) => ({ userId: m.user_id, seq: Number(m.last_read_seq) })),
    };
  });
}

/** One conversation for the viewer (member or, for rooms, a visitor). */
export async function conversationView(ctx: AppContext, db: Executor, viewerId: string, conversationId: string): Promise<Conversation | null> {
  const c = await repo.findConversation(db, conversationId);
  if (!c) return null;
  const m = await repo.findMember(db, conversationId, viewerId);
  const live = m && (m.state === 'active' || m.state === 'request');
  if (!live && c.kind !== 'room') return null;
  const row: ConversationRow = {
    ...c,
    role: live ? m.role : null,
    state: live ? m.state : null,
    muted: live ? m.muted : 0,
    last_read_seq: live ? Number(m.last_read_seq) : Number(c.last_seq),
  };
  const [dto] = await conversationDtos(ctx, db, viewerId, [row]);
  return dto!;
}

/** The viewer's inbox or requests folder (rooms have their own list), most recent first. */
export async function conversationListView(
  ctx: AppContext,
  viewerId: string,
  folder: 'inbox' | 'requests',
  cursor: string | undefined,
  limit: number,
) {
  const db = ctx.database.db;
  const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  const rows = await repo.conversationsOf(db, viewerId, folder === 'inbox' ? 'active' : 'request', ['direct', 'group'], after, limit);
  const page = paginate(rows, limit, (r) => [Number(r.sort_at), r.id]);
  const items = await conversationDtos(
    ctx,
    db,
    viewerId,
    page.rows.map(({ sort_at: _s, ...r }) => ({ ...r, last_read_seq: Number(r.last_read_seq) })),
  );
  return { items, nextCursor: page.nextCursor };
}
