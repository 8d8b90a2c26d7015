import type { UiLocale } from '../../../contract/locales.js';
import type {
  Distribution,
  Evidence,
  ModerationEvent,
  MyReport,
  Notice,
  QueueItem,
  Rule,
  SubjectDetail,
} from '../../../contract/moderation.js';
import type { Executor } from '../../db/database.js';
import type { ModerationEventsTable, ModerationSubjectsTable, SubjectKind } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { APPEAL_WINDOW_MS, APPEALABLE } from './appeals.service.js';
import { loadSubject } from './moderation.repo.js';
import type { RuleLookup, RuleSnapshot } from './rules-file.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Log rows → DTOs with their moderators (for moderators' eyes: the console). */
export async function eventDtos(db: Executor, rows: ModerationEventsTable[]): Promise<ModerationEvent[]> {
  const actors = await userSummaries(db, rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])));
  return rows.map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind as 'note',
    subjectId: r.subject_id,
    action: r.action,
    ruleId: r.rule_id,
    ruleVersion: Number(r.rule_version),
    note: r.note,
    evidence: JSON.parse(r.evidence) as Evidence[],
    confidence: r.confidence === null ? null : Number(r.confidence),
    automated: Number(r.automated) === 1,
    actor: r.actor_id ? (actors.get(r.actor_id) ?? null) : null,
    until: iso(r.until_at),
    reversesId: r.reverses_id,
    createdAt: iso(r.created_at)!,
  }));
}

/**
 * Rules retired since a decision was made, as they read in the version it was made under, so the
 * notice still quotes the rule the person was told about (one query, only when there are any).
 */
async function retiredRules(db: Executor, events: ModerationEventsTable[]): Promise<Map<string, Rule>> {
  const out = new Map<string, Rule>();
  const versions = [...new Set(events.map((e) => Number(e.rule_version)))];
  if (versions.length === 0) return out;
  const rows = await db.selectFrom('rule_versions').select(['version', 'rules']).where('version', 'in', versions).orderBy('version').execute();
  for (const row of rows) for (const r of JSON.parse(row.rules) as Rule[]) out.set(r.id, r);
  return out;
}

/** The effect of a decision in words, in the reader's language. */
function effectOf(e: ModerationEventsTable, rules: RuleLookup, locale: UiLocale): string {
  if (e.action === 'remove' && e.subject_kind === 'note') {
    const regions = rules.get(e.rule_id)?.regions;
    if (regions) return t(locale, 'effect_remove_regional', { regions: regions.join(', ') });
  }
  if (e.action === 'suspend') return t(locale, 'effect_suspend', { until: iso(e.until_at)?.slice(0, 10) ?? '—' });
  return t(locale, `effect_${e.action}` as 'effect_label');
}

/**
 * The caller's notices: every decision that affected them, newest first, in their language — the
 * rule, the evidence, the effect, and whether and until when they may appeal. Moderators and
 * moderator notes are not shown: a notice is about what happened and why, not who.
 */
export async function noticesView(db: Executor, rules: RuleSnapshot, userId: string, locale: UiLocale, now: number): Promise<Notice[]> {
  const rows = await db
    .selectFrom('moderation_events')
    .selectAll()
    .where('subject_user_id', '=', userId)
    .where('action', '!=', 'dismiss')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const appeals = rows.length
    ? await db.selectFrom('moderation_appeals').select(['id', 'event_id', 'state']).where('event_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  const appealOf = new Map(appeals.map((a) => [a.event_id, a]));
  const reversed = new Set(rows.filter((r) => r.action === 'reverse').map((r) => r.reverses_id));
  const retired = await retiredRules(db, rows.filter((r) => !rules.get(r.rule_id)));
  return rows.map((r) => {
    const rule = rules.get(r.rule_id) ?? retired.get(r.rule_id);
    const appeal = appealOf.get(r.id);
    const deadline = Number(r.created_at) + APPEAL_WINDOW_MS;
    const canAppeal = APPEALABLE.has(r.action) && !appeal && !reversed.has(r.id) && now <= deadline;
    return {
      id: r.id,
      subjectKind: r.subject_kind as 'note',
      subjectId: r.subject_id,
      action: r.action,
      rule: { id: r.rule_id, title: rule?.title[locale] ?? r.rule_id, body: rule?.body[locale] ?? '' },
      effect: effectOf(r, rules, locale),
      evidence: JSON.parse(r.evidence) as Evidence[],
      automated: Number(r.automated) === 1,
      until: iso(r.until_at),
      createdAt: iso(r.created_at)!,
      appeal: appeal ? { id: appeal.id, state: appeal.state } : null,
      canAppeal,
      appealDeadline: APPEALABLE.has(r.action) ? iso(deadline) : null,
    };
  });
}

/** How one of the author's notes is distributed, with the reason; for the author only. */
export async function distributionView(db: Executor, rules: RuleSnapshot, noteId: string, viewerId: string, locale: UiLocale): Promise<Distribution> {
  const note = await db
    .selectFrom('notes')
    .select(['author_id', 'moderation_state', 'region_rule_id', 'restricted_regions'])
    .where('id', '=', noteId)
    .executeTakeFirst();
  // Anyone else asking learns nothing, not even that the note exists.
  if (!note || note.author_id !== viewerId) throw notFound('note');
  const status = await db
    .selectFrom('moderation_subjects')
    .select('state_event_id')
    .where('subject_kind', '=', 'note')
    .where('subject_id', '=', noteId)
    .executeTakeFirst();
  const event = status?.state_event_id
    ? await db.selectFrom('moderation_events').select(['id', 'rule_id']).where('id', '=', status.state_event_id).executeTakeFirst()
    : undefined;
  const state = (note.moderation_state ?? 'normal') as Distribution['state'];
  const ruleId = state !== 'normal' ? (event?.rule_id ?? null) : (note.region_rule_id ?? null);
  return {
    state,
    ruleId,
    ruleTitle: ruleId ? rules.title(ruleId, locale) : null,
    noticeId: state !== 'normal' ? (event?.id ?? null) : null,
    restrictedRegions: note.restricted_regions ? (JSON.parse(note.restricted_regions) as string[]) : [],
  };
}

/** The caller's reports with their outcomes ("My reports"). */
export async function myReportsView(db: Executor, userId: string): Promise<MyReport[]> {
  const rows = await db
    .selectFrom('moderation_reports')
    .leftJoin('moderation_events', 'moderation_events.id', 'moderation_reports.resolved_event_id')
    .select([
      'moderation_reports.id',
      'moderation_reports.subject_kind',
      'moderation_reports.subject_id',
      'moderation_reports.rule_id',
      'moderation_reports.created_at',
      'moderation_events.action',
    ])
    .where('moderation_reports.reporter_id', '=', userId)
    .orderBy('moderation_reports.id', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind as 'note',
    subjectId: r.subject_id,
    ruleId: r.rule_id,
    createdAt: iso(r.created_at)!,
    outcome: !r.action ? 'open' : r.action === 'dismiss' ? 'dismissed' : 'actioned',
    action: r.action && r.action !== 'dismiss' ? r.action : null,
  }));
}

async function queueItems(db: Executor, rows: ModerationSubjectsTable[]): Promise<QueueItem[]> {
  const users = await userSummaries(db, rows.map((r) => r.subject_user_id));
  const reports = rows.length
    ? await db
        .selectFrom('moderation_reports')
        .select(['subject_kind', 'subject_id', 'rule_id'])
        .where('resolved_event_id', 'is', null)
        .where('subject_id', 'in', rows.map((r) => r.subject_id))
        .execute()
    : [];
  const out: QueueItem[] = [];
  for (const r of rows) {
    const subject = await loadSubject(db, r.subject_kind as SubjectKind, r.subject_id);
    const ruleIds = new Set(reports.filter((x) => x.subject_kind === r.subject_kind && x.subject_id === r.subject_id).map((x) => x.rule_id));
    out.push({
      subjectKind: r.subject_kind as 'note',
      subjectId: r.subject_id,
      subjectUser: users.get(r.subject_user_id) ?? null,
      severity: Number(r.severity),
      lang: r.lang ?? subject?.lang ?? null,
      state: r.state,
      reportCount: Number(r.report_count),
      ruleIds: [...ruleIds],
      openedAt: iso(r.opened_at),
      text: subject ? Object.values(subject.fields).filter(Boolean).join('\n') : '',
    });
  }
  return out;
}

/** Open items, most severe first, then oldest; optionally one language (bilingual moderators pick). */
export async function queueView(db: Executor, lang: string | undefined, limit: number): Promise<QueueItem[]> {
  let q = db.selectFrom('moderation_subjects').selectAll().where('review', '=', 'open');
  // "zh" is the queue of zh-Hans and zh-Hant alike: a language and its subtags.
  if (lang) q = q.where((eb) => eb.or([eb('lang', '=', lang), eb('lang', 'like', `${lang.replace(/[%_]/g, '')}-%`)]));
  const rows = await q.orderBy('severity', 'desc').orderBy('opened_at', 'asc').limit(limit).execute();
  return queueItems(db, rows);
}

/** One subject with its context, its whole log and its reports (the console's detail pane). */
export async function subjectView(db: Executor, kind: SubjectKind, id: string): Promise<SubjectDetail> {
  const subject = await loadSubject(db, kind, id);
  if (!subject) throw notFound(kind);
  const status = await db.selectFrom('moderation_subjects').selectAll().where('subject_kind', '=', kind).where('subject_id', '=', id).executeTakeFirst();
  const row: ModerationSubjectsTable = status ?? {
    subject_kind: kind,
    subject_id: id,
    subject_user_id: subject.userId,
    state: subject.state,
    state_event_id: null,
    review: 'closed',
    severity: 0,
    lang: subject.lang,
    report_count: 0,
    opened_at: null,
    updated_at: 0,
  };
  const [item] = await queueItems(db, [row]);
  // Account-level decisions about the author belong to the history of their content too.
  const events = await db
    .selectFrom('moderation_events')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', kind), eb('subject_id', '=', id)]),
        eb.and([eb('subject_kind', '=', 'account'), eb('subject_id', '=', subject.userId)]),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  const reports = await db
    .selectFrom('moderation_reports')
    .select(['id', 'rule_id', 'comment', 'created_at'])
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', id)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return {
    item: item!,
    history: await eventDtos(db, events),
    reports: reports.map((r) => ({ id: r.id, ruleId: r.rule_id, comment: r.comment, createdAt: iso(r.created_at)! })),
  };
}
