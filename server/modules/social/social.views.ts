import type { NoteCard } from '../../../contract/notes.js';
import type { Board, UserListItem } from '../../../contract/social.js';
import type { Executor } from '../../db/database.js';
import { decodeCursor, paginate } from '../../db/pagination.js';
import type { BoardsTable } from '../../db/schema/index.js';
import { userSummaries } from '../accounts/accounts.views.js';
import type { RegionGate } from '../moderation/region-gate.js';
import { noteCards } from '../notes/notes.views.js';
import { followPage, followStates } from './graph.repo.js';
import { boardRows, collectRows, likeRows, type PageRow } from './note-pages.repo.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** A followers or following page with each person's relation to the viewer, hydrated in three queries. */
export async function followListView(
  db: Executor,
  direction: 'followers' | 'following',
  userId: string,
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
): Promise<PageOf<UserListItem>> {
  const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  const page = paginate(await followPage(db, direction, userId, viewerId, after, limit), limit, (r) => [Number(r.created_at), r.user_id]);
  const ids = page.rows.map((r) => r.user_id);
  const [summaries, states] = await Promise.all([
    userSummaries(db, ids),
    viewerId ? followStates(db, viewerId, ids) : Promise.resolve({ following: new Set<string>(), followedBy: new Set<string>() }),
  ]);
  const items: UserListItem[] = [];
  for (const r of page.rows) {
    const user = summaries.get(r.user_id);
    if (!user) continue;
    items.push({
      user,
      viewer: { isMe: r.user_id === viewerId, following: states.following.has(r.user_id), followedBy: states.followedBy.has(r.user_id) },
      since: iso(r.created_at),
    });
  }
  return { items, nextCursor: page.nextCursor };
}

/** Boards as DTOs, owners hydrated in one query. */
export async function boardDtos(db: Executor, rows: BoardsTable[], viewerId: string | null): Promise<Board[]> {
  const owners = await userSummaries(
    db,
    rows.map((r) => r.owner_id),
  );
  return rows.flatMap((r) => {
    const owner = owners.get(r.owner_id);
    if (!owner) return [];
    return [
      {
        id: r.id,
        name: r.name,
        visibility: r.visibility,
        collectCount: Number(r.collect_count),
        owner,
        isMine: r.owner_id === viewerId,
        createdAt: iso(r.created_at),
      },
    ];
  });
}

export async function boardView(db: Executor, board: BoardsTable, viewerId: string | null): Promise<Board> {
  return (await boardDtos(db, [board], viewerId))[0]!;
}

/** A person's boards as the viewer may see them (private ones only for the owner). */
export async function boardsPageView(
  db: Executor,
  ownerId: string,
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
): Promise<PageOf<Board>> {
  const after = decodeCursor<[string]>(cursor, ['string']);
  const page = paginate(await boardRows(db, ownerId, viewerId, after?.[0] ?? null, limit), limit, (r) => [r.id]);
  return { items: await boardDtos(db, page.rows, viewerId), nextCursor: page.nextCursor };
}

async function cardsPage(db: Executor, rows: PageRow[], limit: number, viewerId: string | null, gate: RegionGate | null): Promise<PageOf<NoteCard>> {
  const page = paginate(rows, limit, (r) => [Number(r.created_at), r.note_id]);
  return { items: await noteCards(db, page.rows.map((r) => r.note_id), viewerId, gate), nextCursor: page.nextCursor };
}

/** Notes a person collected (or those in one board), as cards the viewer may see. */
export async function collectsPageView(
  db: Executor,
  scope: { userId: string } | { boardId: string },
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
  gate: RegionGate | null = null,
): Promise<PageOf<NoteCard>> {
  const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  return cardsPage(db, await collectRows(db, scope, viewerId, after, limit), limit, viewerId, gate);
}

/** Notes a person liked, as cards the viewer may see. */
export async function likesPageView(
  db: Executor,
  userId: string,
  viewerId: string | null,
  cursor: string | undefined,
  limit: number,
  gate: RegionGate | null = null,
): Promise<PageOf<NoteCard>> {
  const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  return cardsPage(db, await likeRows(db, userId, viewerId, after, limit), limit, viewerId, gate);
}
