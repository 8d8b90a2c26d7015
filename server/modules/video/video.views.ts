import type { Image } from '../../../contract/common.js';
import type { UiLocale } from '../../../contract/locales.js';
import type { Video, VideoPreview } from '../../../contract/video.js';
import type { Executor } from '../../db/database.js';
import type { VideoCaptionsTable, VideoPoster, VideoRendition, VideosTable } from '../../db/schema/index.js';
import { type MessageKey, MESSAGES, t } from '../../i18n/messages.js';
import { mediaUrl } from '../media/media.views.js';
import { captionsOf, findVideo, videosOfNotes } from './video.repo.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const nullableInt = (v: number | null) => (v === null ? null : Number(v));

/** The poster frame as an Image (its id is the video's: it is not a separate upload). */
export function posterImage(row: Pick<VideosTable, 'id' | 'poster'>): Image | null {
  if (!row.poster) return null;
  const p = JSON.parse(row.poster) as VideoPoster;
  return {
    id: row.id,
    width: p.width,
    height: p.height,
    blurhash: p.blurhash,
    color: p.color,
    alt: '',
    variants: p.variants.map((v) => ({ url: mediaUrl(v.key), width: v.width, height: v.height })),
  };
}

export function renditionsOf(row: Pick<VideosTable, 'renditions'>): VideoRendition[] {
  return JSON.parse(row.renditions) as VideoRendition[];
}

/** A video row as its DTO; the failure reason in the caller's language. */
export function videoDto(row: VideosTable, captions: VideoCaptionsTable[], locale: UiLocale): Video {
  const code = row.error_code && row.error_code in MESSAGES ? (row.error_code as MessageKey) : null;
  return {
    id: row.id,
    state: row.state,
    progress: Number(row.progress),
    error: row.state === 'failed' ? { code: code ?? 'video_processing_failed', message: t(locale, code ?? 'video_processing_failed', code ? errorParams(row.error_params) : {}) } : null,
    durationMs: nullableInt(row.duration_ms),
    width: nullableInt(row.width),
    height: nullableInt(row.height),
    bytes: nullableInt(row.bytes),
    poster: posterImage(row),
    renditions: renditionsOf(row).map((r) => ({ url: mediaUrl(r.key), width: r.width, height: r.height, label: labelOf(r), bytes: r.bytes })),
    captions: captions.map((c) => ({ lang: c.lang, url: mediaUrl(c.key) })),
    createdAt: iso(row.created_at),
  };
}

function errorParams(json: string | null): Record<string, string | number> {
  return json ? (JSON.parse(json) as Record<string, string | number>) : {};
}

function labelOf(r: VideoRendition): number {
  return Math.min(r.width, r.height);
}

/** One video by id with its captions (callers check who may see it). */
export async function videoView(db: Executor, id: string, locale: UiLocale): Promise<Video | null> {
  const row = await findVideo(db, id);
  if (!row) return null;
  return videoDto(row, await captionsOf(db, [id]), locale);
}

/** Videos of notes, keyed by note id: two queries however many notes. */
export async function videosForNotes(db: Executor, noteIds: string[], locale: UiLocale): Promise<Map<string, Video>> {
  const rows = await videosOfNotes(db, noteIds);
  const captions = await captionsOf(
    db,
    rows.map((r) => r.id),
  );
  const out = new Map<string, Video>();
  for (const row of rows) out.set(row.note_id!, videoDto(row, captions.filter((c) => c.video_id === row.id), locale));
  return out;
}

/** Card previews (smallest rendition) and posters of video notes, keyed by note id. */
export async function videoPreviews(db: Executor, noteIds: string[]): Promise<Map<string, { preview: VideoPreview; poster: Image | null }>> {
  const out = new Map<string, { preview: VideoPreview; poster: Image | null }>();
  for (const row of await videosOfNotes(db, noteIds)) {
    const smallest = renditionsOf(row).at(-1);
    if (!smallest || row.state !== 'ready') continue;
    out.set(row.note_id!, { preview: { durationMs: Number(row.duration_ms ?? 0), url: mediaUrl(smallest.key) }, poster: posterImage(row) });
  }
  return out;
}
