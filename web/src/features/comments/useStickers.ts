import { useQuery } from '@tanstack/react-query';
import { fetchStickers } from '../../api/social.js';

/** The sticker set, fetched once per visit. */
export function useStickers() {
  const q = useQuery({ queryKey: ['stickers'], queryFn: fetchStickers, staleTime: Number.POSITIVE_INFINITY, retry: false });
  return q.data ?? [];
}
