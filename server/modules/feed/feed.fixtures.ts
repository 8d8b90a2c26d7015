import type { Client } from '../../test/client.js';
import type { TestApp } from '../../test/harness.js';
import { bumpNoteCounters } from '../notes/hot-score.js';

/*
 * Graph and engagement rows for feed and note tests, written straight to the tables the social
 * module owns (its HTTP API is tested by its own suite). Counters move the way the social module
 * moves them: one UPDATE with the hot score recomputed in the same statement.
 */

export async function follow(t: TestApp, follower: Client, followee: Client): Promise<void> {
  await t.ctx.database.db
    .insertInto('follows')
    .values({ follower_id: follower.userId, followee_id: followee.userId, created_at: Date.now() })
    .execute();
}

export async function befriend(t: TestApp, a: Client, b: Client): Promise<void> {
  await follow(t, a, b);
  await follow(t, b, a);
}

export async function block(t: TestApp, blocker: Client, blocked: Client): Promise<void> {
  await t.ctx.database.db
    .insertInto('blocks')
    .values({ blocker_id: blocker.userId, blocked_id: blocked.userId, created_at: Date.now() })
    .execute();
}

/** Likes a note as each of the given people, bumping the note's and its author's counters. */
export async function like(t: TestApp, noteId: string, likers: Client[]): Promise<void> {
  const db = t.ctx.database.db;
  for (const liker of likers) {
    await db.insertInto('note_likes').values({ note_id: noteId, user_id: liker.userId, created_at: Date.now() }).execute();
    await bumpNoteCounters(db, noteId, { likes: 1 });
    await db
      .updateTable('users')
      .set((eb) => ({ likes_received_count: eb('likes_received_count', '+', 1) }))
      .where('id', '=', db.selectFrom('notes').select('author_id').where('id', '=', noteId))
      .execute();
  }
}
