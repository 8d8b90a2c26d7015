import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { AppContext } from './context.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { installAuth, installOriginCheck } from './plugins/auth.js';
import { installErrorHandling, sendProblem } from './plugins/errors.js';
import type { KuaanApp } from './plugins/types.js';
import { installValidators } from './plugins/validation.js';
import { registerModules } from './modules/index.js';
import { installWeb } from './plugins/web.js';

/** Builds the whole HTTP app on a context; never listens (main.ts and tests decide that). */
export async function buildApp(ctx: AppContext): Promise<KuaanApp> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Ids in URLs are short; anything longer is hostile.
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route runs (an over-long id, a malformed URL) get the same
    // problem documents as everything else, instead of Fastify's English JSON echoing the input.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(request, reply, 414, 'uri_too_long');
      return sendProblem(request, reply, 400, 'bad_url');
    },
    // One line per request is noise at info level and costs throughput under load; debug shows them.
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app);
  installErrorHandling(app);
  await app.register(cookie);
  installOriginCheck(app, ctx);
  installAuth(app, ctx);
  await app.register(rateLimit, {
    global: false,
    // After auth, so limits can key on the person rather than a shared IP.
    hook: 'preHandler',
    keyGenerator: (request) => request.viewer?.userId ?? request.ip,
    // In a cluster every node must count against the same budget.
    ...(ctx.redis ? { redis: ctx.redis, nameSpace: 'kuaan-rl-' } : {}),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kuaan API', version: '0.1.0', description: 'The bilingual lifestyle-sharing platform.' },
    },
  });

  healthRoutes(app, ctx);
  accountsRoutes(app, ctx);
  registerModules(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Let side effects of the last requests (notifications, language detection) land before closing.
  app.addHook('onClose', () => ctx.events.settle());

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, 'route_not_found'));
  await installWeb(app, ctx);
  return app;
}
