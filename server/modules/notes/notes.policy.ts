import type { Executor } from '../../db/database.js';
import type { NotesTable } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../errors.js';
import { isBlockedEitherWay, mutualsAmong } from '../social/relations.repo.js';

/**
 * Who may see a note: its author always; nobody across a block; for the rest, public notes to
 * everyone, mutuals-only notes to people who follow the author and are followed back, only-me notes
 * to no one else.
 */
export async function canViewNote(
  db: Executor,
  note: Pick<NotesTable, 'author_id' | 'visibility'>,
  viewerId: string | null,
): Promise<boolean> {
  if (viewerId === note.author_id) return true;
  if (viewerId && (await isBlockedEitherWay(db, viewerId, note.author_id))) return false;
  if (note.visibility === 'public') return true;
  if (note.visibility === 'mutuals' && viewerId) return (await mutualsAmong(db, viewerId, [note.author_id])).has(note.author_id);
  return false;
}

/**
 * The note if the viewer may see it; otherwise 404 — the same answer as for a note that does not
 * exist, so a private note's existence is not revealed.
 */
export async function loadVisibleNote(db: Executor, noteId: string, viewerId: string | null) {
  const note = await db.selectFrom('notes').selectAll().where('id', '=', noteId).executeTakeFirst();
  if (!note || !(await canViewNote(db, note, viewerId))) throw notFound('note');
  return note;
}

/** Only the author may edit or delete a note. Others get 404 if they cannot see it, 403 if they can. */
export async function loadOwnNote(db: Executor, noteId: string, viewerId: string) {
  const note = await loadVisibleNote(db, noteId, viewerId);
  if (note.author_id !== viewerId) {
    throw forbidden();
  }
  return note;
}
