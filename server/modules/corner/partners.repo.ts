import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PartnerRequestsTable } from '../../db/schema/index.js';
import { baseLang } from './matching.js';

export async function findProfile(db: Executor, userId: string) {
  return db.selectFrom('partner_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertProfile(db: Executor, row: { user_id: string; open: number; time_zone: string; availability: string; updated_at: number }) {
  await db
    .insertInto('partner_profiles')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ open: row.open, time_zone: row.time_zone, availability: row.availability, updated_at: row.updated_at }))
    .execute();
}

/**
 * People open to partners whose native language is one of `langs` (by base language: zh covers
 * zh-Hans and zh-Hant), less the excluded. Capped: ranking happens in memory on this shortlist.
 */
export async function candidateIds(
  db: Executor,
  opts: { langs: string[]; exclude: string[]; region?: string | undefined; cap: number },
): Promise<string[]> {
  const bases = [...new Set(opts.langs.map(baseLang))];
  if (!bases.length) return [];
  let q = db
    .selectFrom('partner_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('p.user_id')
    .where('p.open', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_languages as ul')
          .select('ul.user_id')
          .whereRef('ul.user_id', '=', 'p.user_id')
          .where('ul.kind', '=', 'native')
          .where((e) => e.or(bases.flatMap((b) => [e('ul.lang', '=', b), e('ul.lang', 'like', `${b}-%`)]))),
      ),
    );
  if (opts.exclude.length) q = q.where('p.user_id', 'not in', opts.exclude);
  if (opts.region) q = q.where('u.region', '=', opts.region);
  const rows = await q.orderBy('p.updated_at', 'desc').limit(opts.cap).execute();
  return rows.map((r) => r.user_id);
}

export async function peopleRows(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('partner_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.region', 'u.created_at', 'p.time_zone', 'p.availability'])
    .select((eb) => [
      eb.selectFrom('sessions as s').select((e) => e.fn.max('s.last_seen_at').as('m')).whereRef('s.user_id', '=', 'u.id').as('last_active_at'),
      eb
        .selectFrom('partner_requests as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('r.status', '=', 'accepted')
        .where((e) => e.or([e('r.sender_id', '=', e.ref('u.id')), e('r.recipient_id', '=', e.ref('u.id'))]))
        .as('partner_count'),
    ])
    .where('u.id', 'in', ids)
    .execute();
}

export async function interestsOf(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('user_interests').select(['user_id', 'tag']).where('user_id', 'in', ids).orderBy('position').execute();
}

/** People the viewer reported (an account, or something they wrote): never suggested to the viewer. */
export async function reportedBy(db: Executor, reporterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('moderation_reports as r')
    .leftJoin('moderation_subjects as s', (j) => j.onRef('s.subject_kind', '=', 'r.subject_kind').onRef('s.subject_id', '=', 'r.subject_id'))
    .select([sql<string | null>`case when r.subject_kind = 'account' then r.subject_id else s.subject_user_id end`.as('user_id')])
    .where('r.reporter_id', '=', reporterId)
    .execute();
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
}

/** Everyone with a partner request with the viewer, either way, whatever its answer: suggested once is enough. */
export async function linkedTo(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_requests')
    .select(['sender_id', 'recipient_id'])
    .where((eb) => eb.or([eb('sender_id', '=', userId), eb('recipient_id', '=', userId)]))
    .execute();
  return rows.map((r) => (r.sender_id === userId ? r.recipient_id : r.sender_id));
}

/** Any request between two people: one ask per pair, so a decline or an ignore is not followed by another. */
export async function openRequestBetween(db: Executor, a: string, b: string) {
  return db
    .selectFrom('partner_requests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', a), eb('recipient_id', '=', b)]),
        eb.and([eb('sender_id', '=', b), eb('recipient_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

export async function sentSince(db: Executor, senderId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('partner_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_id', '=', senderId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRequest(db: Executor, row: PartnerRequestsTable): Promise<void> {
  await db.insertInto('partner_requests').values(row).execute();
}

export async function findRequest(db: Executor, id: string) {
  return db.selectFrom('partner_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answerRequest(db: Executor, id: string, status: PartnerRequestsTable['status'], now: number) {
  await db.updateTable('partner_requests').set({ status, responded_at: now }).where('id', '=', id).execute();
}

export async function requestsOf(db: Executor, userId: string, box: 'incoming' | 'outgoing') {
  let q = db.selectFrom('partner_requests').selectAll();
  q =
    box === 'incoming'
      ? q.where('recipient_id', '=', userId).where('status', '=', 'pending')
      : q.where('sender_id', '=', userId).where('status', 'in', ['pending', 'ignored']);
  return q.orderBy('created_at', 'desc').limit(100).execute();
}

export async function acceptedOf(db: Executor, userId: string) {
  return db
    .selectFrom('partner_requests')
    .selectAll()
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('sender_id', '=', userId), eb('recipient_id', '=', userId)]))
    .orderBy('responded_at', 'desc')
    .limit(500)
    .execute();
}
