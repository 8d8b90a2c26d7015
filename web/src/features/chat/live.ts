import { useCallback, useMemo, useRef } from 'react';
import type { ServerFrame } from './chat.api.js';
import { type ChatSocket, useChatSocket } from './useChatSocket.js';

export interface Live extends ChatSocket {
  /** Listens to every frame from the socket; returns the unsubscribe function. */
  subscribe(fn: (frame: ServerFrame) => void): () => void;
  /** Remembers the newest seq seen in a conversation, for resume after a reconnect. */
  saw(conversationId: string, seq: number): void;
}

/** One socket for a page, shared by the views on it. */
export function useLive(): Live {
  const listeners = useRef(new Set<(frame: ServerFrame) => void>());
  const cursors = useRef<Record<string, number>>({});
  const onFrame = useCallback((frame: ServerFrame) => {
    for (const fn of listeners.current) fn(frame);
  }, []);
  const socket = useChatSocket(onFrame, () => cursors.current);
  return useMemo(
    () => ({
      ...socket,
      subscribe(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
      saw(conversationId, seq) {
        if ((cursors.current[conversationId] ?? 0) < seq) cursors.current[conversationId] = seq;
      },
    }),
    [socket],
  );
}
