import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';

type NotesEb = ExpressionBuilder<DB, 'notes'>;

/**
 * The rule of notes.policy canViewNote as SQL over `notes`, so pages of collected or liked notes are
 * filtered inside the database (no short pages, no per-note checks): the author sees everything; no
 * one sees across a block; public to all, mutuals-only to mutual followers.
 */
export function noteVisibleTo(eb: NotesEb, viewerId: string | null) {
  if (!viewerId) return eb('notes.visibility', '=', 'public');
  const blocked = eb
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', viewerId)
    .union(eb.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', viewerId));
  const mutuals = eb
    .selectFrom('follows as a')
    .innerJoin('follows as b', (j) => j.onRef('b.follower_id', '=', 'a.followee_id').onRef('b.followee_id', '=', 'a.follower_id'))
    .select('a.followee_id')
    .where('a.follower_id', '=', viewerId);
  return eb.or([
    eb('notes.author_id', '=', viewerId),
    eb.and([
      eb('notes.author_id', 'not in', blocked),
      eb.or([
        eb('notes.visibility', '=', 'public'),
        eb.and([eb('notes.visibility', '=', 'mutuals'), eb('notes.author_id', 'in', mutuals)]),
      ]),
    ]),
  ]);
}

export interface PageRow {
  note_id: string;
  created_at: number;
}

/**
 * Notes someone collected (all of them, or one board's), newest collect first, that the viewer may
 * see. Others never see what sits in a private board. Index: collects_user / collects_board.
 */
export async function collectRows(
  db: Executor,
  scope: { userId: string } | { boardId: string },
  viewerId: string | null,
  after: [number, string] | null,
  limit: number,
): Promise<PageRow[]> {
  let q = db
    .selectFrom('collects')
    .innerJoin('notes', 'notes.id', 'collects.note_id')
    .select(['collects.note_id', 'collects.created_at'])
    .where((eb) => noteVisibleTo(eb as unknown as NotesEb, viewerId));
  if ('boardId' in scope) {
    q = q.where('collects.board_id', '=', scope.boardId);
  } else {
    q = q.where('collects.user_id', '=', scope.userId);
    if (viewerId !== scope.userId) {
      q = q.where((eb) =>
        eb.or([
          eb('collects.board_id', 'is', null),
          eb(
            'collects.board_id',
            'in',
            eb.selectFrom('boards').select('boards.id').where('boards.owner_id', '=', scope.userId).where('boards.visibility', '=', 'public'),
          ),
        ]),
      );
    }
  }
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb(eb.refTuple('collects.created_at', 'collects.note_id'), '<', eb.tuple(at, id)),
    );
  }
  return q.orderBy('collects.created_at', 'desc').orderBy('collects.note_id', 'desc').limit(limit + 1).execute();
}

/** Notes someone liked, newest like first, that the viewer may see. Index: note_likes_user. */
export async function likeRows(
  db: Executor,
  userId: string,
  viewerId: string | null,
  after: [number, string] | null,
  limit: number,
): Promise<PageRow[]> {
  let q = db
    .selectFrom('note_likes')
    .innerJoin('notes', 'notes.id', 'note_likes.note_id')
    .select(['note_likes.note_id', 'note_likes.created_at'])
    .where('note_likes.user_id', '=', userId)
    .where((eb) => noteVisibleTo(eb as unknown as NotesEb, viewerId));
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb(eb.refTuple('note_likes.created_at', 'note_likes.note_id'), '<', eb.tuple(at, id)),
    );
  }
  return q.orderBy('note_likes.created_at', 'desc').orderBy('note_likes.note_id', 'desc').limit(limit + 1).execute();
}

/** A person's boards, newest first: all for the owner, public ones for everyone else. Index: boards_owner. */
export async function boardRows(db: Executor, ownerId: string, viewerId: string | null, after: string | null, limit: number) {
  let q = db.selectFrom('boards').selectAll().where('owner_id', '=', ownerId);
  if (viewerId !== ownerId) q = q.where('visibility', '=', 'public');
  if (after) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(limit + 1).execute();
}
