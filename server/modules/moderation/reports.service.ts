import type { CreateReportBody } from '../../../contract/moderation.js';
import type { AppContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { badRequest, notFound } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { loadVisibleMessage } from '../chat/chat.policy.js';
import { loadVisibleComment } from '../comments/comments.policy.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import * as repo from './moderation.repo.js';

/**
 * Reports: anyone signed in reports what they can see, naming a rule. The subject enters the review
 * queue at the rule's severity, tagged with its language. Subjects are (kind, id); chat messages are
 * the kind 'message'.
 */
export class ReportsService {
  constructor(private readonly ctx: AppContext) {}

  /** Files a report and opens (or raises) the subject's review item; returns the report id. */
  async report(reporterId: string, input: CreateReportBody): Promise<string> {
    const comment = cleanText(input.comment ?? '', { field: 'comment', max: 1000, multiline: true, allowEmpty: true });
    const rule = (await this.ctx.rules.current()).get(input.ruleId);
    if (!rule) throw badRequest('moderation_rule_unknown', { rule: input.ruleId }, 'ruleId');
    const db = this.ctx.database.db;
    // You can only report what you can see: the same 404 as for something that does not exist.
    if (input.subjectKind === 'note') await loadVisibleNote(db, input.subjectId, reporterId);
    if (input.subjectKind === 'comment') await loadVisibleComment(db, input.subjectId, reporterId);
    // A message only to members of its conversation (not across a block): a stranger learns nothing.
    if (input.subjectKind === 'message') await loadVisibleMessage(db, reporterId, input.subjectId);
    const subject = await repo.loadSubject(db, input.subjectKind, input.subjectId);
    if (!subject) throw notFound(input.subjectKind);
    const id = newId();
    await this.ctx.database.transaction(async (txn) => {
      const now = this.ctx.clock.now();
      await txn.db
        .insertInto('moderation_reports')
        .values({
          id,
          reporter_id: reporterId,
          subject_kind: input.subjectKind,
          subject_id: input.subjectId,
          rule_id: rule.id,
          comment,
          created_at: now,
          resolved_event_id: null,
        })
        .execute();
      await repo.openReview(txn.db, subject, rule.severity, 1, now);
    });
    return id;
  }
}
