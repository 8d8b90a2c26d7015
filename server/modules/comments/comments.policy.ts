import type { Executor } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import { isBlockedEitherWay } from '../social/relations.repo.js';
import { findComment } from './comments.repo.js';

/**
 * A comment the viewer may see and act on: it exists, its note is visible to them, and no block
 * stands between them and its author. Otherwise 404, as for a comment that does not exist.
 */
export async function loadVisibleComment(db: Executor, commentId: string, viewerId: string | null) {
  const comment = await findComment(db, commentId);
  if (!comment) throw notFound('comment');
  // moderation (issue 7): a held or removed comment is its author's only.
  if ((comment.moderation_state === 'held' || comment.moderation_state === 'removed') && comment.author_id !== viewerId) throw notFound('comment');
  const note = await loadVisibleNote(db, comment.note_id, viewerId);
  if (viewerId && comment.author_id !== viewerId && (await isBlockedEitherWay(db, viewerId, comment.author_id))) {
    throw notFound('comment');
  }
  return { comment, note };
}
