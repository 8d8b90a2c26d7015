import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import type { ActionsService } from './actions.service.js';
import * as repo from './moderation.repo.js';

export const APPEAL_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** Decisions worth appealing: those with an effect or a mark on the record. */
export const APPEALABLE = new Set(['label', 'limit', 'hold', 'remove', 'warn', 'suspend', 'ban']);

/**
 * Appeals: the affected person may appeal each decision once within 30 days; a moderator other than
 * the one who decided settles it; reversing appends a 'reverse' event, which restores the content.
 */
export class AppealsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly actions: ActionsService,
  ) {}

  /** Files the one appeal against a decision that affected the caller. */
  async appeal(userId: string, eventId: string, raw: string): Promise<string> {
    const statement = cleanText(raw, { field: 'statement', max: 2000, multiline: true });
    const db = this.ctx.database.db;
    const event = await repo.eventById(db, eventId);
    if (!event || event.subject_user_id !== userId) throw notFound('decision');
    const now = this.ctx.clock.now();
    if (!APPEALABLE.has(event.action) || now - Number(event.created_at) > APPEAL_WINDOW_MS) throw conflict('appeal_closed');
    const id = newId();
    try {
      await db
        .insertInto('moderation_appeals')
        .values({
          id,
          event_id: eventId,
          appellant_id: userId,
          statement,
          state: 'open',
          original_actor_id: event.actor_id,
          decided_by: null,
          decision_note: null,
          decided_at: null,
          created_at: now,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('appeal_closed');
      throw err;
    }
    return id;
  }

  /** Settles an appeal: uphold keeps the decision; reverse undoes it. Never by the original moderator. */
  async decide(moderatorId: string, appealId: string, decision: 'uphold' | 'reverse', raw: string): Promise<void> {
    const note = cleanText(raw, { field: 'note', max: 2000, multiline: true, allowEmpty: true });
    const db = this.ctx.database.db;
    const appeal = await db.selectFrom('moderation_appeals').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!appeal) throw notFound('appeal');
    if (appeal.original_actor_id === moderatorId) throw forbidden('appeal_same_moderator');
    if (appeal.state !== 'open') throw conflict('appeal_not_open');
    // Claim the appeal first, so two moderators deciding at once cannot both act.
    const claimed = await db
      .updateTable('moderation_appeals')
      .set({
        state: decision === 'reverse' ? 'reversed' : 'upheld',
        decided_by: moderatorId,
        decision_note: note.trim() || decision,
        decided_at: this.ctx.clock.now(),
      })
      .where('id', '=', appealId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw conflict('appeal_not_open');
    if (decision === 'reverse') {
      await this.actions.reverse(appeal.event_id, moderatorId, note.trim() || 'appeal granted');
    } else {
      // The outcome is notified either way.
      this.ctx.events.emit('moderation.decided', { eventId: appeal.event_id, subjectUserId: appeal.appellant_id, action: 'appeal_upheld' });
    }
  }
}

