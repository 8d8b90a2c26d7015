import type { NoteHitPage, SearchSort, SearchTime, TopicHitPage, TrendingTopics, Typeahead, UserHitPage } from '../../../../contract/search.js';
import { get, pageUrl } from '../../api/http.js';

export type { NoteHit, TopicHit, UserHit, MatchedVia } from '../../../../contract/search.js';
export type { SearchSort, SearchTime };

export interface NoteFilters {
  sort: SearchSort;
  type: 'photo' | 'text' | null;
  time: SearchTime | null;
}

function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `${path}?${q.toString()}`;
}

export const searchNotes = (q: string, f: NoteFilters, cursor: string | null) =>
  get<NoteHitPage>(pageUrl(withQuery('/api/search/notes', { q, sort: f.sort, type: f.type, time: f.time }), cursor));
export const searchUsers = (q: string, cursor: string | null) => get<UserHitPage>(pageUrl(withQuery('/api/search/users', { q }), cursor));
export const searchTopics = (q: string, cursor: string | null) => get<TopicHitPage>(pageUrl(withQuery('/api/search/topics', { q }), cursor));
export const fetchTypeahead = (q: string) => get<Typeahead>(withQuery('/api/search/typeahead', { q }));
export const fetchTrending = () => get<TrendingTopics>('/api/topics/trending');
