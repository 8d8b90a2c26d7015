import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { likeNote, unlikeNote } from '../../api/notes.js';
import { useMe } from '../auth/useMe.js';

/**
 * Like state for one note, shown at once and rolled back if the server refuses. Signed-out
 * readers are sent to sign in.
 */
export function useLikeToggle(noteId: string, liked: boolean, count: number) {
  const [state, setState] = useState({ liked, count, from: { liked, count } });
  // Fresh props (a refetch) win over local state.
  const current =
    state.from.liked === liked && state.from.count === count ? state : { liked, count, from: { liked, count } };
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (next: boolean) => (next ? likeNote(noteId) : unlikeNote(noteId)),
    onError: (_e, next) => setState({ ...current, liked: !next, count: current.count + (next ? -1 : 1) }),
    onSettled: () => client.invalidateQueries({ queryKey: ['note', noteId] }),
  });
  const toggle = () => {
    if (!me) {
      navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    const next = !current.liked;
    setState({ ...current, liked: next, count: Math.max(0, current.count + (next ? 1 : -1)) });
    mutation.mutate(next);
  };
  return { liked: current.liked, count: current.count, toggle, pending: mutation.isPending };
}
