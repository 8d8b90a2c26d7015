import type { Executor } from '../../db/database.js';
import type { MediaTable } from '../../db/schema/index.js';

export async function insertMedia(db: Executor, row: MediaTable): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function findMediaById(db: Executor, id: string): Promise<MediaTable | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Media rows by id, in one query (callers hydrate many at once). */
export async function findMediaByIds(db: Executor, ids: readonly string[]): Promise<MediaTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media').selectAll().where('id', 'in', [...ids]).execute();
}

/**
 * Deletes those of `ids` that no note and no profile uses, and returns the deleted rows (for their
 * blob keys). The "unused" test is part of the DELETE itself, so a concurrent attach cannot slip
 * between a check and the delete.
 */
export async function deleteUnusedMediaRows(
  db: Executor,
  ids: readonly string[],
  ownerId?: string,
): Promise<Array<Pick<MediaTable, 'id' | 'variants'>>> {
  if (ids.length === 0) return [];
  let query = db
    .deleteFrom('media')
    .where('id', 'in', [...ids])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('note_media').select('note_media.media_id').whereRef('note_media.media_id', '=', 'media.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('users').select('users.id').whereRef('users.avatar_media_id', '=', 'media.id'))),
    );
  if (ownerId !== undefined) query = query.where('owner_id', '=', ownerId);
  return query.returning(['id', 'variants']).execute();
}
