import type { Executor } from '../../db/database.js';
import type { ModerationEventsTable, SubjectKind } from '../../db/schema/index.js';
import { bumpNoteComments, bumpReplyCount } from '../comments/comments.repo.js';
import { bumpTopicComments } from '../notes/topics.repo.js';
import type { RuleLookup } from './rules-file.js';
import { isRecommendable } from './recommendable.js';

/** What a replay of a subject's log says is in force now. */
export interface DerivedStatus {
  state: string;
  /** The event that set the state (for the reason shown to the author); null when normal. */
  eventId: string | null;
  /** Accounts: end of a suspension. */
  until: number | null;
  /** Notes: a regional restriction (rule and its regions) in force, if any. */
  region: { ruleId: string; regions: string[] } | null;
}

const HIDDEN = new Set(['held', 'removed']);
export const isHidden = (state: string | undefined | null) => HIDDEN.has(state ?? 'normal');

/**
 * The status of a subject as a replay of its append-only log: reversed events and the reversals
 * themselves are skipped; each remaining action sets the state. Dismiss means "this report or flag
 * is unfounded": it releases a hold and clears an automated label, but never undoes an earlier human
 * decision (that takes a reversal, e.g. on appeal). This is the one definition of status; the
 * columns on notes/comments/messages/users are its projection.
 */
export function derive(kind: SubjectKind, events: ModerationEventsTable[], rules: RuleLookup): DerivedStatus {
  const reversed = new Set(events.filter((e) => e.action === 'reverse' && e.reverses_id).map((e) => e.reverses_id!));
  const base = kind === 'account' ? 'ok' : 'normal';
  let out: DerivedStatus = { state: base, eventId: null, until: null, region: null };
  // Whether the state in force was set by a person (then only a reversal undoes it).
  let byHuman = false;
  for (const e of events) {
    if (e.action === 'reverse' || reversed.has(e.id)) continue;
    const regions = rules.get(e.rule_id)?.regions ?? null;
    const before = out.eventId;
    switch (e.action) {
      case 'dismiss':
        if (!byHuman || out.state === 'held') out = { ...out, state: base, eventId: null, until: null };
        break;
      case 'label':
      case 'limit':
      case 'hold':
        if (kind !== 'account') out = { ...out, state: e.action === 'label' ? 'labelled' : e.action === 'limit' ? 'limited' : 'held', eventId: e.id };
        break;
      case 'remove':
        // Under a regional rule a removal restricts the note in those regions only.
        if (kind === 'note' && regions) out = { ...out, region: { ruleId: e.rule_id, regions } };
        else if (kind !== 'account') out = { ...out, state: 'removed', eventId: e.id };
        break;
      case 'suspend':
        if (kind === 'account') out = { state: 'suspended', eventId: e.id, until: e.until_at === null ? null : Number(e.until_at), region: null };
        break;
      case 'ban':
        if (kind === 'account') out = { state: 'banned', eventId: e.id, until: null, region: null };
        break;
      default:
        break; // warn: a notice, no effect on content
    }
    if (out.eventId !== before && out.eventId === e.id) byHuman = Number(e.automated) === 0;
    else if (out.eventId === null) byHuman = false;
  }
  return out;
}

/**
 * Writes a derived status onto the subject's own row, fixing counters when content disappears or
 * comes back (a removed note leaves its author's note count; a removed comment its note's count, with
 * the note's hot score, its topics' comment counts and its parent's reply count).
 * A note's topic rows follow whether it may be recommended (migration 0029).
 */
export async function project(db: Executor, kind: SubjectKind, id: string, status: DerivedStatus): Promise<void> {
  if (kind === 'note') {
    const before = await db.selectFrom('notes').select(['author_id', 'moderation_state']).where('id', '=', id).executeTakeFirst();
    if (!before) return;
    await db
      .updateTable('notes')
      .set({
        moderation_state: status.state as 'normal',
        region_rule_id: status.region?.ruleId ?? null,
        restricted_regions: status.region ? JSON.stringify(status.region.regions) : null,
      })
      .where('id', '=', id)
      .execute();
    // Topic rows leave (or rejoin) the indexes topic pages walk (migration 0029).
    const recommendable = Number(isRecommendable(status.state));
    if (recommendable !== Number(isRecommendable(before.moderation_state))) {
      await db.updateTable('note_hashtags').set({ recommendable }).where('note_id', '=', id).execute();
    }
    const delta = Number(isHidden(before.moderation_state)) - Number(isHidden(status.state));
    if (delta) {
      await db
        .updateTable('users')
        .set((eb) => ({ note_count: eb('note_count', '+', delta) }))
        .where('id', '=', before.author_id)
        .execute();
    }
  } else if (kind === 'comment') {
    const before = await db.selectFrom('comments').select(['note_id', 'parent_id', 'moderation_state']).where('id', '=', id).executeTakeFirst();
    if (!before) return;
    await db.updateTable('comments').set({ moderation_state: status.state as 'normal' }).where('id', '=', id).execute();
    const delta = Number(isHidden(before.moderation_state)) - Number(isHidden(status.state));
    if (delta) {
      await bumpNoteComments(db, before.note_id, delta);
      await bumpTopicComments(db, before.note_id, delta);
      if (before.parent_id) await bumpReplyCount(db, before.parent_id, delta);
    }
  } else if (kind === 'message') {
    // No counters hang off a message: hiding it is the placeholder chat reads render from this column.
    await db.updateTable('messages').set({ moderation_state: status.state as 'normal' }).where('id', '=', id).execute();
  } else if (kind === 'account') {
    await db
      .updateTable('users')
      .set({ moderation_state: status.state as 'ok', suspended_until: status.until })
      .where('id', '=', id)
      .execute();
  }
}
