import { LIMITS } from '../../../../contract/limits.js';
import type { CommentTranslation, NoteTranslation, TranslationSettings, UpdateTranslationSettingsBody } from '../../../../contract/translation.js';
import { get, post, request } from '../../api/http.js';

export type { CommentTranslation, NoteTranslation, TranslationSettings };

const enc = encodeURIComponent;

// No target: the server translates into the UI language the request carries (X-Kuaan-Locale).
export const translateNote = (noteId: string) => post<NoteTranslation>(`/api/notes/${enc(noteId)}/translation`, {});
export const translateComment = (commentId: string) => post<CommentTranslation>(`/api/comments/${enc(commentId)}/translation`, {});
export const translateComments = (noteId: string, commentIds: string[]) =>
  post<{ items: CommentTranslation[] }>(`/api/notes/${enc(noteId)}/comments/translations`, { commentIds });

export const fetchTranslationSettings = () => get<TranslationSettings>('/api/me/translation-settings');
export const saveTranslationSettings = (body: UpdateTranslationSettingsBody) =>
  request<TranslationSettings>('PUT', '/api/me/translation-settings', body);

export const COMMENT_BATCH = LIMITS.translation.commentBatch;
