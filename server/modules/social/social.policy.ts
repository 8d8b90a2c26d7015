import type { Executor } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { findUserByHandle } from '../accounts/accounts.repo.js';

/**
 * The person whose lists (followers, boards, collects, likes) the viewer wants to open. Someone who
 * blocked the viewer is not there for them (404, as if absent); someone the viewer blocks answers
 * 'blocked' so the client can offer to unblock.
 */
export async function loadListOwner(db: Executor, viewerId: string | null, handle: string) {
  const user = await findUserByHandle(db, handle);
  if (!user) throw notFound('user');
  if (!viewerId || viewerId === user.id) return user;
  const rows = await db
    .selectFrom('blocks')
    .select(['blocker_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', viewerId), eb('blocked_id', '=', user.id)]),
        eb.and([eb('blocker_id', '=', user.id), eb('blocked_id', '=', viewerId)]),
      ]),
    )
    .execute();
  if (rows.some((r) => r.blocker_id === user.id)) throw notFound('user');
  if (rows.length > 0) throw new AppError(403, 'blocked');
  return user;
}

/** A board the viewer may open: the owner's own, or a public one of someone not across a block. */
export async function loadVisibleBoard(db: Executor, boardId: string, viewerId: string | null) {
  const board = await db.selectFrom('boards').selectAll().where('id', '=', boardId).executeTakeFirst();
  if (!board) throw notFound('board');
  if (board.owner_id === viewerId) return board;
  if (board.visibility !== 'public') throw notFound('board');
  if (viewerId) {
    const blocked = await db
      .selectFrom('blocks')
      .select('blocker_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('blocker_id', '=', viewerId), eb('blocked_id', '=', board.owner_id)]),
          eb.and([eb('blocker_id', '=', board.owner_id), eb('blocked_id', '=', viewerId)]),
        ]),
      )
      .executeTakeFirst();
    if (blocked) throw notFound('board');
  }
  return board;
}

/** A board only its owner may change: 404 to those who cannot see it, 403 to those who can. */
export async function loadOwnBoard(db: Executor, boardId: string, viewerId: string) {
  const board = await loadVisibleBoard(db, boardId, viewerId);
  if (board.owner_id !== viewerId) throw forbidden();
  return board;
}
