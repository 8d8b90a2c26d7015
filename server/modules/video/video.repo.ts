import type { Executor } from '../../db/database.js';
import type { VideoCaptionsTable, VideosTable, VideoState } from '../../db/schema/index.js';

export async function insertVideo(db: Executor, row: VideosTable): Promise<void> {
  await db.insertInto('videos').values(row).execute();
}

export async function findVideo(db: Executor, id: string): Promise<VideosTable | undefined> {
  return db.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVideoOfNote(db: Executor, noteId: string): Promise<VideosTable | undefined> {
  return db.selectFrom('videos').selectAll().where('note_id', '=', noteId).executeTakeFirst();
}

/** Videos of many notes in one query (cards and note pages hydrate in batches). */
export async function videosOfNotes(db: Executor, noteIds: readonly string[]): Promise<VideosTable[]> {
  if (noteIds.length === 0) return [];
  return db.selectFrom('videos').selectAll().where('note_id', 'in', [...noteIds]).execute();
}

/** The author's videos not (yet) part of a note, newest first: uploads to resume or post. */
export async function unattachedVideos(db: Executor, ownerId: string, limit: number): Promise<VideosTable[]> {
  return db
    .selectFrom('videos')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('note_id', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Moves a video from one state to another; false when it was not in `from` any more (deleted, or
 * another attempt got there first), so a stale job never overwrites a newer outcome.
 */
export async function transition(
  db: Executor,
  id: string,
  from: readonly VideoState[],
  set: Partial<Omit<VideosTable, 'id' | 'owner_id' | 'created_at'>>,
): Promise<boolean> {
  const r = await db.updateTable('videos').set(set).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setProgress(db: Executor, id: string, progress: number, now: number): Promise<void> {
  await db.updateTable('videos').set({ progress, updated_at: now }).where('id', '=', id).where('state', '=', 'processing').execute();
}

/** Attaches a ready video to a note; false when it is not the owner's, not ready, or already taken. */
export async function attachToNote(db: Executor, id: string, ownerId: string, noteId: string): Promise<boolean> {
  const r = await db
    .updateTable('videos')
    .set({ note_id: noteId })
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .where('state', '=', 'ready')
    .where('note_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a video and returns what its files were (row and captions), or undefined when it was gone. */
export async function deleteVideoReturning(db: Executor, id: string) {
  const captions = await db.selectFrom('video_captions').select('key').where('video_id', '=', id).execute();
  const row = await db.deleteFrom('videos').where('id', '=', id).returningAll().executeTakeFirst();
  return row ? { row, captionKeys: captions.map((c) => c.key) } : undefined;
}

export async function captionsOf(db: Executor, videoIds: readonly string[]): Promise<VideoCaptionsTable[]> {
  if (videoIds.length === 0) return [];
  return db.selectFrom('video_captions').selectAll().where('video_id', 'in', [...videoIds]).orderBy('lang').execute();
}

export async function findCaption(db: Executor, videoId: string, lang: string): Promise<VideoCaptionsTable | undefined> {
  return db.selectFrom('video_captions').selectAll().where('video_id', '=', videoId).where('lang', '=', lang).executeTakeFirst();
}

/** Adds or replaces a track; returns the replaced track's key (its file is deleted after commit). */
export async function upsertCaption(db: Executor, row: VideoCaptionsTable): Promise<string | null> {
  const old = await findCaption(db, row.video_id, row.lang);
  if (old) {
    await db.updateTable('video_captions').set({ key: row.key, bytes: row.bytes, created_at: row.created_at }).where('video_id', '=', row.video_id).where('lang', '=', row.lang).execute();
    return old.key;
  }
  await db.insertInto('video_captions').values(row).execute();
  return null;
}

export async function deleteCaption(db: Executor, videoId: string, lang: string): Promise<string | null> {
  const row = await db.deleteFrom('video_captions').where('video_id', '=', videoId).where('lang', '=', lang).returning('key').executeTakeFirst();
  return row?.key ?? null;
}

export async function captionCount(db: Executor, videoId: string): Promise<number> {
  const r = await db.selectFrom('video_captions').select((eb) => eb.fn.countAll<number>().as('n')).where('video_id', '=', videoId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Forgets uploads started before `before` and never finished (tus expires their partial files by the same age). */
export async function deleteStaleUploads(db: Executor, before: number): Promise<number> {
  const r = await db.deleteFrom('videos').where('state', '=', 'uploading').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
