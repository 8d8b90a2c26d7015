import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchTrending, type NoteFilters, searchNotes, searchTopics, searchUsers } from './search.api.js';

const page = { initialPageParam: null as string | null, getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor };

export function useNoteSearch(q: string, filters: NoteFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['search', 'notes', q, filters],
    queryFn: ({ pageParam }) => searchNotes(q, filters, pageParam),
    enabled: enabled && q.length > 0,
    ...page,
  });
}

export function useUserSearch(q: string, enabled: boolean) {
  return useInfiniteQuery({ queryKey: ['search', 'users', q], queryFn: ({ pageParam }) => searchUsers(q, pageParam), enabled: enabled && q.length > 0, ...page });
}

export function useTopicSearch(q: string, enabled: boolean) {
  return useInfiniteQuery({ queryKey: ['search', 'topics', q], queryFn: ({ pageParam }) => searchTopics(q, pageParam), enabled: enabled && q.length > 0, ...page });
}

export function useTrending() {
  return useQuery({ queryKey: ['topics', 'trending'], queryFn: fetchTrending, staleTime: 60_000 });
}
