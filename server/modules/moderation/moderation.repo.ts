import type { Executor } from '../../db/database.js';
import type { ModerationEventsTable, SubjectKind } from '../../db/schema/index.js';

/** The subject as moderation needs it: whose it is, its text (for context and checks), its state. */
export interface SubjectRow {
  kind: SubjectKind;
  id: string;
  userId: string;
  /** Text fields by name, for evidence offsets. */
  fields: Record<string, string>;
  lang: string | null;
  state: string;
}

/** Loads a note, comment, chat message or account as a moderation subject; undefined when it does not exist. */
export async function loadSubject(db: Executor, kind: SubjectKind, id: string): Promise<SubjectRow | undefined> {
  if (kind === 'note') {
    const n = await db
      .selectFrom('notes')
      .select(['id', 'author_id', 'title', 'body', 'lang', 'moderation_state'])
      .where('id', '=', id)
      .executeTakeFirst();
    return n && { kind, id, userId: n.author_id, fields: { title: n.title, body: n.body }, lang: n.lang ?? null, state: n.moderation_state ?? 'normal' };
  }
  if (kind === 'comment') {
    const c = await db.selectFrom('comments').select(['id', 'author_id', 'body', 'lang', 'moderation_state']).where('id', '=', id).executeTakeFirst();
    return c && { kind, id, userId: c.author_id, fields: { comment: c.body }, lang: c.lang ?? null, state: c.moderation_state ?? 'normal' };
  }
  if (kind === 'message') {
    // Chat stores no language per message; the queue shows it under "any language".
    const m = await db.selectFrom('messages').select(['id', 'sender_id', 'body', 'moderation_state']).where('id', '=', id).executeTakeFirst();
    return m && { kind, id, userId: m.sender_id, fields: { message: m.body }, lang: null, state: m.moderation_state ?? 'normal' };
  }
  if (kind === 'account') {
    const u = await db.selectFrom('users').select(['id', 'display_name', 'bio', 'moderation_state']).where('id', '=', id).executeTakeFirst();
    return u && { kind, id, userId: u.id, fields: { displayName: u.display_name, bio: u.bio }, lang: null, state: u.moderation_state ?? 'ok' };
  }
  return undefined;
}

export async function insertEvent(db: Executor, row: ModerationEventsTable): Promise<void> {
  await db.insertInto('moderation_events').values(row).execute();
}

export function eventById(db: Executor, id: string) {
  return db.selectFrom('moderation_events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The subject's whole log, oldest first (its status is a replay of it). */
export function subjectEvents(db: Executor, kind: SubjectKind, id: string) {
  return db.selectFrom('moderation_events').selectAll().where('subject_kind', '=', kind).where('subject_id', '=', id).orderBy('id').execute();
}

export function subjectStatus(db: Executor, kind: SubjectKind, id: string) {
  return db.selectFrom('moderation_subjects').selectAll().where('subject_kind', '=', kind).where('subject_id', '=', id).executeTakeFirst();
}

/**
 * Puts a subject into review (a report or an automated flag) or raises its severity; creates its
 * status row on first contact. Open items keep the time they were first opened (queue age).
 */
export async function openReview(
  db: Executor,
  s: { kind: SubjectKind; id: string; userId: string; lang: string | null },
  severity: number,
  reports: number,
  now: number,
): Promise<void> {
  const existing = await subjectStatus(db, s.kind, s.id);
  if (!existing) {
    await db
      .insertInto('moderation_subjects')
      .values({
        subject_kind: s.kind,
        subject_id: s.id,
        subject_user_id: s.userId,
        state: 'normal',
        state_event_id: null,
        review: 'open',
        severity,
        lang: s.lang,
        report_count: reports,
        opened_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['subject_kind', 'subject_id']).doNothing())
      .execute();
    return;
  }
  const reopen = existing.review !== 'open';
  await db
    .updateTable('moderation_subjects')
    .set({
      review: 'open',
      severity: reopen ? severity : Math.max(Number(existing.severity), severity),
      report_count: (reopen ? 0 : Number(existing.report_count)) + reports,
      opened_at: reopen ? now : existing.opened_at,
      lang: s.lang ?? existing.lang,
      updated_at: now,
    })
    .where('subject_kind', '=', s.kind)
    .where('subject_id', '=', s.id)
    .execute();
}

/** Records the derived state and closes review (or keeps it open for a hold, which awaits a human). */
export async function settleSubject(
  db: Executor,
  s: { kind: SubjectKind; id: string; userId: string; lang: string | null },
  state: string,
  stateEventId: string | null,
  review: 'open' | 'closed',
  severity: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('moderation_subjects')
    .values({
      subject_kind: s.kind,
      subject_id: s.id,
      subject_user_id: s.userId,
      state,
      state_event_id: stateEventId,
      review,
      severity,
      lang: s.lang,
      report_count: 0,
      opened_at: review === 'open' ? now : null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['subject_kind', 'subject_id']).doUpdateSet((eb) => ({
        state,
        state_event_id: stateEventId,
        review,
        severity: review === 'open' ? eb.ref('excluded.severity') : eb.ref('moderation_subjects.severity'),
        opened_at: review === 'open' ? eb.fn.coalesce('moderation_subjects.opened_at', 'excluded.opened_at') : null,
        updated_at: now,
      })),
    )
    .execute();
}

/** Marks the subject's open reports as settled by this decision. */
export async function resolveReports(db: Executor, kind: SubjectKind, id: string, eventId: string): Promise<void> {
  await db
    .updateTable('moderation_reports')
    .set({ resolved_event_id: eventId })
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', id)
    .where('resolved_event_id', 'is', null)
    .execute();
}

export function roleOf(db: Executor, userId: string) {
  return db.selectFrom('users').select(['role', 'moderation_state', 'suspended_until']).where('id', '=', userId).executeTakeFirst();
}
