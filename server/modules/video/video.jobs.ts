import fsp from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { VideoRendition } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { JobRow } from '../../infra/queue/claim.js';
import { ImageProcessor } from '../media/media.processing.js';
import { FencedTools } from './ffmpeg.js';
import { probeVideo } from './probe.js';
import { frameAt, transcode } from './transcode.js';
import * as repo from './video.repo.js';
import { downloadBlob, storePoster, VIDEO_JOB, VideoService, workDir } from './video.service.js';

/** Tries before a video is marked failed; a refusal (bad file) is never retried. */
const MAX_ATTEMPTS = 3;
/** Progress is written at most this often: the author polls, the database should not feel it. */
const PROGRESS_EVERY_MS = 500;

type Ctx = Pick<AppContext, 'config' | 'database' | 'blobs' | 'queue' | 'clock' | 'log'>;

/** The pieces of the pipeline a process needs once: the fenced tools and one image slot for posters. */
export function videoPipeline(ctx: Pick<AppContext, 'config'>) {
  const tools = new FencedTools(ctx.config.video);
  // One slot: posters are one image per video, and sharp must not compete with ffmpeg for cores.
  const images = new ImageProcessor(1);
  return { tools, images };
}

/** Registers the video jobs for whichever process runs the queue (the server, or `kuaan worker`). */
export function registerVideoJobs(ctx: Ctx, pipeline = videoPipeline(ctx)): void {
  ctx.queue.register<{ videoId: string }>(VIDEO_JOB, (p, job) => processVideo(ctx, pipeline, p.videoId, job), {
    maxAttempts: MAX_ATTEMPTS,
    backoffMs: ctx.config.video.retryBackoffMs,
  });
  ctx.queue.register(SWEEP_JOB, async () => {
    try {
      await repo.deleteStaleUploads(ctx.database.db, ctx.clock.now() - UPLOAD_EXPIRY_MS);
    } finally {
      // Scheduled even when this run failed: a recurring job must not end with its retries.
      await scheduleUploadSweep(ctx, ctx.clock.now() + SWEEP_EVERY_MS);
    }
  });
}

const SWEEP_JOB = 'video.sweep-uploads';
/** An upload nobody continued for this long is abandoned (tus's own files expire at the same age). */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Makes sure the recurring sweep of abandoned uploads is waiting (one, whoever schedules it). */
export function scheduleUploadSweep(ctx: Pick<AppContext, 'queue' | 'database' | 'clock'>, runAt?: number): Promise<void> {
  return ctx.queue.enqueue(ctx.database.db, SWEEP_JOB, {}, { key: 'video:sweep-uploads', runAt: runAt ?? ctx.clock.now() });
}

/** Builds the service the routes use, sharing the pipeline pieces. */
export function videoService(ctx: AppContext, pipeline = videoPipeline(ctx)): VideoService {
  return new VideoService(ctx, pipeline.tools, pipeline.images);
}

/**
 * One attempt at a video: original → probe → renditions + poster → ready. Idempotent: an attempt
 * writes its files under its own attempt number and first removes what earlier attempts left, and
 * the final state change only lands if the video is still processing (not deleted meanwhile).
 */
async function processVideo(ctx: Ctx, { tools, images }: ReturnType<typeof videoPipeline>, videoId: string, job: JobRow): Promise<void> {
  const db = ctx.database.db;
  const row = await repo.findVideo(db, videoId);
  if (!row?.source_key || (row.state !== 'queued' && row.state !== 'processing')) return;
  const attempt = Number(job.attempts);
  const now = () => ctx.clock.now();
  if (!(await repo.transition(db, videoId, ['queued', 'processing'], { state: 'processing', progress: 0, updated_at: now() }))) return;
  await ctx.blobs.delete(leftoversOf(videoId, attempt)).catch(() => undefined);

  // A 15-minute transcode outlives the queue's lease: keep it ours, and stop if it is not any more.
  const abort = new AbortController();
  const heartbeat = setInterval(() => {
    ctx.queue.extendLease(job).then((ours) => ours || abort.abort(), () => undefined);
  }, Math.max(1000, ctx.queue.leaseMs / 3));
  const dir = await workDir(ctx, videoId);
  const written: string[] = [];
  try {
    const source = path.join(dir, 'source');
    await downloadBlob(ctx.blobs, row.source_key, source);
    const probe = await probeVideo(tools, ctx.config.video, source);

    let lastWrite = 0;
    let lastPct = 0;
    const outputs = await transcode(tools, ctx.config.video, source, dir, probe, (f) => {
      const pct = Math.floor(f * 95);
      if (pct <= lastPct || Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastPct = pct;
      lastWrite = Date.now();
      repo.setProgress(db, videoId, pct, now()).catch(() => undefined);
    }, abort.signal);

    const png = await frameAt(tools, ctx.config.video, source, Math.min(1000, Math.floor(probe.durationMs / 3)));
    const poster = await storePoster(ctx.blobs, images, videoId, String(attempt), png);
    written.push(...poster.variants.map((v) => v.key));
    const renditions: VideoRendition[] = [];
    for (const [i, r] of outputs.entries()) {
      // Names by position, not size, so the leftovers of a dead attempt are a known, short list.
      const key = `vid/${videoId}/${attempt}/${i}.mp4`;
      await ctx.blobs.putFile(key, r.file, 'video/mp4');
      written.push(key);
      renditions.push({ key, width: r.width, height: r.height, bytes: r.bytes, copied: r.copy });
    }
    const done = await ctx.database.transaction(async (txn) => {
      const ok = await repo.transition(txn.db, videoId, ['processing'], {
        state: 'ready',
        progress: 100,
        source_key: null,
        duration_ms: probe.durationMs,
        width: probe.width,
        height: probe.height,
        bytes: renditions.reduce((n, r) => n + r.bytes, 0),
        renditions: JSON.stringify(renditions),
        poster: JSON.stringify(poster),
        updated_at: now(),
      });
      // The original held the uploader's metadata; once the renditions exist it has no further use.
      if (ok) txn.afterCommit(() => ctx.blobs.delete([row.source_key!]));
      return ok;
    });
    if (!done) await ctx.blobs.delete(written);
  } catch (err) {
    await ctx.blobs.delete(written).catch(() => undefined);
    // The lease was lost: another worker owns this video now, and its state is that worker's to set.
    if (abort.signal.aborted) throw err;
    await failed(ctx, videoId, row.source_key, err, attempt >= Number(job.max_attempts));
  } finally {
    clearInterval(heartbeat);
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/**
 * A refusal (the file's fault) ends processing with its reason and is not retried; anything else
 * (a killed ffmpeg, a storage hiccup) is retried by the queue until the last attempt.
 */
async function failed(ctx: Ctx, videoId: string, sourceKey: string, err: unknown, lastAttempt: boolean): Promise<void> {
  const refusal = err instanceof AppError && err.status < 500;
  if (!refusal && !lastAttempt) {
    await repo.transition(ctx.database.db, videoId, ['processing'], { state: 'queued', progress: 0, updated_at: ctx.clock.now() });
    throw err;
  }
  const code = refusal ? err.code : 'video_processing_failed';
  const params = refusal ? JSON.stringify(err.params) : null;
  await repo.transition(ctx.database.db, videoId, ['processing'], { state: 'failed', error_code: code, error_params: params, source_key: null, updated_at: ctx.clock.now() });
  await ctx.blobs.delete([sourceKey]).catch(() => undefined);
  if (!refusal) throw err;
}

/** Files earlier attempts may have written before they died (attempt numbers are the folder names). */
function leftoversOf(videoId: string, attempt: number): string[] {
  const keys: string[] = [];
  for (let a = 1; a < attempt; a++) {
    for (let i = 0; i < LIMITS.video.renditions.length; i++) keys.push(`vid/${videoId}/${a}/${i}.mp4`);
    for (let i = 0; i < LIMITS.upload.widths.length; i++) keys.push(`vid/${videoId}/${a}/poster-${i}.webp`);
  }
  return keys;
}
