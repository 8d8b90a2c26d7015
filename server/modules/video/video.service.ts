import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../context.js';
import type { Executor, Txn } from '../../db/database.js';
import type { VideoPoster, VideosTable } from '../../db/schema/index.js';
import { AppError, conflict, notFound } from '../../errors.js';
import type { BlobStore } from '../../infra/blobs/blob-store.js';
import type { ImageProcessor } from '../media/media.processing.js';
import type { FencedTools } from './ffmpeg.js';
import { frameAt } from './transcode.js';
import * as repo from './video.repo.js';
import { renditionsOf } from './video.views.js';

export const VIDEO_JOB = 'video.process';

/** Every stored file of a video: renditions, poster variants, the original if still kept, captions. */
export function videoBlobKeys(row: Pick<VideosTable, 'renditions' | 'poster' | 'source_key'>, captionKeys: string[] = []): string[] {
  const keys = renditionsOf(row).map((r) => r.key);
  if (row.poster) keys.push(...(JSON.parse(row.poster) as VideoPoster).variants.map((v) => v.key));
  if (row.source_key) keys.push(row.source_key);
  return [...keys, ...captionKeys];
}

/** Where an upload's original waits for processing: a random name no URL can guess. Never served. */
export function sourceKeyFor(videoId: string): string {
  return `vid/${videoId}/src-${randomBytes(16).toString('hex')}`;
}

/** A private working folder beside the media store, so finished files move into it with a rename. */
export async function workDir(ctx: Pick<AppContext, 'config'>, videoId: string): Promise<string> {
  const root = path.join(ctx.config.dataDir, 'tmp');
  await fsp.mkdir(root, { recursive: true });
  return fsp.mkdtemp(path.join(root, `video-${videoId}-`));
}

/** Copies a blob to a local file (ffmpeg needs a seekable file, not a stream). */
export async function downloadBlob(blobs: BlobStore, key: string, file: string): Promise<void> {
  const obj = await blobs.get(key);
  if (!obj) throw new Error(`blob ${key} is missing`);
  await pipeline(obj.body, fs.createWriteStream(file));
}

/**
 * Inside a note's deletion transaction: deletes its video row (captions cascade) and schedules every
 * file of it for deletion after commit.
 */
export async function deleteVideoOfNote(txn: Txn, ctx: Pick<AppContext, 'blobs' | 'log'>, noteId: string): Promise<void> {
  const row = await repo.findVideoOfNote(txn.db, noteId);
  if (!row) return;
  const gone = await repo.deleteVideoReturning(txn.db, row.id);
  if (gone) txn.afterCommit(() => deleteBlobsQuietly(ctx, videoBlobKeys(gone.row, gone.captionKeys)));
}

/** Inside a note's creation transaction: the author's ready, unattached video becomes the note's. */
export async function attachVideo(db: Executor, authorId: string, videoId: string, noteId: string): Promise<void> {
  if (await repo.attachToNote(db, videoId, authorId, noteId)) return;
  const row = await repo.findVideo(db, videoId);
  if (!row || row.owner_id !== authorId) throw new AppError(400, 'not_found', { what: 'video' }, 'video.id');
  if (row.note_id) throw conflict('video_in_use', {}, 'video.id');
  throw conflict('video_not_ready', { state: row.state }, 'video.id');
}

async function deleteBlobsQuietly(ctx: Pick<AppContext, 'blobs' | 'log'>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await ctx.blobs.delete(keys).catch((err) => ctx.log.error({ err, keys: keys.length }, 'video blob cleanup failed'));
}

export class VideoService {
  constructor(
    private readonly ctx: AppContext,
    private readonly tools: FencedTools,
    private readonly images: ImageProcessor,
  ) {}

  /** Records a new upload (called when tus creates it), so its owner and size are known from the start. */
  async uploadCreated(ownerId: string, videoId: string, bytes: number): Promise<void> {
    const now = this.ctx.clock.now();
    await repo.insertVideo(this.ctx.database.db, {
      id: videoId,
      owner_id: ownerId,
      note_id: null,
      state: 'uploading',
      progress: 0,
      error_code: null,
      error_params: null,
      source_key: null,
      source_bytes: bytes,
      duration_ms: null,
      width: null,
      height: null,
      bytes: null,
      renditions: '[]',
      poster: null,
      created_at: now,
      updated_at: now,
    });
  }

  /** The upload's owner, or null: tus requests on someone else's upload get 404 before tus sees them. */
  async uploadOwner(videoId: string): Promise<string | null> {
    const row = await repo.findVideo(this.ctx.database.db, videoId);
    return row?.state === 'uploading' ? row.owner_id : null;
  }

  /** Moves a finished upload into the blob store and queues its processing, in one transaction. */
  async uploadFinished(videoId: string, file: string): Promise<void> {
    const key = sourceKeyFor(videoId);
    await this.ctx.blobs.putFile(key, file, 'application/octet-stream');
    const moved = await this.ctx.database.transaction(async ({ db }) => {
      const ok = await repo.transition(db, videoId, ['uploading'], { state: 'queued', source_key: key, updated_at: this.ctx.clock.now() });
      if (ok) await this.ctx.queue.enqueue(db, VIDEO_JOB, { videoId }, { key: `video:${videoId}` });
      return ok;
    });
    // Deleted while the last bytes arrived: nobody will ever process this file.
    if (!moved) await deleteBlobsQuietly(this.ctx, [key]);
  }

  /** The owner's video or 404 (others' videos are not revealed). */
  async own(ownerId: string, videoId: string): Promise<VideosTable> {
    const row = await repo.findVideo(this.ctx.database.db, videoId);
    if (!row || row.owner_id !== ownerId) throw notFound('video');
    return row;
  }

  /** Deletes the owner's video that no note uses yet, with every file; a posted video goes with its note. */
  async deleteOwn(ownerId: string, videoId: string): Promise<void> {
    const row = await this.own(ownerId, videoId);
    if (row.note_id) throw conflict('video_in_use');
    const gone = await this.ctx.database.transaction(async (txn) => {
      const g = await repo.deleteVideoReturning(txn.db, videoId);
      if (g) txn.afterCommit(() => deleteBlobsQuietly(this.ctx, videoBlobKeys(g.row, g.captionKeys)));
      return g;
    });
    if (!gone) throw notFound('video');
  }

  /** Makes the frame at `atMs` the poster (the cover of the note), replacing the old poster files. */
  async chooseFrame(ownerId: string, videoId: string, atMs: number): Promise<void> {
    const row = await this.own(ownerId, videoId);
    if (row.state !== 'ready') throw conflict('video_not_ready', { state: row.state });
    const duration = Number(row.duration_ms ?? 0);
    if (atMs >= duration) throw new AppError(400, 'video_frame_out_of_range', { seconds: (duration / 1000).toFixed(1) }, 'atMs');
    // The original is gone after processing; the best rendition is a faithful enough source for a still.
    const best = renditionsOf(row)[0];
    if (!best) throw conflict('video_not_ready', { state: row.state });
    const dir = await workDir(this.ctx, videoId);
    try {
      const file = path.join(dir, 'rendition.mp4');
      await downloadBlob(this.ctx.blobs, best.key, file);
      const poster = await storePoster(this.ctx.blobs, this.images, videoId, `p${randomBytes(6).toString('hex')}`, await frameAt(this.tools, this.ctx.config.video, file, atMs));
      const replaced = await repo.transition(this.ctx.database.db, videoId, ['ready'], { poster: JSON.stringify(poster), updated_at: this.ctx.clock.now() });
      const old = row.poster ? (JSON.parse(row.poster) as VideoPoster).variants.map((v) => v.key) : [];
      await deleteBlobsQuietly(this.ctx, replaced ? old : poster.variants.map((v) => v.key));
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }
}

/** Cleans a frame through the photo pipeline (metadata gone, WebP sizes, blurhash) and stores it. */
export async function storePoster(blobs: BlobStore, images: ImageProcessor, videoId: string, generation: string, png: Buffer): Promise<VideoPoster> {
  const image = await images.process(png);
  const variants = image.variants.map((v, i) => ({
    key: `vid/${videoId}/${generation}/poster-${i}.webp`,
    width: v.width,
    height: v.height,
    bytes: v.data.length,
    mime: v.mime,
  }));
  await Promise.all(image.variants.map((v, i) => blobs.put(variants[i]!.key, v.data, v.mime)));
  return { width: image.width, height: image.height, blurhash: image.blurhash, color: image.color, variants };
}
