import type { CreateNoteBody, UpdateNoteBody } from '../../../contract/notes.js';
import { LIMITS } from '../../../contract/limits.js';
import type { Facet } from '../../../contract/facets.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import type { NotesTable } from '../../db/schema/index.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { deleteUnusedMedia } from '../media/media.service.js';
import { isHidden } from '../moderation/effects.js';
// video notes (issue 9)
import { attachVideo, deleteVideoOfNote } from '../video/video.service.js';
import { hotScore } from './hot-score.js';
import { bodyFacets, cleanAlt, cleanBody, cleanLocation, cleanTitle } from './note-text.js';
import * as repo from './notes.repo.js';
import { loadOwnNote } from './notes.policy.js';
import { hashtagIdsOfNote, releaseHashtags, upsertHashtags } from './topics.repo.js';
// moderation (issue 7)
import { assertMayPost } from '../moderation/moderation.policy.js';
import { noteFingerprint } from '../moderation/checks/simhash.js';

type ImageInput = NonNullable<CreateNoteBody['images']>;

/** Checked images: clean alt texts, no repeats. Ownership is checked against the database later. */
function cleanImages(images: ImageInput): Array<{ mediaId: string; alt: string }> {
  const seen = new Set<string>();
  return images.map((img, i) => {
    if (seen.has(img.mediaId)) throw badRequest('media_duplicate', { id: img.mediaId }, `images.${i}.mediaId`);
    seen.add(img.mediaId);
    return { mediaId: img.mediaId, alt: cleanAlt(img.alt, i) };
  });
}

function checkImageCount(count: number): void {
  if (count < LIMITS.noteImages.min || count > LIMITS.noteImages.max) {
    throw badRequest('photo_note_needs_images', { limit: LIMITS.noteImages.max }, 'images');
  }
}

/** Media must be the author's and not already part of another note. */
async function checkMedia(db: Executor, authorId: string, images: Array<{ mediaId: string }>, noteId: string | null) {
  const ids = images.map((i) => i.mediaId);
  const owned = await repo.ownedMediaIds(db, authorId, ids);
  const stranger = ids.findIndex((id) => !owned.has(id));
  if (stranger >= 0) throw badRequest('media_not_yours', { id: ids[stranger]! }, `images.${stranger}.mediaId`);
  const taken = await repo.mediaAttachedElsewhere(db, ids, noteId);
  if (taken.length) throw conflict('media_in_use', { id: taken[0]! }, 'images');
}

/**
 * A race lost inside the transaction (another note took an image, or it was deleted meanwhile) gets
 * the same precise answer the pre-checks give, by running them again now that the winner committed.
 */
async function translateWriteError(
  err: unknown,
  db: Executor,
  authorId: string,
  images: Array<{ mediaId: string }>,
  noteId: string | null,
): Promise<never> {
  if (images.length && (isUniqueViolation(err) || isForeignKeyViolation(err))) {
    await checkMedia(db, authorId, images, noteId);
    throw conflict('media_in_use', { id: images[0]?.mediaId ?? '' }, 'images');
  }
  throw err;
}

export class NotesService {
  constructor(private readonly ctx: AppContext) {}

  /** Posts a photo or text note; everything is checked first and written in one transaction. */
  async create(authorId: string, input: CreateNoteBody): Promise<string> {
    // A video note's one image is its optional uploaded cover.
    const images = cleanImages(input.type === 'video' && input.video?.coverMediaId ? [{ mediaId: input.video.coverMediaId }] : (input.images ?? []));
    if (input.type === 'photo') checkImageCount(images.length);
    else if (input.type === 'text' && images.length) throw badRequest('text_note_has_images', {}, 'images');
    if (input.type === 'video' && (!input.video || input.images?.length)) throw badRequest('video_note_needs_video', {}, 'video');
    if (input.type !== 'video' && input.video) throw badRequest('video_only_in_video_notes', {}, 'video');
    const title = cleanTitle(input.title);
    const body = cleanBody(input.body);
    if (input.type === 'text' && title === '' && body === '') throw badRequest('note_empty', {}, 'body');
    const locationLabel = cleanLocation(input.locationLabel ?? null);

    const db = this.ctx.database.db;
    await assertMayPost(db, authorId, this.ctx.clock.now());
    const text = await bodyFacets(db, authorId, body);
    await checkMedia(db, authorId, images, null);

    const now = this.ctx.clock.now();
    const row: NotesTable = {
      id: newId(),
      author_id: authorId,
      type: input.type,
      title,
      body,
      facets: JSON.stringify(text.facets),
      visibility: input.visibility ?? 'public',
      location_label: locationLabel,
      cover_media_id: images[0]?.mediaId ?? null,
      like_count: 0,
      collect_count: 0,
      comment_count: 0,
      view_count: 0,
      hot_score: hotScore(0, 0, 0, now),
      text_fingerprint: noteFingerprint(title, body),
      created_at: now,
      updated_at: now,
    };
    try {
      await this.ctx.database.transaction(async ({ db: tx, afterCommit }) => {
        await repo.insertNote(tx, row);
        if (input.type === 'video') await attachVideo(tx, authorId, input.video!.id, row.id);
        await repo.replaceNoteMedia(
          tx,
          row.id,
          images.map((img, position) => ({ note_id: row.id, media_id: img.mediaId, position, alt_text: img.alt })),
        );
        const tagIds = await upsertHashtags(tx, text.tags, now);
        await repo.linkHashtags(tx, row.id, [...tagIds.values()], now);
        await repo.replaceMentions(tx, row.id, text.mentionedUserIds);
        await repo.bumpAuthorCounts(tx, authorId, 1);
        afterCommit(() =>
          this.ctx.events.emit('note.created', { noteId: row.id, authorId, mentionedUserIds: text.mentionedUserIds }),
        );
      });
    } catch (err) {
      await translateWriteError(err, db, authorId, images, null);
    }
    return row.id;
  }

  /** Edits the author's own note; images are replaced as a whole list (order, alt texts, swaps). */
  async update(authorId: string, noteId: string, patch: UpdateNoteBody): Promise<void> {
    const db = this.ctx.database.db;
    const note = await loadOwnNote(db, noteId, authorId);
    await assertMayPost(db, authorId, this.ctx.clock.now());
    if (patch.type !== undefined && patch.type !== note.type) throw badRequest('note_type_unchangeable', {}, 'type');
    if (note.type !== 'photo' && patch.images?.length) throw badRequest('note_type_unchangeable', {}, 'images');
    const images = note.type === 'photo' && patch.images ? cleanImages(patch.images) : null;
    if (images) checkImageCount(images.length);
    const title = patch.title !== undefined ? cleanTitle(patch.title) : note.title;
    const body = patch.body !== undefined ? cleanBody(patch.body) : note.body;
    if (note.type === 'text' && title === '' && body === '') throw badRequest('note_empty', {}, 'body');
    const set: Parameters<typeof repo.updateNote>[2] = {
      title,
      body,
      text_fingerprint: noteFingerprint(title, body),
      updated_at: this.ctx.clock.now(),
    };
    if (patch.visibility !== undefined) set.visibility = patch.visibility;
    if (patch.locationLabel !== undefined) set.location_label = cleanLocation(patch.locationLabel);

    const text = patch.body !== undefined ? await bodyFacets(db, authorId, body) : null;
    if (text) set.facets = JSON.stringify(text.facets satisfies Facet[]);
    if (images) {
      await checkMedia(db, authorId, images, noteId);
      set.cover_media_id = images[0]!.mediaId;
    }

    let newlyMentioned: string[] = [];
    try {
      await this.ctx.database.transaction(async (txn) => {
        const tx = txn.db;
        await repo.updateNote(tx, noteId, set);
        if (text) {
          const before = await hashtagIdsOfNote(tx, noteId);
          const wanted = new Set(text.tags.map((t) => t.toLowerCase()));
          const gone = before.filter((h) => !wanted.has(h.name_lower));
          await repo.unlinkHashtags(tx, noteId, gone.map((h) => h.id));
          await releaseHashtags(tx, gone.map((h) => h.id));
          const had = new Set(before.map((h) => h.name_lower));
          const added = await upsertHashtags(tx, text.tags.filter((t) => !had.has(t.toLowerCase())), note.created_at);
          await repo.linkHashtags(tx, noteId, [...added.values()], note.created_at);

          const previous = new Set(await repo.mentionedUserIds(tx, noteId));
          newlyMentioned = text.mentionedUserIds.filter((id) => !previous.has(id));
          await repo.replaceMentions(tx, noteId, text.mentionedUserIds);
        }
        if (images) {
          const kept = new Set(images.map((i) => i.mediaId));
          const dropped = (await repo.noteMediaIds(tx, noteId)).filter((id) => !kept.has(id));
          await repo.replaceNoteMedia(
            tx,
            noteId,
            images.map((img, position) => ({ note_id: noteId, media_id: img.mediaId, position, alt_text: img.alt })),
          );
          // Images taken out of the note go with their files, as on delete.
          await deleteUnusedMedia(txn, this.ctx, dropped);
        }
        txn.afterCommit(() =>
          this.ctx.events.emit('note.updated', { noteId, authorId, newlyMentionedUserIds: newlyMentioned }),
        );
      });
    } catch (err) {
      await translateWriteError(err, db, authorId, images ?? [], noteId);
    }
  }

  /** Deletes the author's note with its images (rows now, blobs after commit) and fixes every counter. */
  async delete(authorId: string, noteId: string): Promise<void> {
    await loadOwnNote(this.ctx.database.db, noteId, authorId);
    await this.ctx.database.transaction(async (txn) => {
      const tx = txn.db;
      const tags = await hashtagIdsOfNote(tx, noteId);
      const mediaIds = await repo.noteMediaIds(tx, noteId);
      await repo.releaseBoardCollects(tx, noteId);
      // video notes (issue 9): the video row goes first (before its FK cascade could), files after commit.
      await deleteVideoOfNote(txn, this.ctx, noteId);
      const gone = await repo.deleteNoteReturning(tx, noteId, authorId);
      // Someone (the author, in another tab) deleted it first: nothing of ours was written.
      if (!gone) throw notFound('note');
      await releaseHashtags(tx, tags.map((t) => t.id), Number(gone.comment_count));
      // A note moderation held or removed already left its author's note count (moderation/effects.ts).
      await repo.bumpAuthorCounts(tx, authorId, isHidden(gone.moderation_state) ? 0 : -1, -Number(gone.like_count));
      // The note_media rows cascaded away with the note; the images (and, after commit, their files) follow.
      await deleteUnusedMedia(txn, this.ctx, mediaIds);
      txn.afterCommit(() => this.ctx.events.emit('note.deleted', { noteId, authorId }));
    });
  }
}
