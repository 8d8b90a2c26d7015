import { Type } from 'typebox';
import { IdParams, Ok } from '../../../contract/common.js';
import {
  ActionBody,
  Appeal,
  AppealBody,
  AppealDecisionBody,
  CreateReportBody,
  Distribution,
  MyReport,
  Notice,
  QueueItem,
  QueueQuery,
  SafetyPatch,
  SafetySettings,
  SubjectDetail,
  SubjectParams,
  Transparency,
} from '../../../contract/moderation.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { ActionsService, quotedEvidence, textEvidence } from './actions.service.js';
import { AppealsService } from './appeals.service.js';
import { Checks, enqueueChecksOnEvents, registerModerationJobs } from './checks.jobs.js';
import { loadSubject } from './moderation.repo.js';
import { requireModerator } from './moderation.policy.js';
import { distributionView, eventDtos, myReportsView, noticesView, queueView, subjectView } from './moderation.views.js';
import { ReportsService } from './reports.service.js';
import { rulesRoutes } from './rules.routes.js';
import { safetyView, setMute, updateSafety } from './safety.service.js';
import { transparencyView } from './transparency.views.js';

const Created = Type.Object({ id: Type.String() });
const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item) });

/**
 * Transparent moderation (issue 7): public rules and figures; reports, notices, appeals and the
 * author's distribution status for signed-in people; the queue and decisions for moderators. Side
 * effects (checks, notices) hang off domain events, never off these handlers.
 */
export function moderationRoutes(app: KuaanApp, ctx: AppContext): { checks: Checks } {
  const actions = new ActionsService(ctx);
  const reports = new ReportsService(ctx);
  const appeals = new AppealsService(ctx, actions);
  const checks = new Checks(ctx, actions);
  enqueueChecksOnEvents(ctx);
  registerModerationJobs(ctx, checks);
  const db = ctx.database.db;
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };
  const tags = ['moderation'];

  rulesRoutes(app, ctx);
  // The rule files are read and applied before the first request: a malformed one stops the start.
  app.addHook('onReady', () => ctx.rules.start());

  app.get('/api/transparency', { schema: { tags, response: { 200: Transparency } } }, async () => transparencyView(db, ctx.clock.now()));

  app.post('/api/moderation/reports', { schema: { tags, body: CreateReportBody, response: { 201: Created } }, config: writeLimit }, async (request, reply) => {
    const id = await reports.report(requireViewer(request).userId, request.body);
    return reply.status(201).send({ id });
  });

  app.get('/api/moderation/reports/mine', { schema: { tags, response: { 200: Items(MyReport) } } }, async (request) => ({
    items: await myReportsView(db, requireViewer(request).userId),
  }));

  app.get('/api/moderation/notices', { schema: { tags, response: { 200: Items(Notice) } } }, async (request) => ({
    items: await noticesView(db, await ctx.rules.current(), requireViewer(request).userId, localeOf(request), ctx.clock.now()),
  }));

  app.post(
    '/api/moderation/notices/:id/appeal',
    { schema: { tags, params: IdParams, body: AppealBody, response: { 201: Created } }, config: writeLimit },
    async (request, reply) => {
      const id = await appeals.appeal(requireViewer(request).userId, request.params.id, request.body.statement);
      return reply.status(201).send({ id });
    },
  );

  app.get('/api/moderation/notes/:id/distribution', { schema: { tags, params: IdParams, response: { 200: Distribution } } }, async (request) =>
    distributionView(db, await ctx.rules.current(), request.params.id, requireViewer(request).userId, localeOf(request)),
  );

  // Moderators ------------------------------------------------------------------------------------
  app.get('/api/moderation/queue', { schema: { tags, querystring: QueueQuery, response: { 200: Items(QueueItem) } } }, async (request) => {
    await requireModerator(db, requireViewer(request).userId);
    return { items: await queueView(db, request.query.lang, request.query.limit ?? 50) };
  });

  app.get('/api/moderation/subjects/:kind/:id', { schema: { tags, params: SubjectParams, response: { 200: SubjectDetail } } }, async (request) => {
    await requireModerator(db, requireViewer(request).userId);
    return subjectView(db, request.params.kind, request.params.id);
  });

  app.post('/api/moderation/actions', { schema: { tags, body: ActionBody, response: { 201: Created } }, config: writeLimit }, async (request, reply) => {
    const viewer = requireViewer(request);
    await requireModerator(db, viewer.userId);
    const b = request.body;
    const subject = b.evidence?.length || b.quotes?.length ? await loadSubject(db, b.subjectKind, b.subjectId) : undefined;
    const id = await actions.decide({
      subjectKind: b.subjectKind,
      subjectId: b.subjectId,
      action: b.action,
      ruleId: b.ruleId,
      note: b.note,
      days: b.days,
      evidence: subject ? [...textEvidence(subject.fields, b.evidence ?? []), ...quotedEvidence(subject.fields, b.quotes ?? [])] : [],
      actorId: viewer.userId,
    });
    return reply.status(201).send({ id });
  });

  app.get('/api/moderation/appeals', { schema: { tags, response: { 200: Items(Appeal) } } }, async (request) => {
    await requireModerator(db, requireViewer(request).userId);
    const rows = await db.selectFrom('moderation_appeals').selectAll().where('state', '=', 'open').orderBy('created_at').limit(100).execute();
    const events = rows.length ? await db.selectFrom('moderation_events').selectAll().where('id', 'in', rows.map((r) => r.event_id)).execute() : [];
    const dtos = new Map((await eventDtos(db, events)).map((e) => [e.id, e]));
    const people = await userSummaries(db, rows.map((r) => r.appellant_id));
    return {
      items: rows.flatMap((r) =>
        dtos.has(r.event_id)
          ? [{ id: r.id, eventId: r.event_id, appellant: people.get(r.appellant_id) ?? null, statement: r.statement, state: r.state, decision: dtos.get(r.event_id)!, createdAt: new Date(Number(r.created_at)).toISOString() }]
          : [],
      ),
    };
  });

  app.post(
    '/api/moderation/appeals/:id/decide',
    { schema: { tags, params: IdParams, body: AppealDecisionBody, response: { 200: Ok } }, config: writeLimit },
    async (request) => {
      const viewer = requireViewer(request);
      await requireModerator(db, viewer.userId);
      await appeals.decide(viewer.userId, request.params.id, request.body.decision, request.body.note ?? '');
      return { ok: true as const };
    },
  );

  // Safety tools ----------------------------------------------------------------------------------
  app.get('/api/me/safety', { schema: { tags, response: { 200: SafetySettings } } }, async (request) => safetyView(db, requireViewer(request).userId));
  app.patch('/api/me/safety', { schema: { tags, body: SafetyPatch, response: { 200: SafetySettings } }, config: writeLimit }, async (request) => {
    const userId = requireViewer(request).userId;
    await updateSafety(db, userId, request.body, ctx.clock.now());
    return safetyView(db, userId);
  });
  app.put('/api/users/:id/mute', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await setMute(db, requireViewer(request).userId, request.params.id, true, ctx.clock.now());
    return { ok: true as const };
  });
  app.delete('/api/users/:id/mute', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await setMute(db, requireViewer(request).userId, request.params.id, false, ctx.clock.now());
    return { ok: true as const };
  });

  return { checks };
}
