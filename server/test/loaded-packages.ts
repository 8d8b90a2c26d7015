/**
 * Prints, as JSON, the npm packages a server built from the given environment has loaded once it is
 * ready: `node --import tsx server/test/loaded-packages.ts '<env as JSON>'`. Run in a process of its
 * own (embedded-footprint.test.ts), because a test process has loaded whatever its other tests needed.
 */
import { registerHooks } from 'node:module';

const resolved = new Set<string>();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    resolved.add(result.url);
    return result;
  },
});

const { loadConfig } = await import('../config.js');
const { createContext } = await import('../context.js');
const { buildApp } = await import('../app.js');
const { migrateToLatest } = await import('../db/migrations/index.js');

const ctx = await createContext(loadConfig({ LOG_LEVEL: 'silent', ...JSON.parse(process.argv[2] ?? '{}') }));
await migrateToLatest(ctx.database);
const app = await buildApp(ctx);
await app.ready();
const packages = new Set([...resolved].map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter(Boolean));
console.log(JSON.stringify([...packages].sort()));
await app.close();
await ctx.close();
