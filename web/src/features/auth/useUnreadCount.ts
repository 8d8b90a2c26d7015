import { useQuery } from '@tanstack/react-query';
import { fetchUnreadCount } from '../../api/social.js';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/** Unread notifications for the badge, refreshed every half minute while signed in. */
export function useUnreadCount(signedIn: boolean): number {
  const q = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: fetchUnreadCount,
    enabled: signedIn,
    refetchInterval: 30_000,
    retry: false,
  });
  return signedIn ? (q.data?.unread ?? 0) : 0;
}
