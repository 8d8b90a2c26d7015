import { useQuery } from '@tanstack/react-query';
import { fetchChatUnread } from './chat.api.js';

/** Unread chat messages (and open requests) for the Messages tab badge, refreshed every half minute. */
export function useChatUnread(signedIn: boolean): number {
  const q = useQuery({ queryKey: ['conversations', 'unread'], queryFn: fetchChatUnread, enabled: signedIn, refetchInterval: 30_000, retry: false });
  return signedIn ? (q.data?.unread ?? 0) + (q.data?.requests ?? 0) : 0;
}
