import type { Executor } from '../../db/database.js';

/** Everyone the viewer has blocked or who has blocked the viewer: hidden from each other everywhere. */
export async function blockedEitherWay(db: Executor, viewerId: string | null): Promise<string[]> {
  if (!viewerId) return [];
  const rows = await db
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', viewerId)
    .union(db.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', viewerId))
    .execute();
  return rows.map((r) => r.id);
}

export async function isBlockedEitherWay(db: Executor, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

// SQLite answers EXISTS with 0/1, PostgreSQL with booleans.
const truthy = (v: unknown) => v === true || Number(v) === 1;

/**
 * Follows and blocks between viewer and target, both ways, as EXISTS columns of one statement
 * (primary-key probes on follows and blocks).
 */
export async function relationshipBothWays(db: Executor, viewerId: string, targetId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('follows').select('follower_id').where('follower_id', '=', viewerId).where('followee_id', '=', targetId)).as('following'),
      eb.exists(eb.selectFrom('follows').select('follower_id').where('follower_id', '=', targetId).where('followee_id', '=', viewerId)).as('followed_by'),
      eb.exists(eb.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', viewerId).where('blocked_id', '=', targetId)).as('blocking'),
      eb.exists(eb.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', targetId).where('blocked_id', '=', viewerId)).as('blocked_by'),
    ])
    .executeTakeFirstOrThrow();
  return {
    following: truthy(row.following),
    followedBy: truthy(row.followed_by),
    blocking: truthy(row.blocking),
    blockedBy: truthy(row.blocked_by),
  };
}

/** How viewer and target relate, for profile headers and visibility checks. */
export async function relationship(db: Executor, viewerId: string, targetId: string) {
  const { following, followedBy, blocking } = await relationshipBothWays(db, viewerId, targetId);
  return { following, followedBy, blocking };
}

/** Of the given authors, those who follow the viewer and whom the viewer follows (mutuals). */
export async function mutualsAmong(db: Executor, viewerId: string, authorIds: string[]): Promise<Set<string>> {
  if (authorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('follows as a')
    .innerJoin('follows as b', (j) => j.onRef('b.follower_id', '=', 'a.followee_id').onRef('b.followee_id', '=', 'a.follower_id'))
    .select('a.followee_id as id')
    .where('a.follower_id', '=', viewerId)
    .where('a.followee_id', 'in', authorIds)
    .execute();
  return new Set(rows.map((r) => r.id));
}
