import type { AppContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { insertNotification } from '../notifications/notifications.repo.js';

/**
 * Every decision reaches the person it affects as a notification of kind 'moderation' (the notice
 * itself — rule, evidence, effect, appeal — is read from the log in their language at read time, so
 * a notice is always in the language they use now). Dismissals change nothing and are not announced.
 */
export function subscribeNotices(ctx: AppContext): void {
  const db = ctx.database.db;
  ctx.events.on('moderation.decided', async (e) => {
    if (e.action === 'dismiss') return;
    await insertNotification(db, {
      id: newId(),
      recipient_id: e.subjectUserId,
      // No person is named as the actor of a decision: the notice is about the rule, not the moderator.
      actor_id: e.subjectUserId,
      kind: 'moderation',
      note_id: null,
      comment_id: null,
      created_at: ctx.clock.now(),
      read_at: null,
    });
  });
}
