import type { SafetyPatch, SafetySettings } from '../../../contract/moderation.js';
import type { Executor } from '../../db/database.js';
import type { CommentPolicy } from '../../db/schema/index.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { cleanText } from '../../text/clean.js';

/** The caller's safety settings: who may comment, keyword filters, muted accounts. */
export async function safetyView(db: Executor, userId: string): Promise<SafetySettings> {
  const [settings, words, muted] = await Promise.all([
    db.selectFrom('user_safety_settings').select('comment_policy').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('user_keyword_filters').select('word').where('user_id', '=', userId).orderBy('word').execute(),
    db.selectFrom('user_mutes').select('muted_id').where('muter_id', '=', userId).orderBy('created_at', 'desc').limit(500).execute(),
  ]);
  const people = await userSummaries(db, muted.map((m) => m.muted_id));
  return {
    commentPolicy: settings?.comment_policy ?? 'everyone',
    keywords: words.map((w) => w.word),
    muted: muted.flatMap((m) => (people.has(m.muted_id) ? [people.get(m.muted_id)!] : [])),
  };
}

/** Changes the comment policy and/or replaces the keyword list. */
export async function updateSafety(db: Executor, userId: string, patch: SafetyPatch, now: number): Promise<void> {
  if (patch.commentPolicy) {
    await db
      .insertInto('user_safety_settings')
      .values({ user_id: userId, comment_policy: patch.commentPolicy, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ comment_policy: patch.commentPolicy!, updated_at: now }))
      .execute();
  }
  if (patch.keywords) {
    const words = [...new Set(patch.keywords.map((w, i) => cleanText(w, { field: `keywords.${i}`, max: 50 }).toLowerCase()))];
    await db.deleteFrom('user_keyword_filters').where('user_id', '=', userId).execute();
    if (words.length) await db.insertInto('user_keyword_filters').values(words.map((word) => ({ user_id: userId, word, created_at: now }))).execute();
  }
}

/** Mutes (or unmutes) an account: their notes and comments stop showing to the muter; they are not told. */
export async function setMute(db: Executor, muterId: string, mutedId: string, on: boolean, now: number): Promise<void> {
  if (muterId === mutedId) throw badRequest('validation_failed', { field: 'id', problem: 'cannot mute yourself' }, 'id');
  const exists = await db.selectFrom('users').select('id').where('id', '=', mutedId).executeTakeFirst();
  if (!exists) throw notFound('user');
  if (on) {
    await db.insertInto('user_mutes').values({ muter_id: muterId, muted_id: mutedId, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.deleteFrom('user_mutes').where('muter_id', '=', muterId).where('muted_id', '=', mutedId).execute();
  }
}

/** Who may comment on a note, by its author's setting: everyone, people the author follows, nobody. */
export async function assertMayComment(db: Executor, commenterId: string, noteAuthorId: string): Promise<void> {
  if (commenterId === noteAuthorId) return;
  const s = await db.selectFrom('user_safety_settings').select('comment_policy').where('user_id', '=', noteAuthorId).executeTakeFirst();
  const policy: CommentPolicy = s?.comment_policy ?? 'everyone';
  if (policy === 'everyone') return;
  if (policy === 'following') {
    const f = await db.selectFrom('follows').select('follower_id').where('follower_id', '=', noteAuthorId).where('followee_id', '=', commenterId).executeTakeFirst();
    if (f) return;
  }
  throw forbidden('comments_closed');
}

/** What the viewer hides: muted authors and keyword filters (applied when cards and comments are hydrated). */
export async function viewerFilters(db: Executor, viewerId: string | null): Promise<{ muted: Set<string>; words: string[] }> {
  if (!viewerId) return { muted: new Set(), words: [] };
  const [muted, words] = await Promise.all([
    db.selectFrom('user_mutes').select('muted_id').where('muter_id', '=', viewerId).execute(),
    db.selectFrom('user_keyword_filters').select('word').where('user_id', '=', viewerId).execute(),
  ]);
  return { muted: new Set(muted.map((m) => m.muted_id)), words: words.map((w) => w.word) };
}

/** True when any of the words occurs in the text (case-insensitive). */
export const containsAny = (text: string, words: string[]) => {
  if (words.length === 0) return false;
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
};
