import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  ChangePasswordBody,
  Me,
  Profile,
  SessionInfo,
  SignInBody,
  SignUpBody,
  UpdateMeBody,
  VerifyBody,
} from '../../../contract/accounts.js';
import { IdParams, Ok } from '../../../contract/common.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { requireViewer, SESSION_COOKIE } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { AccountsService, type NewSession } from './accounts.service.js';
import { meView, profileView } from './accounts.views.js';
import { listSessions } from './sessions.repo.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function accountsRoutes(app: KuaanApp, ctx: AppContext): void {
  const service = new AccountsService(ctx);
  const db = ctx.database.db;

  function setSessionCookie(reply: FastifyReply, session: NewSession): void {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.cookieSecure,
      path: '/',
      expires: new Date(session.expiresAt),
    });
  }

  app.post(
    '/api/auth/sign-up',
    {
      schema: { tags: ['auth'], body: SignUpBody, response: { 201: Me } },
      config: { rateLimit: { max: ctx.config.rateLimits.signUpPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const session = await service.signUp(request.body, { userAgent: request.headers['user-agent'] ?? '' });
      setSessionCookie(reply, session);
      return reply.status(201).send((await meView(db, session.userId))!);
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: { tags: ['auth'], body: SignInBody, response: { 200: Me } },
      config: { rateLimit: { max: ctx.config.rateLimits.signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const session = await service.signIn(request.body, { userAgent: request.headers['user-agent'] ?? '' });
      setSessionCookie(reply, session);
      return (await meView(db, session.userId))!;
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (request, reply) => {
    if (request.viewer) await service.revokeSession(request.viewer.userId, request.viewer.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/sessions', { schema: { tags: ['auth'], response: { 200: Type.Array(SessionInfo) } } }, async (request) => {
    const viewer = requireViewer(request);
    const rows = await listSessions(db, viewer.userId, ctx.clock.now());
    return rows.map((s) => ({
      id: s.id,
      userAgent: s.user_agent,
      createdAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      current: s.id === viewer.sessionId,
    }));
  });

  app.delete(
    '/api/auth/sessions/:id',
    { schema: { tags: ['auth'], params: IdParams, response: { 200: Ok } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      if (!(await service.revokeSession(viewer.userId, request.params.id))) throw notFound('session');
      if (request.params.id === viewer.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok } },
      config: { rateLimit: { max: ctx.config.rateLimits.signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await service.changePassword(viewer.userId, viewer.sessionId, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/verification/send',
    {
      schema: { tags: ['auth'], response: { 200: Ok } },
      config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
    },
    async (request) => {
      await service.sendVerificationCode(requireViewer(request).userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/verification',
    {
      schema: { tags: ['auth'], body: VerifyBody, response: { 200: Me } },
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await service.verifyCode(viewer.userId, request.body.code);
      return (await meView(db, viewer.userId))!;
    },
  );

  app.get('/api/me', { schema: { tags: ['accounts'], response: { 200: Me } } }, async (request) => {
    const me = await meView(db, requireViewer(request).userId);
    if (!me) throw new AppError(401, 'unauthorized');
    return me;
  });

  app.patch('/api/me', { schema: { tags: ['accounts'], body: UpdateMeBody, response: { 200: Me } } }, async (request) => {
    const viewer = requireViewer(request);
    await service.updateMe(viewer.userId, request.body);
    return (await meView(db, viewer.userId))!;
  });

  app.get(
    '/api/users/:handle',
    {
      schema: {
        tags: ['accounts'],
        params: Type.Object({ handle: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: Profile },
      },
    },
    async (request) => {
      const profile = await profileView(db, request.params.handle, request.viewer?.userId ?? null);
      if (!profile) throw notFound('user');
      return profile;
    },
  );
}
