import { type Static, Type } from 'typebox';
import { Id, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';

export const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** A person in a followers/following list, with how the viewer relates to them. */
export const UserListItem = Type.Object({
  user: UserSummary,
  viewer: Type.Object({ isMe: Type.Boolean(), following: Type.Boolean(), followedBy: Type.Boolean() }),
  /** When the listed follow happened. */
  since: Timestamp,
});
export type UserListItem = Static<typeof UserListItem>;

/** The state after a follow/unfollow or block/unblock, with the target's exact follower count. */
export const RelationState = Type.Object({
  following: Type.Boolean(),
  blocking: Type.Boolean(),
  followerCount: Type.Integer(),
});
export type RelationState = Static<typeof RelationState>;

export const LikeState = Type.Object({ liked: Type.Boolean(), likeCount: Type.Integer() });
export type LikeState = Static<typeof LikeState>;

export const CollectBody = Type.Object({ boardId: Type.Optional(Type.Union([Id, Type.Null()])) }, { additionalProperties: false });
export type CollectBody = Static<typeof CollectBody>;

export const CollectState = Type.Object({
  collected: Type.Boolean(),
  boardId: Type.Union([Id, Type.Null()]),
  collectCount: Type.Integer(),
});
export type CollectState = Static<typeof CollectState>;

export const BoardVisibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);

/** Name lengths are re-checked in code points by the service; this is a transport bound. */
export const CreateBoardBody = Type.Object(
  { name: Type.String({ maxLength: LIMITS.boardName.max * 4 }), visibility: Type.Optional(BoardVisibility) },
  { additionalProperties: false },
);
export type CreateBoardBody = Static<typeof CreateBoardBody>;

export const UpdateBoardBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: LIMITS.boardName.max * 4 })),
    visibility: Type.Optional(BoardVisibility),
  },
  { additionalProperties: false },
);
export type UpdateBoardBody = Static<typeof UpdateBoardBody>;

export const Board = Type.Object({
  id: Id,
  name: Type.String(),
  visibility: BoardVisibility,
  collectCount: Type.Integer(),
  owner: UserSummary,
  isMine: Type.Boolean(),
  createdAt: Timestamp,
});
export type Board = Static<typeof Board>;
