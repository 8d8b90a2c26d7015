import type { PartnerProfile, PartnerProfileBody, PartnerRequest } from '../../../contract/corner.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { PartnerRequestsTable } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { AppError, badRequest, conflict, notFound } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { findUserByHandle, findUserById, interestsOf, languagesOf } from '../accounts/accounts.repo.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { userSummaries } from '../accounts/accounts.views.js';
import * as chatRepo from '../chat/chat.repo.js';
import { directKey } from '../chat/chat.service.js';
import { blockedEitherWay, isBlockedEitherWay } from '../social/relations.repo.js';
import * as repo from './partners.repo.js';
import { decodeAvailability, encodeAvailability, isTimeZone } from './time-zone.js';

const DAY = 24 * 60 * 60 * 1000;

/** Partner profile (time zone, availability, open switch) and partner requests. */
export class PartnersService {
  private readonly accounts: AccountsService;

  constructor(private readonly ctx: AppContext) {
    this.accounts = new AccountsService(ctx);
  }

  /** The viewer's partner profile, with the languages and interests kept on the account. */
  async profile(userId: string): Promise<PartnerProfile> {
    const db = this.ctx.database.db;
    const [row, langs, interests, user] = await Promise.all([
      repo.findProfile(db, userId),
      languagesOf(db, [userId]),
      interestsOf(db, userId),
      findUserById(db, userId),
    ]);
    return {
      open: Boolean(row?.open),
      timeZone: row?.time_zone ?? 'UTC',
      availability: row ? decodeAvailability(row.availability) : [],
      languages: langs.map((l) => ({ lang: l.lang, kind: l.kind, level: l.level })),
      interests,
      region: user?.region ?? null,
    };
  }

  /** Updates the partner profile; languages and interests go through the account's own checks. */
  async updateProfile(userId: string, body: PartnerProfileBody): Promise<PartnerProfile> {
    if (body.timeZone !== undefined && !isTimeZone(body.timeZone)) {
      throw badRequest('time_zone_invalid', { zone: body.timeZone.slice(0, 64) }, 'timeZone');
    }
    if (body.languages !== undefined || body.interests !== undefined) {
      await this.accounts.updateMe(userId, {
        ...(body.languages ? { languages: body.languages } : {}),
        ...(body.interests ? { interests: body.interests } : {}),
      });
    }
    const current = await this.profile(userId);
    await repo.upsertProfile(this.ctx.database.db, {
      user_id: userId,
      open: (body.open ?? current.open) ? 1 : 0,
      time_zone: body.timeZone ?? current.timeZone,
      availability: encodeAvailability(body.availability ?? current.availability),
      updated_at: this.ctx.clock.now(),
    });
    return this.profile(userId);
  }

  /** Asks someone to be a language partner; at most LIMITS.partners.requestsPerDay a day. */
  async request(senderId: string, handle: string, message: string | undefined): Promise<PartnerRequest> {
    const db = this.ctx.database.db;
    const recipient = await findUserByHandle(db, handle.replace(/^@/, ''));
    if (!recipient) throw notFound('user');
    if (recipient.id === senderId) throw badRequest('partner_request_self');
    // Across a block the other person is simply not there.
    if (await isBlockedEitherWay(db, senderId, recipient.id)) throw notFound('user');
    if (await repo.openRequestBetween(db, senderId, recipient.id)) throw conflict('partner_request_exists');
    const now = this.ctx.clock.now();
    const limit = LIMITS.partners.requestsPerDay;
    if ((await repo.sentSince(db, senderId, now - DAY)) >= limit) throw new AppError(429, 'partner_request_limit', { limit });
    const row: PartnerRequestsTable = {
      id: newId(),
      sender_id: senderId,
      recipient_id: recipient.id,
      status: 'pending',
      message: message === undefined ? '' : cleanText(message, { field: 'message', max: LIMITS.partners.requestMessageChars, multiline: true, allowEmpty: true }),
      created_at: now,
      responded_at: null,
    };
    await repo.insertRequest(db, row);
    return (await this.dtos([row], senderId))[0]!;
  }

  /** Accept (partners, with a 1:1 in both inboxes), decline, or ignore (the sender is not told). */
  async answer(viewerId: string, id: string, answer: 'accept' | 'decline' | 'ignore'): Promise<PartnerRequest> {
    const db = this.ctx.database.db;
    const row = await repo.findRequest(db, id);
    if (!row || row.recipient_id !== viewerId) throw notFound('partner request');
    if (row.status !== 'pending') throw conflict('partner_request_answered');
    const now = this.ctx.clock.now();
    const status = answer === 'accept' ? 'accepted' : answer === 'decline' ? 'declined' : 'ignored';
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await repo.answerRequest(tx, id, status, now);
      if (status === 'accepted') await this.openDirect(tx, row.sender_id, row.recipient_id, now);
    });
    return (await this.dtos([{ ...row, status, responded_at: now }], viewerId))[0]!;
  }

  /** Partners talk in their 1:1, in the inbox of both (never in requests). */
  private async openDirect(tx: Parameters<typeof chatRepo.findDirect>[0], a: string, b: string, now: number) {
    const existing = await chatRepo.findDirect(tx, directKey(a, b));
    if (existing) {
      for (const userId of [a, b]) await chatRepo.updateMember(tx, existing.id, userId, { state: 'active' });
      return;
    }
    const id = newId();
    await chatRepo.insertConversation(tx, {
      id,
      kind: 'direct',
      title: '',
      topic: '',
      direct_key: directKey(a, b),
      created_by: b,
      last_seq: 0,
      last_message_at: null,
      member_count: 2,
      pinned_message_id: null,
      created_at: now,
    });
    await chatRepo.insertMembers(
      tx,
      [a, b].map((userId) => ({ conversation_id: id, user_id: userId, role: 'member' as const, state: 'active' as const, muted: 0, silenced_until: null, last_read_seq: 0, joined_at: now })),
    );
  }

  /** Pending requests to the viewer (incoming) or from the viewer (outgoing). */
  async list(viewerId: string, box: 'incoming' | 'outgoing'): Promise<PartnerRequest[]> {
    const db = this.ctx.database.db;
    const [rows, blocked] = await Promise.all([repo.requestsOf(db, viewerId, box), blockedEitherWay(db, viewerId)]);
    const hide = new Set(blocked);
    return this.dtos(rows.filter((r) => !hide.has(r.sender_id) && !hide.has(r.recipient_id)), viewerId);
  }

  /** The viewer's partners, with their 1:1 conversation. */
  async partners(viewerId: string) {
    const db = this.ctx.database.db;
    const [accepted, blocked] = await Promise.all([repo.acceptedOf(db, viewerId), blockedEitherWay(db, viewerId)]);
    const hide = new Set(blocked);
    const rows = accepted.filter((r) => !hide.has(r.sender_id) && !hide.has(r.recipient_id));
    const others = rows.map((r) => (r.sender_id === viewerId ? r.recipient_id : r.sender_id));
    const users = await userSummaries(db, others);
    const items = [];
    for (const [i, r] of rows.entries()) {
      const user = users.get(others[i]!);
      if (!user) continue;
      const direct = await chatRepo.findDirect(db, directKey(viewerId, user.id));
      items.push({ user, conversationId: direct?.id ?? null, since: new Date(r.responded_at ?? r.created_at).toISOString() });
    }
    return { items };
  }

  private async dtos(rows: PartnerRequestsTable[], viewerId: string): Promise<PartnerRequest[]> {
    const db = this.ctx.database.db;
    const users = await userSummaries(db, rows.flatMap((r) => [r.sender_id, r.recipient_id]));
    const out: PartnerRequest[] = [];
    for (const r of rows) {
      const from = users.get(r.sender_id);
      const to = users.get(r.recipient_id);
      if (!from || !to) continue;
      const direct = r.status === 'accepted' ? await chatRepo.findDirect(db, directKey(r.sender_id, r.recipient_id)) : undefined;
      out.push({
        id: r.id,
        from,
        to,
        message: r.message,
        // Ignoring is silent: to its sender an ignored request still looks pending.
        status: r.status === 'ignored' && viewerId === r.sender_id ? 'pending' : r.status,
        createdAt: new Date(r.created_at).toISOString(),
        conversationId: direct?.id ?? null,
      });
    }
    return out;
  }
}
