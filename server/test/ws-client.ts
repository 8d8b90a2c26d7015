import type { TestApp } from './harness.js';

/** A received frame; tests look at type and a few fields. */
export type Frame = Record<string, any>;

/**
 * A WebSocket client for tests (Node's own WebSocket, which can send a cookie and an Origin):
 * keeps every frame it got and lets a test wait for the next one that matches.
 */
export class TestSocket {
  readonly frames: Frame[] = [];
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void; from: number }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.addEventListener('open', () => resolve());
      ws.addEventListener('error', () => reject(new Error('socket failed to open')));
    });
    this.closed = new Promise((resolve) => ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })));
    ws.addEventListener('message', (e) => {
      const frame = JSON.parse(String(e.data)) as Frame;
      this.frames.push(frame);
      for (const w of [...this.waiters]) {
        if (w.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) matching, within timeoutMs. */
  next(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 500)}`)), timeoutMs);
      this.waiters.push({
        match,
        from: this.frames.length,
        resolve: (f) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f);
        },
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** Opens /api/ws on a listening server as the person with this cookie. */
export async function openSocket(baseUrl: string, cookie: string | null, origin = 'http://localhost:3000'): Promise<TestSocket> {
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  // Node's WebSocket accepts headers (an undici extension the DOM types do not know).
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/ws`, { headers } as unknown as string[]);
  const socket = new TestSocket(ws);
  await socket.opened;
  await socket.next((f) => f.type === 'ready');
  return socket;
}

/** Makes a test app listen on a random local port (WebSockets need a real server). */
export async function listen(t: TestApp): Promise<string> {
  return t.app.listen({ host: '127.0.0.1', port: 0 });
}
