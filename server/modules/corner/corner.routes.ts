import { IdParams, Ok, PageQuery } from '../../../contract/common.js';
import {
  CreateRoomBody,
  PartnerList,
  PartnerProfile,
  PartnerProfileBody,
  PartnerRequest,
  PartnerRequestBody,
  PartnerRequestList,
  PinBody,
  RequestAnswerParams,
  RequestBoxQuery,
  Room,
  RoomList,
  RoomMemberParams,
  SilenceBody,
  SuggestionList,
  SuggestionQuery,
} from '../../../contract/corner.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { PartnersService } from './partners.service.js';
import { RoomsService } from './rooms.service.js';
import { suggestionsView } from './suggestions.views.js';

/** English Corner / 中文角: partner profile, suggestions, partner requests, topic rooms. */
export function cornerRoutes(app: KuaanApp, ctx: AppContext): void {
  const partners = new PartnersService(ctx);
  const rooms = new RoomsService(ctx);
  const tags = ['corner'];
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };
  // The daily cap is the real limit; this stops a script from hammering the endpoint.
  const requestLimit = { rateLimit: { max: LIMITS.partners.requestsPerDay * 3, timeWindow: '1 minute' } };
  const ok = { ok: true as const };

  app.get('/api/partners/profile', { schema: { tags, response: { 200: PartnerProfile } } }, async (request) =>
    partners.profile(requireViewer(request).userId),
  );
  app.put('/api/partners/profile', { schema: { tags, body: PartnerProfileBody, response: { 200: PartnerProfile } }, config: writeLimit }, async (request) =>
    partners.updateProfile(requireViewer(request).userId, request.body),
  );
  app.get('/api/partners/suggestions', { schema: { tags, querystring: SuggestionQuery, response: { 200: SuggestionList } } }, async (request) => ({
    items: await suggestionsView(ctx, requireViewer(request).userId, request.query),
  }));
  app.get('/api/partners', { schema: { tags, response: { 200: PartnerList } } }, async (request) => partners.partners(requireViewer(request).userId));

  app.get('/api/partners/requests', { schema: { tags, querystring: RequestBoxQuery, response: { 200: PartnerRequestList } } }, async (request) => ({
    items: await partners.list(requireViewer(request).userId, request.query.box ?? 'incoming'),
  }));
  app.post(
    '/api/partners/requests',
    { schema: { tags, body: PartnerRequestBody, response: { 201: PartnerRequest } }, config: requestLimit },
    async (request, reply) => reply.status(201).send(await partners.request(requireViewer(request).userId, request.body.handle, request.body.message)),
  );
  app.post('/api/partners/requests/:id/:answer', { schema: { tags, params: RequestAnswerParams, response: { 200: PartnerRequest } }, config: writeLimit }, async (request) =>
    partners.answer(requireViewer(request).userId, request.params.id, request.params.answer),
  );

  app.get('/api/corner/rooms', { schema: { tags, querystring: PageQuery, response: { 200: RoomList } } }, async (request) =>
    rooms.list(requireViewer(request).userId, request.query.cursor, pageLimit(request.query.limit)),
  );
  app.post('/api/corner/rooms', { schema: { tags, body: CreateRoomBody, response: { 201: Room } }, config: writeLimit }, async (request, reply) =>
    reply.status(201).send(await rooms.create(requireViewer(request).userId, request.body.title, request.body.topic)),
  );
  app.post('/api/corner/rooms/:id/join', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await rooms.join(requireViewer(request).userId, request.params.id);
    return ok;
  });
  app.put('/api/corner/rooms/:id/pin', { schema: { tags, params: IdParams, body: PinBody, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await rooms.pin(requireViewer(request).userId, request.params.id, request.body.messageId);
    return ok;
  });
  app.put(
    '/api/corner/rooms/:id/members/:userId/silence',
    { schema: { tags, params: RoomMemberParams, body: SilenceBody, response: { 200: Ok } }, config: writeLimit },
    async (request) => {
      await rooms.silence(requireViewer(request).userId, request.params.id, request.params.userId, request.body.minutes);
      return ok;
    },
  );
  app.delete('/api/corner/rooms/:id/members/:userId', { schema: { tags, params: RoomMemberParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await rooms.remove(requireViewer(request).userId, request.params.id, request.params.userId);
    return ok;
  });
}
