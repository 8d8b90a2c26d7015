import type { Notification } from '../../../contract/notifications.js';
import type { Executor } from '../../db/database.js';
import { decodeCursor, paginate } from '../../db/pagination.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { imageDto } from '../media/media.views.js';
import { blockedEitherWay, mutualsAmong } from '../social/relations.repo.js';
import { commentBodies, notesWithCovers, notificationRows } from './notifications.repo.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const EXCERPT_CHARS = 60;

function excerpt(body: string): string {
  const points = [...body];
  return points.length <= EXCERPT_CHARS ? body : `${points.slice(0, EXCERPT_CHARS).join('')}…`;
}

/**
 * A page of the viewer's notifications with actors, note thumbnails and comment excerpts, hydrated
 * in a fixed number of queries. A note the viewer can no longer see shows as null, not its title.
 */
export async function notificationsView(
  db: Executor,
  viewerId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const after = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  const page = paginate(await notificationRows(db, viewerId, after ?? null, limit), limit, (r) => [Number(r.created_at), r.id]);
  const noteIds = [...new Set(page.rows.flatMap((r) => (r.note_id ? [r.note_id] : [])))];
  const commentIds = [...new Set(page.rows.flatMap((r) => (r.comment_id ? [r.comment_id] : [])))];
  const [actors, notes, comments, blocked] = await Promise.all([
    userSummaries(
      db,
      page.rows.map((r) => r.actor_id),
    ),
    notesWithCovers(db, noteIds),
    commentBodies(db, commentIds),
    blockedEitherWay(db, viewerId),
  ]);
  const blockedSet = new Set(blocked);
  const mutuals = await mutualsAmong(
    db,
    viewerId,
    notes.filter((n) => n.visibility === 'mutuals').map((n) => n.author_id),
  );
  const visible = (n: (typeof notes)[number]) =>
    n.author_id === viewerId ||
    (!blockedSet.has(n.author_id) && (n.visibility === 'public' || (n.visibility === 'mutuals' && mutuals.has(n.author_id))));
  const noteById = new Map(notes.filter(visible).map((n) => [n.id, n]));
  const commentById = new Map(comments.map((c) => [c.id, c.body]));

  const items: Notification[] = [];
  for (const r of page.rows) {
    const actor = actors.get(r.actor_id);
    if (!actor) continue;
    const n = r.note_id ? noteById.get(r.note_id) : undefined;
    const body = r.comment_id ? commentById.get(r.comment_id) : undefined;
    items.push({
      id: r.id,
      kind: r.kind,
      actor,
      actorCount: Number(r.actor_count),
      note: n
        ? {
            id: n.id,
            title: n.title,
            cover:
              n.media_id && n.variants
                ? imageDto(
                    { id: n.media_id, width: n.width!, height: n.height!, blurhash: n.blurhash!, color: n.color!, variants: n.variants },
                    n.alt_text ?? '',
                  )
                : null,
          }
        : null,
      comment: r.comment_id && body !== undefined && n ? { id: r.comment_id, excerpt: excerpt(body) } : null,
      read: r.read_at !== null,
      createdAt: iso(r.created_at),
    });
  }
  return { items, nextCursor: page.nextCursor };
}
