import { type Static, Type } from 'typebox';
import { FacetSchema, Id, Image, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';
import { NoteVideoInput, Video, VideoPreview } from './video.js';

export const NoteType = Type.Union([Type.Literal('photo'), Type.Literal('text'), Type.Literal('video')]);
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('mutuals'), Type.Literal('private')]);
export type Visibility = Static<typeof Visibility>;

export const NoteImageInput = Type.Object(
  { mediaId: Id, alt: Type.Optional(Type.String({ maxLength: LIMITS.altText.max * 4 })) },
  { additionalProperties: false },
);

/** Lengths here are generous transport bounds; the exact rules (title units, code points) are checked by the service. */
export const CreateNoteBody = Type.Object(
  {
    type: NoteType,
    title: Type.String({ maxLength: 200 }),
    body: Type.String({ maxLength: LIMITS.noteBodyChars * 4 }),
    images: Type.Optional(Type.Array(NoteImageInput, { maxItems: LIMITS.noteImages.max })),
    /** Video notes: the processed video (and optionally an uploaded cover image). */
    video: Type.Optional(NoteVideoInput),
    visibility: Type.Optional(Visibility),
    locationLabel: Type.Optional(Type.Union([Type.String({ maxLength: 400 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateNoteBody = Static<typeof CreateNoteBody>;

/** Every field optional; `type` may be sent but must match the note's (a note never changes type). */
export const UpdateNoteBody = Type.Object(
  {
    type: Type.Optional(NoteType),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    body: Type.Optional(Type.String({ maxLength: LIMITS.noteBodyChars * 4 })),
    images: Type.Optional(Type.Array(NoteImageInput, { maxItems: LIMITS.noteImages.max })),
    visibility: Type.Optional(Visibility),
    locationLabel: Type.Optional(Type.Union([Type.String({ maxLength: 400 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateNoteBody = Static<typeof UpdateNoteBody>;

/** A note as a card in a waterfall: cover first, just enough to decide to open it. */
export const NoteCard = Type.Object({
  id: Id,
  type: NoteType,
  title: Type.String(),
  /** First lines of the body, for text notes without a cover. */
  excerpt: Type.String(),
  cover: Type.Union([Image, Type.Null()]),
  /** Video notes: a short muted preview to play in view. */
  video: Type.Optional(VideoPreview),
  author: UserSummary,
  likeCount: Type.Integer(),
  likedByMe: Type.Boolean(),
  visibility: Visibility,
  /** moderation (issue 7): labelled sensitive — clients blur it behind a reveal button. */
  sensitive: Type.Optional(Type.Boolean()),
  /** moderation (issue 7): for the author only, how the note is distributed when it is not normal. */
  distribution: Type.Optional(
    Type.Union([Type.Literal('labelled'), Type.Literal('limited'), Type.Literal('held'), Type.Literal('removed')]),
  ),
  /**
   * moderation (issue 7): restricted in the viewer's region under a regional rule. The card is then a
   * placeholder: no title, excerpt or cover, only the rule (its title in the viewer's language).
   */
  unavailable: Type.Optional(Type.Object({ ruleId: Type.String(), ruleTitle: Type.String() })),
  createdAt: Timestamp,
});
export type NoteCard = Static<typeof NoteCard>;

export const Note = Type.Object({
  id: Id,
  type: NoteType,
  title: Type.String(),
  body: Type.String(),
  facets: Type.Array(FacetSchema),
  images: Type.Array(Image),
  /** Video notes: the video with its renditions, poster and captions. */
  video: Type.Optional(Video),
  hashtags: Type.Array(Type.String()),
  author: UserSummary,
  visibility: Visibility,
  locationLabel: Type.Union([Type.String(), Type.Null()]),
  /** Detected (or author-set) BCP 47 language; null until detection has run. */
  lang: Type.Union([Type.String(), Type.Null()]),
  /** The text clearly mixes Chinese and Latin script. */
  langMixed: Type.Boolean(),
  counts: Type.Object({ likes: Type.Integer(), collects: Type.Integer(), comments: Type.Integer(), views: Type.Integer() }),
  viewer: Type.Object({
    liked: Type.Boolean(),
    collected: Type.Boolean(),
    boardId: Type.Union([Id, Type.Null()]),
    isAuthor: Type.Boolean(),
  }),
  /** moderation (issue 7): labelled sensitive — clients blur it behind a reveal button. */
  sensitive: Type.Optional(Type.Boolean()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Note = Static<typeof Note>;

export const Topic = Type.Object({
  name: Type.String(),
  noteCount: Type.Integer(),
  viewCount: Type.Integer(),
  commentCount: Type.Integer(),
});
export type Topic = Static<typeof Topic>;
