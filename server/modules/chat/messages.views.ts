import type { ChatMessage } from '../../../contract/chat.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { blockedEitherWay } from '../social/relations.repo.js';
import { requireMember } from './chat.policy.js';
import * as repo from './chat.repo.js';
import { messageDtos } from './chat.views.js';

/**
 * A page of a conversation, ascending by seq. `after` resumes (everything after the last seq seen);
 * `before` scrolls back; neither gives the newest page. Messages from people across a block are left out.
 */
export async function historyView(
  ctx: AppContext,
  viewerId: string,
  conversationId: string,
  query: { after?: number; before?: number; limit?: number },
): Promise<{ items: ChatMessage[]; hasMore: boolean }> {
  const db = ctx.database.db;
  await requireMember(db, conversationId, viewerId);
  const limit = pageLimit(query.limit);
  const hidden = await blockedEitherWay(db, viewerId);
  if (query.after !== undefined) {
    const rows = await repo.messagesAfter(db, conversationId, query.after, limit + 1, hidden);
    return { items: await messageDtos(ctx, db, rows.slice(0, limit), { viewerId }), hasMore: rows.length > limit };
  }
  const rows = await repo.messagesBefore(db, conversationId, query.before ?? Number.MAX_SAFE_INTEGER, limit + 1, hidden);
  return { items: await messageDtos(ctx, db, rows.slice(0, limit).reverse(), { viewerId }), hasMore: rows.length > limit };
}

/** What a reconnecting socket missed: per conversation it names, messages after the seq it gives. */
export async function missedView(ctx: AppContext, viewerId: string, cursors: Record<string, number>): Promise<ChatMessage[]> {
  const db = ctx.database.db;
  const hidden = await blockedEitherWay(db, viewerId);
  const out: ChatMessage[] = [];
  for (const [conversationId, after] of Object.entries(cursors)) {
    const member = await repo.findMember(db, conversationId, viewerId);
    // Conversations the socket is not in are skipped silently: a resume must not probe for ids.
    if (!member || !repo.LIVE_STATES.includes(member.state)) continue;
    const rows = await repo.messagesAfter(db, conversationId, after, LIMITS.chat.resumeMax, hidden);
    out.push(...(await messageDtos(ctx, db, rows, { viewerId })));
  }
  return out;
}
