import type { MatchReasons, PartnerProfile, PartnerRequest, Room, Suggestion } from '../../../../contract/corner.js';
import type { UserSummary } from '../../../../contract/common.js';
import { get, post, request } from '../../api/http.js';

export type { MatchReasons, PartnerProfile, PartnerRequest, Room, Suggestion };

const enc = encodeURIComponent;

export const fetchPartnerProfile = () => get<PartnerProfile>('/api/partners/profile');
export const savePartnerProfile = (body: Partial<Pick<PartnerProfile, 'open' | 'timeZone' | 'availability'>>) =>
  request<PartnerProfile>('PUT', '/api/partners/profile', body);
export function fetchSuggestions(filters: { lang?: string; minLevel?: number; region?: string }) {
  const q = new URLSearchParams();
  if (filters.lang) q.set('lang', filters.lang);
  if (filters.minLevel) q.set('minLevel', String(filters.minLevel));
  if (filters.region) q.set('region', filters.region);
  return get<{ items: Suggestion[] }>(`/api/partners/suggestions${q.size ? `?${q}` : ''}`);
}
export const fetchPartnerRequests = (box: 'incoming' | 'outgoing') => get<{ items: PartnerRequest[] }>(`/api/partners/requests?box=${box}`);
export const sendPartnerRequest = (handle: string) => post<PartnerRequest>('/api/partners/requests', { handle });
export const answerPartnerRequest = (id: string, answer: 'accept' | 'decline' | 'ignore') => post<PartnerRequest>(`/api/partners/requests/${enc(id)}/${answer}`);
export const fetchPartners = () => get<{ items: Array<{ user: UserSummary; conversationId: string | null; since: string }> }>('/api/partners');
export const fetchRooms = () => get<{ items: Room[]; nextCursor: string | null }>('/api/corner/rooms');
export const createRoom = (title: string, topic: string) => post<Room>('/api/corner/rooms', { title, topic });
export const joinRoom = (id: string) => post<{ ok: true }>(`/api/corner/rooms/${enc(id)}/join`);
