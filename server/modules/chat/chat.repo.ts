import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  ConversationKind,
  ConversationMembersTable,
  ConversationsTable,
  MemberState,
  MessagesTable,
  WhoMayMessage,
} from '../../db/schema/index.js';

/** Members that receive messages: those who have not left or been removed. */
export const LIVE_STATES: MemberState[] = ['active', 'request'];

export async function findConversation(db: Executor, id: string) {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDirect(db: Executor, directKey: string) {
  return db.selectFrom('conversations').selectAll().where('direct_key', '=', directKey).executeTakeFirst();
}

export async function insertConversation(db: Executor, row: ConversationsTable): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

export async function insertMembers(db: Executor, rows: ConversationMembersTable[]): Promise<void> {
  if (rows.length) await db.insertInto('conversation_members').values(rows).execute();
}

export async function findMember(db: Executor, conversationId: string, userId: string) {
  return db
    .selectFrom('conversation_members')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function liveMemberIds(db: Executor, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_members')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .where('state', 'in', LIVE_STATES)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function updateMember(
  db: Executor,
  conversationId: string,
  userId: string,
  set: Partial<Pick<ConversationMembersTable, 'state' | 'muted' | 'role' | 'silenced_until' | 'joined_at'>>,
): Promise<void> {
  await db.updateTable('conversation_members').set(set).where('conversation_id', '=', conversationId).where('user_id', '=', userId).execute();
}

/** Moves the read marker forward only (a late, older receipt never moves it back). */
export async function advanceRead(db: Executor, conversationId: string, userId: string, seq: number): Promise<boolean> {
  const result = await db
    .updateTable('conversation_members')
    .set({ last_read_seq: seq })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .where('last_read_seq', '<', seq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function adjustMemberCount(db: Executor, conversationId: string, delta: number): Promise<void> {
  await db
    .updateTable('conversations')
    .set((eb) => ({ member_count: eb('member_count', '+', delta) }))
    .where('id', '=', conversationId)
    .execute();
}

/**
 * Takes the next seq of a conversation. The UPDATE row-locks the conversation (PostgreSQL) or runs
 * under SQLite's single writer, so concurrent senders get distinct, gapless, increasing numbers.
 */
export async function nextSeq(db: Executor, conversationId: string, now: number): Promise<number> {
  const row = await db
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_at: now }))
    .where('id', '=', conversationId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function insertMessage(db: Executor, row: MessagesTable): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function findMessage(db: Executor, id: string) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByClientId(db: Executor, conversationId: string, senderId: string, clientId: string) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
}

/** Messages after a seq, oldest first (resume and catch-up). */
export async function messagesAfter(db: Executor, conversationId: string, after: number, limit: number, hiddenSenders: string[]) {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('seq', '>', after);
  if (hiddenSenders.length) q = q.where('sender_id', 'not in', hiddenSenders);
  return q.orderBy('seq', 'asc').limit(limit).execute();
}

/** Messages before a seq, newest first (scrolling back). */
export async function messagesBefore(db: Executor, conversationId: string, before: number, limit: number, hiddenSenders: string[]) {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('seq', '<', before);
  if (hiddenSenders.length) q = q.where('sender_id', 'not in', hiddenSenders);
  return q.orderBy('seq', 'desc').limit(limit).execute();
}

export async function messagesAt(db: Executor, pairs: Array<{ conversationId: string; seq: number }>) {
  if (!pairs.length) return [];
  return db
    .selectFrom('messages')
    .selectAll()
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb('conversation_id', '=', p.conversationId), eb('seq', '=', p.seq)]))))
    .execute();
}

export async function messagesByIds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('messages').selectAll().where('id', 'in', ids).execute();
}

/** The viewer's conversations in one folder, most recent activity first (keyset on [sortAt, id]). */
export async function conversationsOf(
  db: Executor,
  userId: string,
  state: MemberState,
  kinds: ConversationKind[],
  after: [number, string] | null,
  limit: number,
) {
  // Conversations without messages yet sort by when they were started.
  const sortAt = sql<number>`coalesce(c.last_message_at, c.created_at)`;
  let q = db
    .selectFrom('conversation_members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .selectAll('c')
    .select(['m.role', 'm.state', 'm.muted', 'm.last_read_seq', sortAt.as('sort_at')])
    .where('m.user_id', '=', userId)
    .where('m.state', '=', state)
    .where('c.kind', 'in', kinds);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb(eb.refTuple(sortAt, 'c.id'), '<', eb.tuple(at, id)));
  }
  return q.orderBy('sort_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
}

/** Up to `limit` other members of each conversation (names and avatars on the list), plus read markers. */
export async function membersOf(db: Executor, conversationId: string, limit: number) {
  return db
    .selectFrom('conversation_members')
    .select(['user_id', 'last_read_seq', 'role', 'state'])
    .where('conversation_id', '=', conversationId)
    .where('state', 'in', LIVE_STATES)
    .orderBy('joined_at', 'asc')
    .limit(limit)
    .execute();
}

export async function correctionCounts(db: Executor, messageIds: string[]): Promise<Map<string, number>> {
  if (!messageIds.length) return new Map();
  const rows = await db
    .selectFrom('message_corrections')
    .select(['message_id', db.fn.countAll<number>().as('n')])
    .where('message_id', 'in', messageIds)
    .groupBy('message_id')
    .execute();
  return new Map(rows.map((r) => [r.message_id, Number(r.n)]));
}

export async function whoMayMessage(db: Executor, userId: string): Promise<WhoMayMessage> {
  const row = await db.selectFrom('chat_settings').select('who_may_message').where('user_id', '=', userId).executeTakeFirst();
  return row?.who_may_message ?? 'everyone';
}

export async function setWhoMayMessage(db: Executor, userId: string, value: WhoMayMessage): Promise<void> {
  await db
    .insertInto('chat_settings')
    .values({ user_id: userId, who_may_message: value })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ who_may_message: value }))
    .execute();
}

/** True when a and b accepted a partner request from either side. */
export async function arePartners(db: Executor, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('partner_requests')
    .select('id')
    .where('status', '=', 'accepted')
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', a), eb('recipient_id', '=', b)]),
        eb.and([eb('sender_id', '=', b), eb('recipient_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function mediaRows(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('media').select(['id', 'owner_id', 'width', 'height', 'blurhash', 'color', 'variants']).where('id', 'in', ids).execute();
}

/** Unread messages across the viewer's inbox (rooms excluded: they are read in passing), and open requests. */
export async function unreadTotals(db: Executor, userId: string): Promise<{ unread: number; requests: number }> {
  const row = await db
    .selectFrom('conversation_members as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select([
      sql<number>`coalesce(sum(case when m.state = 'active' and m.muted = 0 then c.last_seq - m.last_read_seq else 0 end), 0)`.as('unread'),
      sql<number>`coalesce(sum(case when m.state = 'request' then 1 else 0 end), 0)`.as('requests'),
    ])
    .where('m.user_id', '=', userId)
    .where('m.state', 'in', LIVE_STATES)
    .where('c.kind', '!=', 'room')
    .executeTakeFirstOrThrow();
  return { unread: Number(row.unread), requests: Number(row.requests) };
}
