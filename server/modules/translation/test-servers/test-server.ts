/**
 * A tiny real HTTP server on 127.0.0.1 (random port) that the provider test servers build on: it
 * records every request, and can be told to answer the next requests with an error first.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Answers the next request with this reply instead of the normal handler (queued, in order). */
  failNext(reply: Reply): void;
  close(): Promise<void>;
}

export async function startTestServer(handle: (req: RecordedRequest) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const scripted: Reply[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // Left as text; the handler answers 400.
    }
    const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
    requests.push(recorded);
    const reply = scripted.shift() ?? (await handle(recorded));
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (reply) => scripted.push(reply),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the fake engines "know": enough to tell a translation from an echo in tests. */
const PHRASES: Record<string, Record<string, string>> = {
  en: { 我想吃火锅: 'I want to eat hot pot', 我想吃火鍋: 'I want to eat hot pot', 今天很开心: 'I am happy today' },
  'zh-Hans': { 'I like hot pot': '我喜欢火锅', 'Good morning': '早上好' },
  'zh-Hant': { 'I like hot pot': '我喜歡火鍋', 'Good morning': '早安' },
};

/** A deterministic stand-in translation: a known phrase, else the text tagged with the target. */
export function fakeTranslate(text: string, target: string): string {
  const table = PHRASES[target] ?? PHRASES[target.split('-')[0]!] ?? {};
  return table[text] ?? `[${target}] ${text}`;
}
