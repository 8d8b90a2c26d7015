import { Type } from 'typebox';
import { PublishRulesBody, RuleChangelog, RuleSet } from '../../../contract/moderation.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { requireAdmin } from './moderation.policy.js';
import { RulesService } from './rules.service.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The community rules: public rules in force and changelog; publishing a new version is for admins (ADR 0011). */
export function rulesRoutes(app: KuaanApp, ctx: AppContext): void {
  const db = ctx.database.db;
  const service = new RulesService(ctx);
  const tags = ['moderation'];
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.get('/api/rules', { schema: { tags, response: { 200: RuleSet } } }, async () => {
    const set = await ctx.rules.current();
    return { version: set.version, publishedAt: iso(set.publishedAt), rules: set.rules };
  });

  app.get('/api/rules/changelog', { schema: { tags, response: { 200: RuleChangelog } } }, async () => {
    await ctx.rules.current(); // the files are applied before anyone reads the log
    const rows = await db
      .selectFrom('rule_versions')
      .select(['version', 'changes', 'published_at', 'source'])
      .orderBy('version', 'desc')
      .limit(100)
      .execute();
    // Who published stays with the operator (rule_versions.published_by); readers see where it came from.
    return { items: rows.map((r) => ({ version: Number(r.version), publishedAt: iso(r.published_at), ...JSON.parse(r.changes), source: r.source })) };
  });

  app.post(
    '/api/rules/versions',
    { schema: { tags, body: PublishRulesBody, response: { 201: Type.Object({ version: Type.Integer() }) } }, config: writeLimit },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await requireAdmin(db, viewer.userId);
      const version = await service.publish(viewer.userId, request.body);
      return reply.status(201).send({ version });
    },
  );
}
