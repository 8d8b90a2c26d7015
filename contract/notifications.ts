import { type Static, Type } from 'typebox';
import { Id, Image, Timestamp, UserSummary } from './common.js';

export const NotificationKind = Type.Union([
  Type.Literal('like'),
  Type.Literal('collect'),
  Type.Literal('comment'),
  Type.Literal('reply'),
  Type.Literal('mention'),
  Type.Literal('follow'),
  Type.Literal('comment_like'),
  // moderation (issue 7): a notice about a decision (see GET /api/moderation/notices).
  Type.Literal('moderation'),
]);
export type NotificationKind = Static<typeof NotificationKind>;

export const Notification = Type.Object({
  id: Id,
  kind: NotificationKind,
  /** The latest person; for a grouped kind (like, collect, comment_like) the face of the group. */
  actor: UserSummary,
  /**
   * How many people it speaks for: likes, collects and comment likes gather into one notification per
   * note or comment until it is read ("Mei and 11 others liked your note"). 1 for every other kind.
   */
  actorCount: Type.Integer({ minimum: 1 }),
  /** The note it is about, when there is one and the recipient may still see it. */
  note: Type.Union([Type.Object({ id: Id, title: Type.String(), cover: Type.Union([Image, Type.Null()]) }), Type.Null()]),
  /** The comment it is about (comment, reply, mention in a comment, comment like). */
  comment: Type.Union([Type.Object({ id: Id, excerpt: Type.String() }), Type.Null()]),
  read: Type.Boolean(),
  /** When the latest person acted: a group that grows moves back to the top. */
  createdAt: Timestamp,
});
export type Notification = Static<typeof Notification>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100 })) },
  { additionalProperties: false },
);
export type MarkReadBody = Static<typeof MarkReadBody>;
