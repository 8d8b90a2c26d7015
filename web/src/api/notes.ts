import type { CreateNoteBody, UpdateNoteBody } from '../../../contract/notes.js';
import type { ContentLanguage, SetLanguageBody } from '../../../contract/translation.js';
import { del, get, pageUrl, patch, post, request } from './http.js';
import type { Board, CollectState, LikeState, Note, NoteCard, Page, Topic } from './types.js';

export type NoteInput = CreateNoteBody;
export type NoteUpdate = UpdateNoteBody;
export type { ContentLanguage };

const enc = encodeURIComponent;

export const createNote = (input: NoteInput) => post<Note>('/api/notes', input);
export const fetchNote = (id: string) => get<Note>(`/api/notes/${enc(id)}`);
export const updateNote = (id: string, input: NoteUpdate) => patch<Note>(`/api/notes/${enc(id)}`, input);
export const deleteNote = (id: string) => del<unknown>(`/api/notes/${enc(id)}`);

/** Language as stored, with who set it (the detector or the author). */
export const fetchNoteLanguage = (id: string) => get<ContentLanguage>(`/api/notes/${enc(id)}/language`);
export const setNoteLanguage = (id: string, body: SetLanguageBody) => request<ContentLanguage>('PUT', `/api/notes/${enc(id)}/language`, body);
export const fetchCommentLanguage = (id: string) => get<ContentLanguage>(`/api/comments/${enc(id)}/language`);
export const setCommentLanguage = (id: string, body: SetLanguageBody) =>
  request<ContentLanguage>('PUT', `/api/comments/${enc(id)}/language`, body);

export type FeedSource =
  | { kind: 'discover'; mode?: 'for_you' | 'chronological' }
  | { kind: 'following' }
  | { kind: 'user'; handle: string }
  | { kind: 'collects'; handle: string }
  | { kind: 'likes'; handle: string }
  | { kind: 'topic'; name: string }
  | { kind: 'board'; id: string };

export function feedPath(source: FeedSource): string {
  switch (source.kind) {
    case 'discover':
      return source.mode ? `/api/feed/discover?mode=${source.mode}` : '/api/feed/discover';
    case 'following':
      return '/api/feed/following';
    case 'user':
      return `/api/users/${enc(source.handle)}/notes`;
    case 'collects':
      return `/api/users/${enc(source.handle)}/collects`;
    case 'likes':
      return `/api/users/${enc(source.handle)}/likes`;
    case 'topic':
      return `/api/topics/${enc(source.name)}/notes`;
    case 'board':
      return `/api/boards/${enc(source.id)}/notes`;
  }
}

export const fetchFeedPage = (source: FeedSource, cursor: string | null) =>
  get<Page<NoteCard>>(pageUrl(feedPath(source), cursor, 20));
export const fetchTopic = (name: string) => get<Topic>(`/api/topics/${enc(name)}`);

export const likeNote = (id: string) => post<LikeState>(`/api/notes/${enc(id)}/like`);
export const unlikeNote = (id: string) => del<LikeState>(`/api/notes/${enc(id)}/like`);
export const collectNote = (id: string, boardId?: string) =>
  post<CollectState>(`/api/notes/${enc(id)}/collect`, boardId ? { boardId } : {});
export const uncollectNote = (id: string) => del<CollectState>(`/api/notes/${enc(id)}/collect`);

/** Lists may come bare or paged; the UI wants the items. */
function itemsOf<T>(body: T[] | Page<T>): T[] {
  return Array.isArray(body) ? body : body.items;
}

export const fetchBoards = async (handle: string) =>
  itemsOf(await get<Board[] | Page<Board>>(`/api/users/${enc(handle)}/boards`));
export const createBoard = (name: string, visibility: 'public' | 'private' = 'public') =>
  post<Board>('/api/boards', { name, visibility });
