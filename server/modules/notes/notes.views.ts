import type { Image } from '../../../contract/common.js';
import type { Facet } from '../../../contract/facets.js';
import type { Note, NoteCard } from '../../../contract/notes.js';
import type { Executor } from '../../db/database.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { imageDto } from '../media/media.views.js';
// video notes (issue 9)
import { videoPreviews, videosForNotes } from '../video/video.views.js';
import { tagsOfFacets } from './note-text.js';
import { loadVisibleNote } from './notes.policy.js';
// moderation (issue 7)
import { AppError } from '../../errors.js';
import { type RegionGate, restrictingRule } from '../moderation/region-gate.js';
import { containsAny, viewerFilters } from '../moderation/safety.service.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const EXCERPT_CHARS = 80;

function excerptOf(body: string): string {
  const points = [...body];
  return points.length <= EXCERPT_CHARS ? body : `${points.slice(0, EXCERPT_CHARS).join('')}…`;
}

/** Images of many notes in one query, each note's list in carousel order. */
async function imagesOf(db: Executor, noteIds: string[], coversOnly: boolean): Promise<Map<string, Image[]>> {
  const out = new Map<string, Image[]>();
  if (noteIds.length === 0) return out;
  let q = db
    .selectFrom('note_media')
    .innerJoin('media', 'media.id', 'note_media.media_id')
    .select([
      'note_media.note_id',
      'note_media.alt_text',
      'media.id',
      'media.width',
      'media.height',
      'media.blurhash',
      'media.color',
      'media.variants',
    ])
    .where('note_media.note_id', 'in', noteIds);
  if (coversOnly) q = q.where('note_media.position', '=', 0);
  for (const r of await q.orderBy('note_media.note_id').orderBy('note_media.position').execute()) {
    const list = out.get(r.note_id) ?? [];
    list.push(imageDto(r, r.alt_text));
    out.set(r.note_id, list);
  }
  return out;
}

async function likedAmong(db: Executor, noteIds: string[], viewerId: string | null): Promise<Set<string>> {
  if (!viewerId || noteIds.length === 0) return new Set();
  const rows = await db.selectFrom('note_likes').select('note_id').where('user_id', '=', viewerId).where('note_id', 'in', noteIds).execute();
  return new Set(rows.map((r) => r.note_id));
}

/**
 * Cards for the given note ids, in the given order, hydrated in a fixed number of queries (notes,
 * authors, covers, likes). Ids that no longer exist are skipped. Callers decide visibility: pass only
 * ids the viewer may see. With a region gate, notes restricted in the viewer's region become
 * placeholders naming the rule, or are left out (the gate says which); this is the one place lists do it.
 */
export async function noteCards(db: Executor, noteIds: string[], viewerId: string | null, gate: RegionGate | null = null): Promise<NoteCard[]> {
  const ids = [...new Set(noteIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notes')
    .select(['id', 'author_id', 'type', 'title', 'body', 'like_count', 'visibility', 'created_at', 'moderation_state', 'region_rule_id', 'restricted_regions'])
    .where('id', 'in', ids)
    .execute();
  const videoNoteIds = rows.filter((r) => r.type === 'video').map((r) => r.id);
  const [authors, covers, liked, videos, filters] = await Promise.all([
    userSummaries(
      db,
      rows.map((r) => r.author_id),
    ),
    imagesOf(
      db,
      // A video note's note_media row, when there is one, is the cover the author uploaded.
      rows.filter((r) => r.type === 'photo' || r.type === 'video').map((r) => r.id),
      true,
    ),
    likedAmong(db, ids, viewerId),
    videoPreviews(db, videoNoteIds),
    viewerFilters(db, viewerId),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cards: NoteCard[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    const author = r && authors.get(r.author_id);
    if (!r || !author) continue;
    // moderation (issue 7): a safety net under every list — held/removed notes are the author's only,
    // and the viewer's mutes and keyword filters hide notes from their lists.
    if (r.author_id !== viewerId) {
      if (r.moderation_state === 'held' || r.moderation_state === 'removed') continue;
      if (filters.muted.has(r.author_id) || containsAny(`${r.title}\n${r.body}`, filters.words)) continue;
    }
    const ruleId = gate && restrictingRule(r, viewerId, gate.region);
    if (ruleId) {
      if (gate.mode === 'omit') continue;
      // Says that something is here and why, like the note page's 451, without any of its content.
      cards.push({
        id: r.id,
        type: r.type,
        title: '',
        excerpt: '',
        cover: null,
        author,
        likeCount: Number(r.like_count),
        likedByMe: liked.has(r.id),
        visibility: r.visibility,
        unavailable: { ruleId, ruleTitle: gate.ruleTitle(ruleId) },
        createdAt: iso(r.created_at),
      });
      continue;
    }
    cards.push({
      id: r.id,
      type: r.type,
      title: r.title,
      excerpt: excerptOf(r.body),
      cover: covers.get(r.id)?.[0] ?? videos.get(r.id)?.poster ?? null,
      ...(videos.has(r.id) ? { video: videos.get(r.id)!.preview } : {}),
      author,
      likeCount: Number(r.like_count),
      likedByMe: liked.has(r.id),
      visibility: r.visibility,
      sensitive: r.moderation_state === 'labelled',
      ...(r.author_id === viewerId && r.moderation_state && r.moderation_state !== 'normal' ? { distribution: r.moderation_state } : {}),
      createdAt: iso(r.created_at),
    });
  }
  return cards;
}

/** The whole note as the viewer sees it, or a 404 when it does not exist or they may not see it. */
export async function noteView(db: Executor, noteId: string, viewerId: string | null, region: string | null = null): Promise<Note> {
  const note = await loadVisibleNote(db, noteId, viewerId);
  // moderation (issue 7): restricted under a regional rule in the viewer's region; visible elsewhere.
  const ruleId = restrictingRule(note, viewerId, region);
  if (ruleId) throw new AppError(451, 'unavailable_in_region', { rule: ruleId });
  const [authors, images, liked, collect, videos] = await Promise.all([
    userSummaries(db, [note.author_id]),
    imagesOf(db, [note.id], false),
    likedAmong(db, [note.id], viewerId),
    viewerId
      ? db.selectFrom('collects').select('board_id').where('note_id', '=', note.id).where('user_id', '=', viewerId).executeTakeFirst()
      : Promise.resolve(undefined),
    note.type === 'video' ? videosForNotes(db, [note.id], 'en') : Promise.resolve(null),
  ]);
  const video = videos?.get(note.id);
  const facets = JSON.parse(note.facets) as Facet[];
  return {
    id: note.id,
    type: note.type,
    title: note.title,
    body: note.body,
    facets,
    // A video note's only image is its uploaded cover, which is the poster the player shows.
    images: note.type === 'video' ? [] : (images.get(note.id) ?? []),
    ...(video ? { video: { ...video, poster: images.get(note.id)?.[0] ?? video.poster } } : {}),
    hashtags: tagsOfFacets(facets),
    author: authors.get(note.author_id)!,
    visibility: note.visibility,
    locationLabel: note.location_label,
    lang: note.lang ?? null,
    langMixed: Number(note.lang_mixed ?? 0) === 1,
    counts: {
      likes: Number(note.like_count),
      collects: Number(note.collect_count),
      comments: Number(note.comment_count),
      views: Number(note.view_count),
    },
    viewer: {
      liked: liked.has(note.id),
      collected: collect !== undefined,
      boardId: collect?.board_id ?? null,
      isAuthor: viewerId === note.author_id,
    },
    sensitive: note.moderation_state === 'labelled',
    createdAt: iso(note.created_at),
    updatedAt: iso(note.updated_at),
  };
}
