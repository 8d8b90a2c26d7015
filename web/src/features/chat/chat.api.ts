import type {
  ChatMessage,
  ChatSettings,
  Conversation,
  Correction,
  MessageTranslation,
  Phrase,
  ServerFrame,
} from '../../../../contract/chat.js';
import type { Token } from '../../../../contract/translation.js';
import { del, get, post, request } from '../../api/http.js';

export type { ChatMessage, ChatSettings, Conversation, Correction, MessageTranslation, Phrase, ServerFrame };

const enc = encodeURIComponent;
type Page<T> = { items: T[]; nextCursor: string | null };

export const fetchConversations = (folder: 'inbox' | 'requests') => get<Page<Conversation>>(`/api/chat/conversations?folder=${folder}`);
export const fetchConversation = (id: string) => get<Conversation>(`/api/chat/conversations/${enc(id)}`);
export const startConversation = (handles: string[]) => post<Conversation>('/api/chat/conversations', { handles });
export const fetchMessages = (id: string, before?: number) =>
  get<{ items: ChatMessage[]; hasMore: boolean }>(`/api/chat/conversations/${enc(id)}/messages${before ? `?before=${before}` : ''}`);
export const sendMessage = (id: string, body: { text?: string; stickerCode?: string; mediaId?: string; clientId: string }) =>
  post<ChatMessage>(`/api/chat/conversations/${enc(id)}/messages`, body);
export const markRead = (id: string, seq: number) => post<{ lastReadSeq: number }>(`/api/chat/conversations/${enc(id)}/read`, { seq });
export const acceptConversation = (id: string) => post<Conversation>(`/api/chat/conversations/${enc(id)}/accept`);
export const leaveConversation = (id: string) => post<{ ok: true }>(`/api/chat/conversations/${enc(id)}/leave`);
export const muteConversation = (id: string, muted: boolean) => request<Conversation>('PUT', `/api/chat/conversations/${enc(id)}/mute`, { muted });
export const translateMessage = (id: string) => post<MessageTranslation>(`/api/chat/messages/${enc(id)}/translation`);
export const readMessage = (id: string) => get<{ messageId: string; tokens: Token[] }>(`/api/chat/messages/${enc(id)}/reading`);
export const fetchCorrections = (id: string) => get<{ items: Correction[] }>(`/api/chat/messages/${enc(id)}/corrections`);
export const proposeCorrection = (id: string, corrected: string, note: string) =>
  post<Correction>(`/api/chat/messages/${enc(id)}/corrections`, { corrected, ...(note ? { note } : {}) });
export const savePhrase = (messageId: string) => post<Phrase>('/api/chat/phrasebook', { messageId });
export const fetchPhrasebook = () => get<Page<Phrase>>('/api/chat/phrasebook');
export const deletePhrase = (id: string) => del<{ ok: true }>(`/api/chat/phrasebook/${enc(id)}`);
export const fetchChatSettings = () => get<ChatSettings>('/api/chat/settings');
export const saveChatSettings = (body: ChatSettings) => request<ChatSettings>('PUT', '/api/chat/settings', body);
export const fetchChatUnread = () => get<{ unread: number; requests: number }>('/api/chat/unread');
