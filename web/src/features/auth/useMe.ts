import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../../api/auth.js';
import { ApiError } from '../../api/http.js';
import type { Me } from '../../api/types.js';

export const ME_KEY = ['me'] as const;

/** The signed-in person; `null` when signed out. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await fetchMe();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}
