import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { KuaanApp } from '../../plugins/types.js';

export function healthRoutes(app: KuaanApp, ctx: AppContext): void {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        }, } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.database.db);
      } catch (err) {
        ctx.log.error({ err }, 'health check: database did not answer');
        return reply.status(503).send({ status: 'unavailable' as const, database: ctx.database.kind });
      }
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  );

  // The benchmark ceiling: the same stack (plugins, hooks, serialization) with no database work.
  app.get('/api/ping', { schema: { tags: ['meta'], response: { 200: Type.Object({ pong: Type.Literal(true) }) } } }, async () => ({
    pong: true as const,
  }));
}
