import { type Static, Type } from 'typebox';
import { FacetSchema, Id, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';

/** The body is re-checked in code points (LIMITS.commentChars) by the service; this is a transport bound. */
export const CreateCommentBody = Type.Object(
  { body: Type.String({ maxLength: LIMITS.commentChars * 4 }), parentId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;

export const Comment = Type.Object({
  id: Id,
  noteId: Id,
  /** The top-level comment this replies to; null for a top-level comment. */
  parentId: Type.Union([Id, Type.Null()]),
  author: UserSummary,
  /** Set on a reply to a reply: whom it answers (shown as "reply to @x"). */
  replyTo: Type.Union([UserSummary, Type.Null()]),
  body: Type.String(),
  facets: Type.Array(FacetSchema),
  /** Detected (or author-set) BCP 47 language; null until detection has run. */
  lang: Type.Union([Type.String(), Type.Null()]),
  /** The text clearly mixes Chinese and Latin script. */
  langMixed: Type.Boolean(),
  likeCount: Type.Integer(),
  replyCount: Type.Integer(),
  likedByMe: Type.Boolean(),
  /** The note's author wrote it (RedNote's 作者 badge). */
  byNoteAuthor: Type.Boolean(),
  /** The viewer may delete it (its author, or the note's author). */
  canDelete: Type.Boolean(),
  /** moderation (issue 7): labelled sensitive — clients blur it behind a reveal button. */
  sensitive: Type.Optional(Type.Boolean()),
  createdAt: Timestamp,
});
export type Comment = Static<typeof Comment>;

/** A top-level comment with its first few replies, as a note's comment list shows it. */
export const CommentThread = Type.Object({ comment: Comment, replies: Type.Array(Comment) });
export type CommentThread = Static<typeof CommentThread>;
