import websocket from '@fastify/websocket';
import { Ajv } from 'ajv';
import type { FastifyRequest } from 'fastify';
import { ClientFrame, type ServerFrame, WS_CLOSE } from '../../../contract/chat.js';
import { LIMITS } from '../../../contract/limits.js';
import type { UiLocale } from '../../../contract/locales.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { CHAT_CHANNEL, type Envelope } from './chat.delivery.js';
import type { ChatService } from './chat.service.js';
import { missedView } from './messages.views.js';

/** The part of a `ws` socket the gateway uses (the package ships no types here). */
interface WsSocket {
  readyState: number;
  bufferedAmount: number;
  send(data: string): void;
  ping(): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'pong' | 'close', fn: () => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
}

const OPEN = 1;

interface Connection {
  socket: WsSocket;
  userId: string;
  locale: UiLocale;
  alive: boolean;
  /** Frames of one socket are handled one after another, so two sends keep their order. */
  queue: Promise<void>;
  /** When this socket last relayed "typing" per conversation: at most one a second goes out. */
  typingAt: Map<string, number>;
}

const checkFrame = new Ajv({ strict: false, allErrors: false }).compile(ClientFrame);

/**
 * The one WebSocket endpoint, /api/ws. Authenticated by the session cookie (and the Origin, since
 * browsers attach cookies to cross-site WebSocket handshakes too). Live frames come from the bus,
 * so it does not matter which node the sender used; what a socket misses while away it asks for
 * with a `resume` frame (last seq per conversation) and the server replays from the database.
 */
export function chatGateway(app: KuaanApp, ctx: AppContext, chat: ChatService): void {
  const byUser = new Map<string, Set<Connection>>();
  const allowedOrigin = new URL(ctx.config.publicUrl).origin;

  const push = (conn: Connection, data: string) => {
    if (conn.socket.readyState !== OPEN) return;
    // A client that does not read lets frames pile up in our memory: cut it off; it will resume.
    if (conn.socket.bufferedAmount > LIMITS.chat.socketBufferBytes) {
      ctx.log.info({ userId: conn.userId }, 'chat socket too slow, dropped');
      conn.socket.terminate();
      return;
    }
    conn.socket.send(data);
  };
  const reply = (conn: Connection, frame: ServerFrame) => push(conn, JSON.stringify(frame));

  const unsubscribe = ctx.bus.subscribe(CHAT_CHANNEL, (message) => {
    const { to, frame } = message as Envelope;
    if (!Array.isArray(to)) return;
    // Serialized once, sent to however many sockets.
    let data: string | null = null;
    for (const userId of to) {
      const conns = byUser.get(userId);
      if (!conns) continue;
      data ??= JSON.stringify(frame);
      for (const conn of conns) push(conn, data);
    }
  });

  const heartbeat = setInterval(() => {
    for (const conns of byUser.values()) {
      for (const conn of conns) {
        // No pong since the last ping: the peer is gone (or the network is); free the socket.
        if (!conn.alive) {
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        try {
          conn.socket.ping();
        } catch {
          conn.socket.terminate();
        }
      }
    }
  }, ctx.config.chat.heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
  });

  async function handle(conn: Connection, frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case 'ping':
        return reply(conn, { type: 'pong' });
      case 'resume': {
        const missed = await missedView(ctx, conn.userId, frame.cursors);
        for (const message of missed) reply(conn, { type: 'message', message });
        return reply(conn, { type: 'resumed', replayed: missed.length });
      }
      case 'send': {
        const { type: _type, conversationId, ...body } = frame;
        try {
          const message = await chat.send(conn.userId, conversationId, body);
          return reply(conn, { type: 'ack', clientId: frame.clientId ?? null, message });
        } catch (err) {
          return replyError(conn, err, frame.clientId ?? null);
        }
      }
      case 'typing': {
        const now = Date.now();
        if (now - (conn.typingAt.get(frame.conversationId) ?? 0) < 1000) return;
        if (conn.typingAt.size > 100) conn.typingAt.clear();
        conn.typingAt.set(frame.conversationId, now);
        return chat.typing(conn.userId, frame.conversationId).catch((err) => replyError(conn, err, null));
      }
      case 'read':
        await chat.read(conn.userId, frame.conversationId, frame.seq).catch((err) => replyError(conn, err, null));
        return;
    }
  }

  function replyError(conn: Connection, err: unknown, clientId: string | null): void {
    if (err instanceof AppError) {
      reply(conn, { type: 'error', code: err.code, message: t(conn.locale, err.code, err.params), clientId });
    } else {
      ctx.log.error({ err }, 'chat frame failed');
      reply(conn, { type: 'error', code: 'internal_error', message: t(conn.locale, 'internal_error'), clientId });
    }
  }

  // An encapsulated scope: the websocket plugin and its hooks belong to chat alone.
  app.register(async (scope) => {
    await scope.register(websocket, {
      options: { maxPayload: LIMITS.chat.frameBytes },
      // Shutting down: tell clients to go elsewhere and resume, rather than a bare close.
      preClose(done) {
        for (const client of scope.websocketServer.clients) {
          client.close(WS_CLOSE.goingAway, 'server shutting down');
          // A peer that never completes the close handshake must not hold the shutdown for ws's 30 s.
          setTimeout(() => client.terminate(), 1000).unref();
        }
        done();
      },
    });
    scope.get(
      '/api/ws',
      {
        websocket: true,
        schema: { hide: true },
        // Refused before the upgrade, so a browser sees a failed handshake, not an open socket.
        preValidation: async (request: FastifyRequest) => {
          if (!request.viewer) throw new AppError(401, 'unauthorized');
          const origin = request.headers.origin;
          if (origin && origin !== allowedOrigin && origin !== `${request.protocol}://${request.headers.host}`) {
            throw new AppError(403, 'csrf_rejected');
          }
        },
      },
      (raw, request) => {
        const socket = raw as unknown as WsSocket;
        const viewer = request.viewer!;
        const conn: Connection = { socket, userId: viewer.userId, locale: localeOf(request), alive: true, queue: Promise.resolve(), typingAt: new Map() };
        let conns = byUser.get(conn.userId);
        if (!conns) {
          conns = new Set();
          byUser.set(conn.userId, conns);
        }
        conns.add(conn);
        socket.on('pong', () => {
          conn.alive = true;
        });
        socket.on('error', (err) => ctx.log.debug({ err: err.message }, 'chat socket error'));
        socket.on('close', () => {
          conns.delete(conn);
          if (conns.size === 0 && byUser.get(conn.userId) === conns) byUser.delete(conn.userId);
        });
        socket.on('message', (data, isBinary) => {
          conn.alive = true;
          let frame: unknown;
          try {
            if (isBinary) throw new Error('binary');
            frame = JSON.parse(data.toString('utf8'));
          } catch {
            socket.close(WS_CLOSE.invalidFrame, 'frames must be JSON text');
            return;
          }
          if (!checkFrame(frame)) {
            socket.close(WS_CLOSE.invalidFrame, 'unknown or malformed frame');
            return;
          }
          conn.queue = conn.queue
            .then(() => handle(conn, frame as ClientFrame))
            .catch((err) => ctx.log.error({ err }, 'chat frame failed'));
        });
        reply(conn, { type: 'ready', userId: conn.userId });
      },
    );
  });
}

