import type { RelationState } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { findUserByHandle } from '../accounts/accounts.repo.js';
import * as graph from './graph.repo.js';
import { relationship } from './relations.repo.js';

/**
 * Locks both people's rows in id order before a follow or block changes anything between them, so a
 * follow and a block of the same pair run one after the other and a follow can never slip in across a
 * block (PostgreSQL; SQLite already runs one write transaction at a time).
 */
async function lockPair(db: Executor, a: string, b: string): Promise<void> {
  for (const id of [a, b].sort()) {
    await db
      .updateTable('users')
      .set((eb) => ({ follower_count: eb.ref('follower_count') }))
      .where('id', '=', id)
      .execute();
  }
}

export class GraphService {
  constructor(private readonly ctx: AppContext) {}

  /** The person behind a handle as the viewer may act on them: 404 if missing or if they blocked the viewer. */
  private async target(viewerId: string, handle: string) {
    const user = await findUserByHandle(this.ctx.database.db, handle);
    if (!user) throw notFound('user');
    if (user.id === viewerId) return { user, rel: { following: false, followedBy: false, blocking: false }, blockedBy: false };
    const db = this.ctx.database.db;
    const [rel, theirs] = await Promise.all([
      relationship(db, viewerId, user.id),
      db.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', user.id).where('blocked_id', '=', viewerId).executeTakeFirst(),
    ]);
    return { user, rel, blockedBy: theirs !== undefined };
  }

  private async state(viewerId: string, targetId: string): Promise<RelationState> {
    const db = this.ctx.database.db;
    const [rel, followerCount] = await Promise.all([relationship(db, viewerId, targetId), graph.followerCount(db, targetId)]);
    return { following: rel.following, blocking: rel.blocking, followerCount };
  }

  /** Follows a person; repeating it changes nothing. Refused across a block in either direction. */
  async follow(viewerId: string, handle: string): Promise<RelationState> {
    const { user, blockedBy } = await this.target(viewerId, handle);
    if (user.id === viewerId) throw badRequest('self_follow', {}, 'handle');
    if (blockedBy) throw notFound('user');
    const now = this.ctx.clock.now();
    await this.ctx.database.transaction(async (txn) => {
      await lockPair(txn.db, viewerId, user.id);
      const blocked = await txn.db
        .selectFrom('blocks')
        .select('blocker_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('blocker_id', '=', viewerId), eb('blocked_id', '=', user.id)]),
            eb.and([eb('blocker_id', '=', user.id), eb('blocked_id', '=', viewerId)]),
          ]),
        )
        .executeTakeFirst();
      if (blocked) throw blocked.blocker_id === viewerId ? forbidden('blocked') : notFound('user');
      if (await graph.insertFollow(txn.db, viewerId, user.id, now)) {
        await graph.bumpFollowCounts(txn.db, [
          { userId: viewerId, followers: 0, following: 1 },
          { userId: user.id, followers: 1, following: 0 },
        ]);
        txn.afterCommit(() => this.ctx.events.emit('user.followed', { followerId: viewerId, followeeId: user.id }));
      }
    });
    return this.state(viewerId, user.id);
  }

  /** Stops following; a no-op when not following. */
  async unfollow(viewerId: string, handle: string): Promise<RelationState> {
    const { user, blockedBy } = await this.target(viewerId, handle);
    if (user.id === viewerId) throw badRequest('self_follow', {}, 'handle');
    if (blockedBy) throw notFound('user');
    await this.ctx.database.transaction(async (txn) => {
      await lockPair(txn.db, viewerId, user.id);
      if (await graph.deleteFollow(txn.db, viewerId, user.id)) {
        await graph.bumpFollowCounts(txn.db, [
          { userId: viewerId, followers: 0, following: -1 },
          { userId: user.id, followers: -1, following: 0 },
        ]);
      }
    });
    return this.state(viewerId, user.id);
  }

  /** Blocks a person: follows both ways end (counters follow) and each disappears from the other. */
  async block(viewerId: string, handle: string): Promise<RelationState> {
    const { user } = await this.target(viewerId, handle);
    if (user.id === viewerId) throw badRequest('self_block', {}, 'handle');
    const now = this.ctx.clock.now();
    await this.ctx.database.transaction(async (txn) => {
      await lockPair(txn.db, viewerId, user.id);
      await graph.insertBlock(txn.db, viewerId, user.id, now);
      const iFollowed = await graph.deleteFollow(txn.db, viewerId, user.id);
      const theyFollowed = await graph.deleteFollow(txn.db, user.id, viewerId);
      await graph.bumpFollowCounts(txn.db, [
        { userId: viewerId, followers: theyFollowed ? -1 : 0, following: iFollowed ? -1 : 0 },
        { userId: user.id, followers: iFollowed ? -1 : 0, following: theyFollowed ? -1 : 0 },
      ]);
    });
    return this.state(viewerId, user.id);
  }

  /** Lifts the viewer's block; follows that the block ended are not restored. */
  async unblock(viewerId: string, handle: string): Promise<RelationState> {
    const { user, rel, blockedBy } = await this.target(viewerId, handle);
    if (user.id === viewerId) throw badRequest('self_block', {}, 'handle');
    // Someone who blocked the viewer stays absent, even through this door.
    if (blockedBy && !rel.blocking) throw notFound('user');
    await graph.deleteBlock(this.ctx.database.db, viewerId, user.id);
    return this.state(viewerId, user.id);
  }
}
