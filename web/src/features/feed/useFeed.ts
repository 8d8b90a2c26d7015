import { useInfiniteQuery } from '@tanstack/react-query';
import { type FeedSource, fetchFeedPage } from '../../api/notes.js';

export const feedKey = (source: FeedSource) => ['feed', source] as const;

/** A paged list of note cards, fetched a page at a time as the reader scrolls. */
export function useFeed(source: FeedSource, enabled = true) {
  return useInfiniteQuery({
    queryKey: feedKey(source),
    queryFn: ({ pageParam }) => fetchFeedPage(source, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
