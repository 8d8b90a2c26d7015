import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB, NotesTable } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../errors.js';
import { isBlockedEitherWay, mutualsAmong } from '../social/relations.repo.js';

// moderation (issue 7): a note held for review or removed is seen by its author only.
const hiddenByModeration = (note: { moderation_state?: string | null | undefined }) =>
  note.moderation_state === 'held' || note.moderation_state === 'removed';

/**
 * Who may see a note: its author always; nobody across a block; for the rest, public notes to
 * everyone, mutuals-only notes to people who follow the author and are followed back, only-me notes
 * to no one else.
 */
export async function canViewNote(
  db: Executor,
  note: Pick<NotesTable, 'author_id' | 'visibility' | 'moderation_state'>,
  viewerId: string | null,
): Promise<boolean> {
  if (viewerId === note.author_id) return true;
  if (hiddenByModeration(note)) return false;
  if (viewerId && (await isBlockedEitherWay(db, viewerId, note.author_id))) return false;
  if (note.visibility === 'public') return true;
  if (note.visibility === 'mutuals' && viewerId) return (await mutualsAmong(db, viewerId, [note.author_id])).has(note.author_id);
  return false;
}

/** What canViewNote needs to know about viewer and author, fetched with the note in the same statement. */
export interface NoteAccess {
  /** A block stands between viewer and author, either way. */
  blocked: unknown;
  /** The viewer follows the author. */
  follows_author: unknown;
  /** The author follows the viewer. */
  followed_by_author: unknown;
}

/**
 * canViewNote as EXISTS columns beside the note's own: one statement instead of three. A missing
 * viewer compares with '' (no user has that id), so every column is false.
 */
function accessColumns(eb: ExpressionBuilder<DB, 'notes'>, viewerId: string | null) {
  const v = viewerId ?? '';
  return [
    eb
      .exists(
        eb
          .selectFrom('blocks')
          .select('blocks.blocker_id')
          .where((b) =>
            b.or([
              b.and([b('blocks.blocker_id', '=', v), b('blocks.blocked_id', '=', b.ref('notes.author_id'))]),
              b.and([b('blocks.blocker_id', '=', b.ref('notes.author_id')), b('blocks.blocked_id', '=', v)]),
            ]),
          ),
      )
      .as('blocked'),
    eb
      .exists(eb.selectFrom('follows').select('follows.follower_id').where('follows.follower_id', '=', v).whereRef('follows.followee_id', '=', 'notes.author_id'))
      .as('follows_author'),
    eb
      .exists(eb.selectFrom('follows').select('follows.follower_id').whereRef('follows.follower_id', '=', 'notes.author_id').where('follows.followee_id', '=', v))
      .as('followed_by_author'),
  ] as const;
}

/** canViewNote over a row that carries its NoteAccess columns: no further queries. */
export function mayView(note: Pick<NotesTable, 'author_id' | 'visibility' | 'moderation_state'> & NoteAccess, viewerId: string | null): boolean {
  if (viewerId === note.author_id) return true;
  if (hiddenByModeration(note)) return false;
  if (!viewerId) return note.visibility === 'public';
  if (truthy(note.blocked)) return false;
  if (note.visibility === 'public') return true;
  return note.visibility === 'mutuals' && truthy(note.follows_author) && truthy(note.followed_by_author);
}

// SQLite answers EXISTS with 0/1, PostgreSQL with booleans.
const truthy = (v: unknown) => v === true || Number(v) === 1;

/**
 * The note if the viewer may see it; otherwise 404 — the same answer as for a note that does not
 * exist, so a private note's existence is not revealed. One statement: the note with its access columns.
 */
export async function loadVisibleNote(db: Executor, noteId: string, viewerId: string | null) {
  const row = await db
    .selectFrom('notes')
    .selectAll('notes')
    .select((eb) => accessColumns(eb, viewerId))
    .where('notes.id', '=', noteId)
    .executeTakeFirst();
  if (!row || !mayView(row, viewerId)) throw notFound('note');
  const { blocked: _b, follows_author: _f, followed_by_author: _fb, ...note } = row;
  return note;
}

/**
 * The few columns a write on a note needs (author, visibility, creation time), if the viewer may see
 * it; otherwise 404. For likes, collects and comments, which never need the note's text.
 */
export async function loadNoteForAction(db: Executor, noteId: string, viewerId: string | null) {
  const row = await db
    .selectFrom('notes')
    .select(['notes.id', 'notes.author_id', 'notes.visibility', 'notes.moderation_state'])
    .select((eb) => accessColumns(eb, viewerId))
    .where('notes.id', '=', noteId)
    .executeTakeFirst();
  if (!row || !mayView(row, viewerId)) throw notFound('note');
  return { id: row.id, author_id: row.author_id, visibility: row.visibility };
}

/** Only the author may edit or delete a note. Others get 404 if they cannot see it, 403 if they can. */
export async function loadOwnNote(db: Executor, noteId: string, viewerId: string) {
  const note = await loadVisibleNote(db, noteId, viewerId);
  if (note.author_id !== viewerId) {
    throw forbidden();
  }
  return note;
}
