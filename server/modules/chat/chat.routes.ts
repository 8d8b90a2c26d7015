import { Type } from 'typebox';
import {
  ChatMessage,
  ChatSettings,
  ChatSettingsBody,
  Conversation,
  ConversationList,
  ConversationListQuery,
  CreateConversationBody,
  HistoryQuery,
  MessagePage,
  MuteBody,
  ReadBody,
  SendMessageBody,
} from '../../../contract/chat.js';
import { IdParams, Ok } from '../../../contract/common.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { pageLimit } from '../../db/pagination.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { chatGateway } from './chat.gateway.js';
import * as repo from './chat.repo.js';
import { ChatService } from './chat.service.js';
import { conversationListView, conversationView } from './chat.views.js';
import { chatLearnRoutes } from './chat-learn.routes.js';
import { historyView } from './messages.views.js';

/** Conversations and messages over HTTP, the WebSocket gateway, and the learning aids on messages. */
export function chatRoutes(app: KuaanApp, ctx: AppContext): ChatService {
  const chat = new ChatService(ctx);
  const db = ctx.database.db;
  const tags = ['chat'];
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };
  const one = { tags, params: IdParams, response: { 200: Conversation } };

  app.get('/api/chat/conversations', { schema: { tags, querystring: ConversationListQuery, response: { 200: ConversationList } } }, async (request) =>
    conversationListView(ctx, requireViewer(request).userId, request.query.folder ?? 'inbox', request.query.cursor, pageLimit(request.query.limit)),
  );

  app.post(
    '/api/chat/conversations',
    { schema: { tags, body: CreateConversationBody, response: { 200: Conversation } }, config: writeLimit },
    async (request) => chat.start(requireViewer(request).userId, request.body.handles, request.body.title),
  );

  app.get('/api/chat/conversations/:id', { schema: one }, async (request) => {
    const found = await conversationView(ctx, db, requireViewer(request).userId, request.params.id);
    if (!found) throw notFound('conversation');
    return found;
  });

  app.get(
    '/api/chat/conversations/:id/messages',
    { schema: { tags, params: IdParams, querystring: HistoryQuery, response: { 200: MessagePage } } },
    async (request) => historyView(ctx, requireViewer(request).userId, request.params.id, request.query),
  );

  // The HTTP twin of the socket's `send` frame: same checks, same fan-out over the bus.
  app.post(
    '/api/chat/conversations/:id/messages',
    { schema: { tags, params: IdParams, body: SendMessageBody, response: { 201: ChatMessage } }, config: writeLimit },
    async (request, reply) => {
      const message = await chat.send(requireViewer(request).userId, request.params.id, request.body);
      return reply.status(201).send(message);
    },
  );

  app.post(
    '/api/chat/conversations/:id/read',
    { schema: { tags, params: IdParams, body: ReadBody, response: { 200: Type.Object({ lastReadSeq: Type.Integer() }) } }, config: writeLimit },
    async (request) => chat.read(requireViewer(request).userId, request.params.id, request.body.seq),
  );

  app.post('/api/chat/conversations/:id/typing', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await chat.typing(requireViewer(request).userId, request.params.id);
    return { ok: true as const };
  });

  app.post('/api/chat/conversations/:id/accept', { schema: one, config: writeLimit }, async (request) =>
    chat.accept(requireViewer(request).userId, request.params.id),
  );

  app.post('/api/chat/conversations/:id/leave', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await chat.leave(requireViewer(request).userId, request.params.id);
    return { ok: true as const };
  });

  app.put(
    '/api/chat/conversations/:id/mute',
    { schema: { tags, params: IdParams, body: MuteBody, response: { 200: Conversation } }, config: writeLimit },
    async (request) => chat.mute(requireViewer(request).userId, request.params.id, request.body.muted),
  );

  // The Messages tab badge: muted conversations do not count.
  app.get(
    '/api/chat/unread',
    { schema: { tags, response: { 200: Type.Object({ unread: Type.Integer(), requests: Type.Integer() }) } } },
    async (request) => repo.unreadTotals(db, requireViewer(request).userId),
  );

  app.get('/api/chat/settings', { schema: { tags, response: { 200: ChatSettings } } }, async (request) => ({
    whoMayMessage: await repo.whoMayMessage(db, requireViewer(request).userId),
  }));

  app.put('/api/chat/settings', { schema: { tags, body: ChatSettingsBody, response: { 200: ChatSettings } }, config: writeLimit }, async (request) => {
    await repo.setWhoMayMessage(db, requireViewer(request).userId, request.body.whoMayMessage);
    return { whoMayMessage: request.body.whoMayMessage };
  });

  chatLearnRoutes(app, ctx);
  chatGateway(app, ctx, chat);
  return chat;
}
