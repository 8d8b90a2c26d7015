import type { DiscoverItem, FeedPreferences, NotInterestedBody, Reason, UpdateFeedPreferencesBody } from '../../../contract/discover.js';
import { del, get, patch, post } from './http.js';

export type { DiscoverItem, FeedPreferences, Reason };

const enc = encodeURIComponent;

export const FEED_PREFERENCES_KEY = ['feed-preferences'] as const;

export const fetchFeedPreferences = () => get<FeedPreferences>('/api/me/feed-preferences');
export const updateFeedPreferences = (body: UpdateFeedPreferencesBody) => patch<FeedPreferences>('/api/me/feed-preferences', body);

export const markNotInterested = (body: NotInterestedBody) => post<unknown>('/api/feed/not-interested', body);
export const undoNotInterested = (body: NotInterestedBody) =>
  'noteId' in body
    ? del<unknown>(`/api/feed/not-interested/notes/${enc(body.noteId)}`)
    : del<unknown>(`/api/feed/not-interested/topics/${enc(body.topic)}`);
