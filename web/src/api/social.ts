import { del, get, pageUrl, post } from './http.js';
import type { AppNotification, Comment, CommentThread, Page, RelationState, Sticker, StickerPack, UserSummary } from './types.js';

const enc = encodeURIComponent;

export const follow = (handle: string) => post<RelationState>(`/api/users/${enc(handle)}/follow`);
export const unfollow = (handle: string) => del<RelationState>(`/api/users/${enc(handle)}/follow`);
export const block = (handle: string) => post<RelationState>(`/api/users/${enc(handle)}/block`);
export const unblock = (handle: string) => del<RelationState>(`/api/users/${enc(handle)}/block`);

/** Top-level comments, each with the first few replies the server sends along. */
export async function fetchComments(noteId: string, cursor: string | null): Promise<Page<CommentThread>> {
  const page = await get<Page<CommentThread | Comment>>(pageUrl(`/api/notes/${enc(noteId)}/comments`, cursor));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((item) => ('comment' in item ? item : { comment: item, replies: [] })),
  };
}
export const fetchReplies = (commentId: string, cursor: string | null) =>
  get<Page<Comment>>(pageUrl(`/api/comments/${enc(commentId)}/replies`, cursor));
export const postComment = (noteId: string, body: string, parentId?: string) =>
  post<Comment>(`/api/notes/${enc(noteId)}/comments`, parentId ? { body, parentId } : { body });
export const deleteComment = (id: string) => del<unknown>(`/api/comments/${enc(id)}`);
export const likeComment = (id: string) => post<unknown>(`/api/comments/${enc(id)}/like`);
export const unlikeComment = (id: string) => del<unknown>(`/api/comments/${enc(id)}/like`);

export async function fetchStickers(): Promise<Sticker[]> {
  const body = await get<{ packs: StickerPack[] }>('/api/stickers');
  return body.packs.flatMap((p) => p.stickers);
}

export const fetchNotifications = (cursor: string | null) => get<Page<AppNotification>>(pageUrl('/api/notifications', cursor));
export const fetchUnreadCount = () => get<{ unread: number }>('/api/notifications/unread-count');
export const markNotificationsRead = () => post<unknown>('/api/notifications/read');

/** The first page of people someone follows (for @mention suggestions). */
export const fetchFollowing = (handle: string) =>
  get<Page<{ user: UserSummary }>>(pageUrl(`/api/users/${enc(handle)}/following`, null, 50));
