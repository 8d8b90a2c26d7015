import { randomBytes } from 'node:crypto';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { VideosTable } from '../../db/schema/index.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import { TranslationService } from '../translation/translation.service.js';
import { escapeCueText, parseVtt, plainCueText, serializeVtt } from './captions.js';
import * as repo from './video.repo.js';

/** Cues sent to the translator per call: one provider request each, however long the track. */
const TRANSLATE_BATCH = 100;

/** Caption tracks: the author adds and removes them; readers fetch them and ask for translations. */
export class CaptionsService {
  private readonly translation: TranslationService;

  constructor(private readonly ctx: AppContext) {
    this.translation = new TranslationService(ctx);
  }

  /** Adds or replaces the author's caption track in one language after checking it is WebVTT. */
  async put(ownerId: string, videoId: string, lang: string, body: string): Promise<void> {
    const video = await repo.findVideo(this.ctx.database.db, videoId);
    if (!video || video.owner_id !== ownerId) throw notFound('video');
    if (Buffer.byteLength(body) > LIMITS.video.captionBytes) {
      throw new AppError(413, 'caption_too_large', { limit: LIMITS.video.captionBytes / 1024 }, 'body');
    }
    const clean = serializeVtt(parseVtt(body));
    const existing = await repo.findCaption(this.ctx.database.db, videoId, lang);
    if (!existing && (await repo.captionCount(this.ctx.database.db, videoId)) >= LIMITS.video.captionsPerVideo) {
      throw conflict('captions_too_many', { limit: LIMITS.video.captionsPerVideo });
    }
    // A new key each time: served files are cached forever, so a replaced track must change its URL.
    const key = `vid/${videoId}/c${randomBytes(6).toString('hex')}/${lang}.vtt`;
    await this.ctx.blobs.put(key, Buffer.from(clean), 'text/vtt');
    try {
      const old = await this.ctx.database.transaction(({ db }) =>
        repo.upsertCaption(db, { video_id: videoId, lang, key, bytes: Buffer.byteLength(clean), created_at: this.ctx.clock.now() }),
      );
      if (old) await this.ctx.blobs.delete([old]);
    } catch (err) {
      await this.ctx.blobs.delete([key]);
      throw err;
    }
  }

  /** Removes the author's track in one language. */
  async remove(ownerId: string, videoId: string, lang: string): Promise<void> {
    const video = await repo.findVideo(this.ctx.database.db, videoId);
    if (!video || video.owner_id !== ownerId) throw notFound('video');
    const key = await repo.deleteCaption(this.ctx.database.db, videoId, lang);
    if (!key) throw notFound('caption');
    await this.ctx.blobs.delete([key]);
  }

  /**
   * A caption track translated into `target` through the translation port (cached per cue text like
   * any other translation), as WebVTT with the original timings.
   */
  async translate(viewerId: string | null, videoId: string, lang: string, target: string): Promise<string> {
    await this.visibleVideo(viewerId, videoId);
    const caption = await repo.findCaption(this.ctx.database.db, videoId, lang);
    if (!caption) throw notFound('caption');
    const blob = await this.ctx.blobs.get(caption.key);
    if (!blob) throw notFound('caption');
    const chunks: Buffer[] = [];
    for await (const c of blob.body) chunks.push(c as Buffer);
    const cues = parseVtt(Buffer.concat(chunks).toString('utf8'));
    const out = [];
    for (let i = 0; i < cues.length; i += TRANSLATE_BATCH) {
      const batch = cues.slice(i, i + TRANSLATE_BATCH);
      const results = await this.translation.translateTexts(
        batch.map((c) => ({ text: plainCueText(c.text), lang })),
        target,
      );
      out.push(...batch.map((c, j) => ({ timing: c.timing, text: escapeCueText(results[j]!.text) })));
    }
    return serializeVtt(out);
  }

  /** The video if the viewer may see it: its note's rules once posted, only its owner before. */
  async visibleVideo(viewerId: string | null, videoId: string): Promise<VideosTable> {
    const video = await repo.findVideo(this.ctx.database.db, videoId);
    if (!video) throw notFound('video');
    if (video.note_id) await loadVisibleNote(this.ctx.database.db, video.note_id, viewerId).catch(() => Promise.reject(notFound('video')));
    else if (video.owner_id !== viewerId) throw notFound('video');
    return video;
  }
}
