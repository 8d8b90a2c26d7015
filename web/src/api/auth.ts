import type { SignUpBody, UpdateMeBody } from '../../../contract/accounts.js';
import { del, get, patch, post } from './http.js';
import type { Me, Profile, SessionInfo } from './types.js';

// Request shapes come straight from the contract the server validates against.
export type SignUpInput = SignUpBody;
export type UpdateMeInput = UpdateMeBody;

export const signUp = (input: SignUpInput) => post<Me>('/api/auth/sign-up', input);
export const signIn = (input: { login: string; password: string; country?: string }) => post<Me>('/api/auth/sign-in', input);
export const signOut = () => post<{ ok: true }>('/api/auth/sign-out');
export const fetchMe = () => get<Me>('/api/me');
export const updateMe = (input: UpdateMeInput) => patch<Me>('/api/me', input);
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword });
export const listSessions = () => get<SessionInfo[]>('/api/auth/sessions');
export const revokeSession = (id: string) => del<{ ok: true }>(`/api/auth/sessions/${encodeURIComponent(id)}`);
export const fetchProfile = (handle: string) => get<Profile>(`/api/users/${encodeURIComponent(handle)}`);
