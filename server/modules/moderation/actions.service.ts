import type { ActionBody, Evidence } from '../../../contract/moderation.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { ModerationAction, ModerationEventsTable, SubjectKind } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { derive, project } from './effects.js';
import * as repo from './moderation.repo.js';
import type { RuleLookup } from './rules-file.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CONTENT_ONLY: Record<string, SubjectKind[]> = {
  label: ['note', 'comment', 'message'],
  limit: ['note'],
  hold: ['note', 'comment', 'message'],
  remove: ['note', 'comment', 'message'],
};
/** Actions on a person: taken from any of their content, always recorded against the account. */
const ACCOUNT_ACTIONS = new Set<ModerationAction>(['warn', 'suspend', 'ban']);

export interface Decision {
  subjectKind: SubjectKind;
  subjectId: string;
  action: ModerationAction;
  ruleId: string | undefined;
  note: string | undefined;
  days?: number | undefined;
  evidence?: Evidence[];
  confidence?: number | null;
  /** null: an automated check decided. */
  actorId: string | null;
  reversesId?: string | null;
}

/** Marks the passages a moderator pointed at, with context, from the subject's own text. */
export function textEvidence(fields: Record<string, string>, marks: NonNullable<ActionBody['evidence']>): Evidence[] {
  return marks.flatMap((m) => {
    const text = fields[m.field];
    if (text === undefined || m.end <= m.start || m.end > text.length) return [];
    return [passage(m.field, text, m.start, m.end)];
  });
}

/** Words a moderator quoted, found in the subject's fields (first occurrence of each). */
export function quotedEvidence(fields: Record<string, string>, quotes: string[]): Evidence[] {
  return quotes.flatMap((q) => {
    for (const [field, text] of Object.entries(fields)) {
      const at = text.indexOf(q);
      if (q && at >= 0) return [passage(field, text, at, at + q.length)];
    }
    return [];
  });
}

/** A match with up to 40 UTF-16 units of context each side, offsets kept for highlighting. */
export function passage(field: string, text: string, start: number, end: number): Evidence {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return {
    type: 'text',
    field,
    start,
    end,
    match: text.slice(start, end),
    excerpt: text.slice(from, to),
    excerptStart: start - from,
    excerptEnd: end - from,
  };
}

/**
 * Every moderation decision goes through here: it must name a known rule (and, from a person, carry
 * a note); it is appended to the log; the subject's status is re-derived from the whole log and
 * projected onto the subject's row in the same transaction; the notice goes out after commit.
 */
export class ActionsService {
  constructor(private readonly ctx: AppContext) {}

  /** Appends one decision and applies its effect; returns the event id. */
  async decide(d: Decision): Promise<string> {
    const ruleId = d.ruleId?.trim();
    if (!ruleId) throw badRequest('moderation_rule_required', {}, 'ruleId');
    // The version in force is read once, so the rule, its version and the effect agree.
    const rules = await this.ctx.rules.current();
    const rule = rules.get(ruleId);
    if (!rule) throw badRequest('moderation_rule_unknown', { rule: ruleId.slice(0, 64) }, 'ruleId');
    const note = cleanText(d.note ?? '', { field: 'note', max: 2000, multiline: true, allowEmpty: true });
    if (d.actorId && !note) throw badRequest('moderation_note_required', {}, 'note');
    const allowed = CONTENT_ONLY[d.action];
    if (allowed && !allowed.includes(d.subjectKind)) throw badRequest('moderation_action_invalid', { action: d.action }, 'action');
    if (d.action === 'suspend' && !d.days) throw badRequest('moderation_days_required', {}, 'days');

    const db = this.ctx.database.db;
    const origin = await repo.loadSubject(db, d.subjectKind, d.subjectId);
    if (!origin) throw notFound(d.subjectKind);
    // warn/suspend/ban act on the person, so their status lives on the account's log.
    const subject = ACCOUNT_ACTIONS.has(d.action) && origin.kind !== 'account' ? await repo.loadSubject(db, 'account', origin.userId) : origin;
    if (!subject) throw notFound('account');
    const version = rules.version;

    return this.ctx.database.transaction(async (txn) => {
      const now = this.ctx.clock.now();
      const open = await repo.subjectStatus(txn.db, origin.kind, origin.id);
      const row: ModerationEventsTable = {
        id: newId(),
        subject_kind: subject.kind,
        subject_id: subject.id,
        subject_user_id: subject.userId,
        action: d.action,
        rule_id: rule.id,
        rule_version: version,
        note: note || 'automated',
        evidence: JSON.stringify(d.evidence ?? []),
        confidence: d.confidence ?? null,
        automated: d.actorId ? 0 : 1,
        actor_id: d.actorId,
        until_at: d.action === 'suspend' ? now + d.days! * DAY_MS : null,
        reverses_id: d.reversesId ?? null,
        decision_ms: open?.review === 'open' && open.opened_at !== null ? now - Number(open.opened_at) : null,
        created_at: now,
      };
      await repo.insertEvent(txn.db, row);
      await this.rederive(txn.db, rules, subject, now, d.action === 'hold' ? 'open' : 'closed', rule.severity);
      if (subject !== origin) {
        // The reported note/comment leaves the queue too; its own state is unchanged.
        await repo.settleSubject(txn.db, origin, origin.state, open?.state_event_id ?? null, 'closed', rule.severity, now);
      }
      await repo.resolveReports(txn.db, origin.kind, origin.id, row.id);
      txn.afterCommit(() =>
        this.ctx.events.emit('moderation.decided', { eventId: row.id, subjectUserId: subject.userId, action: d.action }),
      );
      return row.id;
    });
  }

  /** Undoes an earlier decision (an appeal granted): appends a 'reverse' and re-derives the status. */
  async reverse(eventId: string, actorId: string, note: string): Promise<string> {
    const db = this.ctx.database.db;
    const target = await repo.eventById(db, eventId);
    if (!target) throw notFound('decision');
    return this.decide({
      subjectKind: target.subject_kind as SubjectKind,
      subjectId: target.subject_id,
      action: 'reverse',
      ruleId: target.rule_id,
      note,
      actorId,
      reversesId: target.id,
    });
  }

  private async rederive(db: Executor, rules: RuleLookup, s: repo.SubjectRow, now: number, review: 'open' | 'closed', severity: number): Promise<void> {
    const status = derive(s.kind, await repo.subjectEvents(db, s.kind, s.id), rules);
    await project(db, s.kind, s.id, status);
    await repo.settleSubject(db, s, status.state, status.eventId, review, severity, now);
  }
}
