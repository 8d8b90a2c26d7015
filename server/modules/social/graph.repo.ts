import type { Executor } from '../../db/database.js';

/** Adds a follow; true only when a row was actually inserted (a repeat is a no-op). */
export async function insertFollow(db: Executor, followerId: string, followeeId: string, now: number): Promise<boolean> {
  const row = await db
    .insertInto('follows')
    .values({ follower_id: followerId, followee_id: followeeId, created_at: now })
    .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
    .returning('follower_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a follow; true only when a row was actually deleted. */
export async function deleteFollow(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('follows')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .returning('follower_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Applies follower/following deltas to two people. Rows are updated in id order so two transactions
 * touching the same pair (A follows B while B follows A) never wait on each other in a cycle.
 */
export async function bumpFollowCounts(
  db: Executor,
  deltas: Array<{ userId: string; followers: number; following: number }>,
): Promise<void> {
  for (const d of [...deltas].sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
    if (d.followers === 0 && d.following === 0) continue;
    await db
      .updateTable('users')
      .set((eb) => ({
        follower_count: eb('follower_count', '+', d.followers),
        following_count: eb('following_count', '+', d.following),
      }))
      .where('id', '=', d.userId)
      .execute();
  }
}

export async function insertBlock(db: Executor, blockerId: string, blockedId: string, now: number): Promise<boolean> {
  const row = await db
    .insertInto('blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .returning('blocker_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteBlock(db: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .returning('blocker_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function followerCount(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('users').select('follower_count').where('id', '=', userId).executeTakeFirst();
  return row?.follower_count ?? 0;
}

/**
 * One keyset page of a follow list: who follows `userId` (followers) or whom `userId` follows
 * (following), newest first, leaving out people across a block from the viewer.
 */
export async function followPage(
  db: Executor,
  direction: 'followers' | 'following',
  userId: string,
  viewerId: string | null,
  after: [number, string] | null,
  limit: number,
) {
  const mine = direction === 'followers' ? 'followee_id' : 'follower_id';
  const other = direction === 'followers' ? 'follower_id' : 'followee_id';
  let q = db
    .selectFrom('follows')
    .select([`follows.${other} as user_id`, 'follows.created_at'])
    .where(`follows.${mine}`, '=', userId);
  if (viewerId) {
    q = q
      .where(`follows.${other}`, 'not in', db.selectFrom('blocks').select('blocked_id').where('blocker_id', '=', viewerId))
      .where(`follows.${other}`, 'not in', db.selectFrom('blocks').select('blocker_id').where('blocked_id', '=', viewerId));
  }
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb(eb.refTuple('follows.created_at', `follows.${other}`), '<', eb.tuple(at, id)),
    );
  }
  return q.orderBy('follows.created_at', 'desc').orderBy(`follows.${other}`, 'desc').limit(limit + 1).execute();
}

/** For many people at once: whom of them the viewer follows and who of them follows the viewer. */
export async function followStates(db: Executor, viewerId: string, ids: string[]) {
  if (ids.length === 0) return { following: new Set<string>(), followedBy: new Set<string>() };
  const [out, inc] = await Promise.all([
    db.selectFrom('follows').select('followee_id as id').where('follower_id', '=', viewerId).where('followee_id', 'in', ids).execute(),
    db.selectFrom('follows').select('follower_id as id').where('followee_id', '=', viewerId).where('follower_id', 'in', ids).execute(),
  ]);
  return { following: new Set(out.map((r) => r.id)), followedBy: new Set(inc.map((r) => r.id)) };
}
