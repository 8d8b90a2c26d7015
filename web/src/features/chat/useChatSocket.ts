import { useEffect, useRef, useState } from 'react';
import type { ServerFrame } from './chat.api.js';

type Status = 'connecting' | 'open' | 'closed';
/** Codes after which reconnecting would only fail again. */
const FINAL = new Set([4401]);

export interface ChatSocket {
  status: Status;
  /** Sends a frame when connected; false when it could not (the caller falls back to HTTP). */
  send(frame: unknown): boolean;
}

/**
 * One WebSocket to /api/ws for as long as the component lives. On every (re)connect it sends the
 * last seq it saw per conversation, so the server replays whatever arrived in between; reconnects
 * back off up to 15 s. `onFrame` sees every server frame (messages may repeat: dedupe by id).
 */
export function useChatSocket(onFrame: (frame: ServerFrame) => void, cursors: () => Record<string, number>): ChatSocket {
  const [status, setStatus] = useState<Status>('connecting');
  const socketRef = useRef<WebSocket | null>(null);
  const onFrameRef = useRef(onFrame);
  const cursorsRef = useRef(cursors);
  onFrameRef.current = onFrame;
  cursorsRef.current = cursors;

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      setStatus('connecting');
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`);
      socketRef.current = ws;
      ws.onopen = () => {
        attempt = 0;
        setStatus('open');
        ws.send(JSON.stringify({ type: 'resume', cursors: cursorsRef.current() }));
      };
      ws.onmessage = (e) => {
        try {
          onFrameRef.current(JSON.parse(String(e.data)) as ServerFrame);
        } catch {
          // A frame this version does not understand is skipped, not fatal.
        }
      };
      ws.onclose = (e) => {
        socketRef.current = null;
        setStatus('closed');
        if (stopped || FINAL.has(e.code)) return;
        attempt++;
        timer = setTimeout(connect, Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socketRef.current?.close();
    };
  }, []);

  return {
    status,
    send(frame) {
      const ws = socketRef.current;
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(frame));
      return true;
    },
  };
}
