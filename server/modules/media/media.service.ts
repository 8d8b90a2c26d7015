import type { Image } from '../../../contract/common.js';
import type { AppContext } from '../../context.js';
import type { Txn } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { MediaTable, MediaVariant } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { ImageProcessor } from './media.processing.js';
import { deleteUnusedMediaRows, findMediaById, insertMedia } from './media.repo.js';
import { imageDto } from './media.views.js';

/** Blob keys of media rows (every stored variant). */
export function blobKeysOf(rows: ReadonlyArray<Pick<MediaTable, 'variants'>>): string[] {
  return rows.flatMap((row) => (JSON.parse(row.variants) as MediaVariant[]).map((v) => v.key));
}

/**
 * Deletes the stored files of media rows that are already gone from the database. Call it from an
 * afterCommit hook (never inside the transaction: a rollback cannot bring files back).
 */
export async function deleteMediaBlobs(
  ctx: Pick<AppContext, 'blobs'>,
  rows: ReadonlyArray<Pick<MediaTable, 'variants'>>,
): Promise<void> {
  const keys = blobKeysOf(rows);
  if (keys.length) await ctx.blobs.delete(keys);
}

/**
 * Inside a transaction: deletes those of `mediaIds` that no note or profile still uses (call it after
 * deleting the note, whose note_media rows cascade away) and schedules their files for deletion after
 * commit. Returns the ids deleted.
 */
export async function deleteUnusedMedia(
  txn: Txn,
  ctx: Pick<AppContext, 'blobs'>,
  mediaIds: readonly string[],
): Promise<string[]> {
  const rows = await deleteUnusedMediaRows(txn.db, mediaIds);
  if (rows.length) txn.afterCommit(() => deleteMediaBlobs(ctx, rows));
  return rows.map((r) => r.id);
}

export class MediaService {
  private readonly processor = new ImageProcessor();

  constructor(private readonly ctx: AppContext) {}

  /** Cleans, re-encodes and stores an uploaded image for its owner; returns it as clients draw it. */
  async uploadImage(ownerId: string, bytes: Buffer): Promise<Image> {
    if (bytes.length === 0) throw new AppError(400, 'upload_missing_file', {}, 'file');
    const image = await this.processor.process(bytes);
    const id = newId();
    const variants: MediaVariant[] = image.variants.map((v) => ({
      key: `img/${id}/${v.width}.webp`,
      width: v.width,
      height: v.height,
      bytes: v.data.length,
      mime: v.mime,
    }));
    const keys = variants.map((v) => v.key);
    const row: MediaTable = {
      id,
      owner_id: ownerId,
      kind: 'image',
      width: image.width,
      height: image.height,
      blurhash: image.blurhash,
      color: image.color,
      variants: JSON.stringify(variants),
      created_at: this.ctx.clock.now(),
    };
    try {
      await Promise.all(image.variants.map((v, i) => this.ctx.blobs.put(keys[i]!, v.data, v.mime)));
      await insertMedia(this.ctx.database.db, row);
    } catch (err) {
      // No row means nobody can reach these files: remove whatever was written, then report.
      await this.ctx.blobs.delete(keys).catch((cleanupErr) => this.ctx.log.error({ err: cleanupErr }, 'media cleanup failed'));
      throw err;
    }
    return imageDto(row);
  }

  /** Deletes the viewer's own upload while nothing uses it; others' media are "not found". */
  async deleteOwn(viewerId: string, mediaId: string): Promise<void> {
    const deleted = await this.ctx.database.transaction(async (txn) => {
      const rows = await deleteUnusedMediaRows(txn.db, [mediaId], viewerId);
      if (rows.length) txn.afterCommit(() => deleteMediaBlobs(this.ctx, rows));
      return rows.length;
    });
    if (deleted) return;
    const row = await findMediaById(this.ctx.database.db, mediaId);
    if (!row || row.owner_id !== viewerId) throw notFound('media');
    throw new AppError(409, 'media_attached');
  }
}
